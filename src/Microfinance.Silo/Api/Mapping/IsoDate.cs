using System.Globalization;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>Dates on the wire are ISO 8601 calendar dates (<c>YYYY-MM-DD</c>).</summary>
public static class IsoDate
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(DateOnly? date) => date is { } value ? Format(value) : "";
}
