namespace Microfinance.Silo.Api.Imports;

/// <summary>A column of an imported file: its Chinese header, as government exports have it, and an English one also accepted.</summary>
public sealed record ImportColumn(string Chinese, string English, bool Required = true)
{
    /// <summary>Whether a header cell names this column: either name, ignoring case and surrounding spaces.</summary>
    public bool IsNamedBy(string header) =>
        string.Equals(header.Trim(), Chinese, StringComparison.Ordinal)
        || string.Equals(header.Trim(), English, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Chinese} ({English})";
}
