namespace Microfinance.Bench.Origination;

/// <summary>The date a bank disburses on: today in China Standard Time, the platform's business date.</summary>
public static class BusinessDate
{
    public static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
}
