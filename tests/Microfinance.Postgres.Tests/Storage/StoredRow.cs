namespace Microfinance.Postgres.Tests.Storage;

/// <summary>A grain state row as the database holds it, whichever provider's table it is in.</summary>
/// <param name="Payload">The serialized state; null once cleared.</param>
/// <param name="Version">The row's version, which the provider hands out as the etag.</param>
/// <param name="ModifiedAt">When the row was last written: the start of the writing transaction.</param>
public sealed record StoredRow(byte[]? Payload, long Version, DateTime ModifiedAt)
{
    /// <summary>The version as the providers format their etags.</summary>
    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
