namespace Microfinance.Bench;

/// <summary>Where the workers' households live, and so which county-level grains the load falls on.</summary>
public enum OriginationShape
{
    /// <summary>Households spread over all the province's counties (<c>--counties</c>, 16 by default).</summary>
    ManyCounties,

    /// <summary>
    /// A county bank's day: every household in one county, with as many townships and villages as
    /// each of the many has, so the whole load falls on that county's books, its two fund accounts
    /// and its due-date index.
    /// </summary>
    OneCounty,
}
