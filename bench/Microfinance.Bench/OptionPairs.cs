namespace Microfinance.Bench;

/// <summary>The command lines of the benchmarks: <c>--name value</c> pairs, and the one flag <c>--keep-database</c>.</summary>
internal static class OptionPairs
{
    internal const string KeepDatabase = "--keep-database";

    /// <summary>
    /// Folds the arguments into <paramref name="options"/>: <paramref name="keepDatabase"/> for the
    /// flag, <paramref name="apply"/> for each pair; throws <see cref="FormatException"/> for a name without a value.
    /// </summary>
    internal static T Fold<T>(IReadOnlyList<string> args, T options, Func<T, T> keepDatabase, Func<T, string, string, T> apply)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == KeepDatabase)
            {
                options = keepDatabase(options);
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new FormatException($"{name} needs a value.");
            }

            options = apply(options, name, args[++i]);
        }

        return options;
    }
}
