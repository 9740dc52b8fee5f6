using System.Security.Cryptography;
using System.Text;
using Microfinance.Domain.Identity;

namespace Microfinance.Grains.Households;

/// <summary>
/// Keys a resident id by a hash under a secret pepper: lowercase hex of the first 16 bytes of
/// SHA-256(pepper ‖ UTF-8(resident id)). Migration 0007 computes the same in SQL.
/// </summary>
/// <remarks>
/// The pepper is what makes the hash safe to show: a resident id is a region, a birth date, a
/// sequence and a check digit, so without a secret every id of a county hashes in seconds.
/// </remarks>
public sealed class ResidentIdKey : IResidentIdKey
{
    /// <summary>Bytes of pepper: as many as SHA-256 gives, so guessing it is no easier than inverting the hash.</summary>
    public const int PepperLength = 32;

    private const int KeyBytes = 16;

    private readonly byte[] _pepper;

    public ResidentIdKey(ReadOnlySpan<byte> pepper)
    {
        if (pepper.Length != PepperLength)
        {
            throw new ArgumentException($"The pepper must be {PepperLength} bytes.", nameof(pepper));
        }

        _pepper = pepper.ToArray();
    }

    /// <summary>
    /// A key under a fresh random pepper: for state that lives no longer than the process (the
    /// embedded profile, tests), since a claim under one pepper is not found under another.
    /// </summary>
    public static ResidentIdKey CreateRandom() => new(RandomNumberGenerator.GetBytes(PepperLength));

    public string Of(ResidentId residentId)
    {
        var id = Encoding.UTF8.GetBytes(residentId.Value);
        var input = new byte[_pepper.Length + id.Length];
        _pepper.CopyTo(input, 0);
        id.CopyTo(input, _pepper.Length);
        return Convert.ToHexStringLower(SHA256.HashData(input).AsSpan(0, KeyBytes));
    }
}
