using System.Globalization;

namespace Microfinance.Domain.Identity;

/// <summary>
/// An 18-character PRC resident identity number (公民身份号码) as defined by GB 11643-1999:
/// a 6-digit address code, an 8-digit birth date <c>yyyyMMdd</c>, a 3-digit sequence code whose
/// last digit is odd for men and even for women, and an ISO 7064 MOD 11-2 check character
/// (<c>0</c>–<c>9</c> or <c>X</c>).
/// </summary>
/// <remarks>
/// Only <see cref="Parse"/> and <see cref="TryParse"/> create valid instances; <c>default</c> is
/// not a resident id.
/// </remarks>
public readonly record struct ResidentId
{
    public const int Length = 18;

    // GB 11643-1999 (ISO 7064 MOD 11-2): the weight of position i (from 1) is 2^(18-i) mod 11, and
    // the weighted sum mod 11 indexes the check character.
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    private readonly string? _value;

    private ResidentId(string value, DateOnly birthDate)
    {
        _value = value;
        BirthDate = birthDate;
    }

    /// <summary>The canonical form: 18 characters, a trailing check <c>X</c> upper-case.</summary>
    public string Value => _value ?? "";

    /// <summary>The birth date encoded in characters 7–14.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>The 6-digit address code (the county where the number was first issued).</summary>
    public string RegionCode => Value[..6];

    /// <summary>Whether the sequence code's last digit (character 17) is odd, which GB 11643 assigns to men.</summary>
    public bool IsMale => (Value[16] - '0') % 2 == 1;

    /// <summary>
    /// The full years of age completed on <paramref name="date"/>. A person is a year older on
    /// each birthday; someone born on 29 February turns a year older on 1 March in a year
    /// without 29 February.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before the birth date.</exception>
    public int AgeOn(DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(date, BirthDate);

        var age = date.Year - BirthDate.Year;

        // Comparing (month, day) pairs is what yields 1 March for a 29 February birthday in
        // common years: 28 February still sorts before (2, 29), 1 March after it.
        var birthdayNotYetReached = date.Month < BirthDate.Month
            || (date.Month == BirthDate.Month && date.Day < BirthDate.Day);
        return birthdayNotYetReached ? age - 1 : age;
    }

    public static bool TryParse(string? text, out ResidentId id, out string? error)
    {
        id = default;
        var trimmed = text?.Trim() ?? "";
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

        if (trimmed.AsSpan(0, Length - 1).ContainsAnyExceptInRange('0', '9'))
        {
            error = "first 17 characters must be digits";
            return false;
        }

        var check = char.ToUpperInvariant(trimmed[^1]);
        if (!char.IsAsciiDigit(check) && check != 'X')
        {
            error = "last character must be a digit or X";
            return false;
        }

        // No error echoes any part of the number, nor the check character it should have had:
        // messages reach logs and clients, and the number is personal data.
        if (check != CheckCharacterOf(trimmed))
        {
            error = "check digit mismatch";
            return false;
        }

        // The checksum cannot tell a real date from 19991340, so the date is checked on its own.
        if (!DateOnly.TryParseExact(trimmed.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            error = "birth date is not a calendar date";
            return false;
        }

        if (birthDate < EarliestBirthDate)
        {
            error = "birth date is before 1900-01-01";
            return false;
        }

        id = new ResidentId(trimmed[..^1] + check, birthDate);
        error = null;
        return true;
    }

    /// <summary>
    /// The id of the person with this address code, birth date and sequence number (顺序码: odd for
    /// men, even for women), with its check digit: for issuing test and demo data, and for imports
    /// that carry the parts separately.
    /// </summary>
    public static ResidentId Compose(string regionCode, DateOnly birthDate, int sequence)
    {
        if (regionCode.Length != 6 || !regionCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("The address code must be 6 digits.", nameof(regionCode));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{regionCode}{birthDate:yyyyMMdd}{sequence:000}");
        return Parse(first17 + CheckCharacterOf(first17));
    }

    /// <exception cref="FormatException"><paramref name="text"/> is not a valid resident id; the message says why.</exception>
    public static ResidentId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException($"Resident id is invalid: {error}.");

    /// <summary>
    /// The id masked (<see cref="PersonalDataMask.ResidentId"/>): whatever prints a value by
    /// accident — Orleans logging a message's body, a record's generated text — never shows the
    /// number whole. Code that needs the number reads <see cref="Value"/>.
    /// </summary>
    public override string ToString() => _value is null ? "" : PersonalDataMask.ResidentId(this);

    /// <summary>GB 11643: the weighted sum of the first 17 digits, mod 11, picks the check character.</summary>
    private static char CheckCharacterOf(string digits)
    {
        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }
}
