namespace Microfinance.Domain.Households;

/// <summary>
/// A household's registry number (档案编号): the stable key the poverty information system
/// gives a household. 1 to 32 ASCII letters, digits or hyphens, upper-cased.
/// </summary>
public readonly record struct RegistryNumber
{
    public const int MaxLength = 32;

    private RegistryNumber(string value) => Value = value;

    /// <summary>The canonical (upper-case) form.</summary>
    public string Value { get; }

    public static bool TryParse(string? text, out RegistryNumber number, out string? error)
    {
        number = default;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "is required";
            return false;
        }

        if (trimmed.Length > MaxLength)
        {
            error = $"must be at most {MaxLength} characters";
            return false;
        }

        if (!trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            error = "may hold only letters, digits and hyphens";
            return false;
        }

        number = new RegistryNumber(trimmed.ToUpperInvariant());
        error = null;
        return true;
    }

    public static RegistryNumber Parse(string text) =>
        TryParse(text, out var number, out var error) ? number : throw new FormatException($"Registry number {error}.");

    public override string ToString() => Value;
}
