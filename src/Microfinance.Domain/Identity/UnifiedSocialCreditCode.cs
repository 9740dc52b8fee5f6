namespace Microfinance.Domain.Identity;

/// <summary>
/// An 18-character unified social credit code (统一社会信用代码) of a legal person or other
/// organisation, as defined by GB 32100-2015: registration authority (character 1), entity
/// category (2), administrative division code (3–8), organisation code (9–17) and a check
/// character (18), all drawn from a 31-symbol charset that leaves out I, O, Z, S and V.
/// </summary>
/// <remarks>
/// Only <see cref="Parse"/> and <see cref="TryParse"/> create valid instances; <c>default</c> is
/// not a credit code.
/// </remarks>
public readonly record struct UnifiedSocialCreditCode
{
    public const int Length = 18;

    // GB 32100-2015: a symbol's value is its index in this charset, which is also what the check
    // character is looked up in.
    private const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // GB 32100-2015: the weight of position i (from 1) is 3^(i-1) mod 31.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private readonly string? _value;

    private UnifiedSocialCreditCode(string value) => _value = value;

    /// <summary>The canonical (upper-case) form.</summary>
    public string Value => _value ?? "";

    /// <summary>The registration authority (登记管理部门), e.g. <c>9</c> for market regulation, <c>5</c> for civil affairs.</summary>
    public char RegistrationAuthority => Value[0];

    /// <summary>The entity category within the authority (机构类别), e.g. <c>3</c> for a farmers' cooperative under authority <c>9</c>.</summary>
    public char EntityCategory => Value[1];

    /// <summary>The 6-digit administrative division code (登记管理机关行政区划码) of the registering office.</summary>
    public string AdminDivisionCode => Value[2..8];

    public static bool TryParse(string? text, out UnifiedSocialCreditCode code, out string? error)
    {
        code = default;
        var trimmed = text?.Trim().ToUpperInvariant() ?? "";
        if (trimmed.Length == 0)
        {
            error = "is required";
            return false;
        }

        if (trimmed.Length != Length)
        {
            error = $"must be {Length} characters";
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            if (Charset.IndexOf(trimmed[i]) < 0)
            {
                error = $"character {i + 1} '{trimmed[i]}' is not allowed";
                return false;
            }
        }

        if (trimmed.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9'))
        {
            error = "characters 3-8 must be digits";
            return false;
        }

        var expected = CheckCharacterOf(trimmed);
        if (trimmed[^1] != expected)
        {
            error = $"check character mismatch: expected {expected}";
            return false;
        }

        code = new UnifiedSocialCreditCode(trimmed);
        error = null;
        return true;
    }

    /// <exception cref="FormatException"><paramref name="text"/> is not a valid credit code; the message says why.</exception>
    public static UnifiedSocialCreditCode Parse(string text) =>
        TryParse(text, out var code, out var error)
            ? code
            : throw new FormatException($"Unified social credit code is invalid: {error}.");

    public override string ToString() => Value;

    /// <summary>
    /// The code whose first 17 characters are <paramref name="first17"/>, with its GB 32100 check
    /// character: for issuing test and demo data.
    /// </summary>
    public static UnifiedSocialCreditCode Compose(string first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("Give the first 17 characters.", nameof(first17));
        }

        return Parse(first17 + CheckCharacterOf(first17.ToUpperInvariant()));
    }

    /// <summary>GB 32100: 31 − (weighted sum of the first 17 symbols mod 31), where 31 stands for symbol 0.</summary>
    private static char CheckCharacterOf(string characters)
    {
        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            sum += Charset.IndexOf(characters[i]) * Weights[i];
        }

        return Charset[(31 - sum % 31) % 31];
    }
}
