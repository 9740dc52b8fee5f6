namespace Microfinance.Cli.Commands;

/// <summary>
/// Process exit codes shared by every command. A command line that does not parse exits 1 too,
/// with System.CommandLine's own message.
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;

    /// <summary>An import that finished but refused some rows: the report lists them.</summary>
    public const int RowsRefused = 3;
}
