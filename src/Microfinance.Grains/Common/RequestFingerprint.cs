using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Orleans.Serialization;

namespace Microfinance.Grains.Common;

/// <summary>
/// What a request asked for, in 16 bytes: the first half of a SHA-256 over the arguments a grain
/// method applies (its actor included, its request id not), so that a request id can be held to
/// the content it was first used with (<see cref="RequestLog"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("mf.RequestFingerprint")]
public readonly record struct RequestFingerprint([property: Id(0)] ulong High, [property: Id(1)] ulong Low)
{
    /// <summary>
    /// The fingerprint of <paramref name="parts"/>, in order: strings as UTF-8, anything else in the
    /// Orleans wire form of its type (every argument type has one, and it writes every field the
    /// grain would store). Each part is written on its own, its length first, so that neither the
    /// boundary between two parts nor one string instance passed as two arguments changes it.
    /// </summary>
    /// <remarks>
    /// Within one part the serializer writes a string instance held twice as a back-reference, so a
    /// record sharing one instance between two fields fingerprints unlike a copy holding two equal
    /// ones. Requests from the API are built from protobuf fields, each its own instance; a caller
    /// inside the silo that shares instances does so alike on its retries.
    /// </remarks>
    public static RequestFingerprint Of(Serializer serializer, params ReadOnlySpan<object?> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[sizeof(int)];
        foreach (var part in parts)
        {
            var bytes = part is string text ? Encoding.UTF8.GetBytes(text) : serializer.SerializeToArray(part);
            BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        hash.GetHashAndReset(digest);
        return new RequestFingerprint(BinaryPrimitives.ReadUInt64LittleEndian(digest), BinaryPrimitives.ReadUInt64LittleEndian(digest[sizeof(ulong)..]));
    }
}
