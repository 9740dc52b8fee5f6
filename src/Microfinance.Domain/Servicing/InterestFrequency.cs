namespace Microfinance.Domain.Servicing;

/// <summary>
/// How often interest is paid (结息方式). Quarterly (按季结息) is the default for poverty
/// microloans; monthly (按月) or all at maturity (利随本清) are contract options.
/// </summary>
/// <remarks>
/// Periods are anchored on the contract's day of the month (see <see cref="ContractDates"/>), not
/// on the calendar quarter: banks that settle on the 20th of each quarter's last month (每季末月20日)
/// are not modelled.
/// </remarks>
public enum InterestFrequency
{
    /// <summary>按月结息: interest due every month on the contract's day.</summary>
    Monthly = 1,

    /// <summary>按季结息: interest due every three months on the contract's day (the default).</summary>
    Quarterly = 2,

    /// <summary>利随本清: all interest due with the principal at maturity.</summary>
    AtMaturity = 3,
}
