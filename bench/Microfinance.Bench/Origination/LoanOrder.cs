using Microfinance.Bench.Setup;

namespace Microfinance.Bench.Origination;

/// <summary>One loan a worker originates: a household borrowing from one of its county's banks.</summary>
/// <param name="LoanId">Unique in the run.</param>
/// <param name="RegistryNumber">The borrowing household.</param>
/// <param name="Village">The household's village (12 digits), for the consistency check.</param>
/// <param name="BankCode">The bank whose fund account in the county backs the loan.</param>
/// <param name="AmountFen">Principal, 1,000–10,000 yuan as the SQL peer draws it.</param>
public sealed record LoanOrder(string LoanId, string RegistryNumber, string Village, string BankCode, long AmountFen)
{
    /// <summary>A loan of random(100000, 1000000) fen, as the SQL peer draws it, for a household of <paramref name="pool"/> with room.</summary>
    public static async Task<LoanOrder> DrawAsync(HouseholdPool pool, Random random, string loanId)
    {
        var amount = random.NextInt64(100_000, 1_000_001);
        var household = await pool.TakeAsync(amount);
        return new LoanOrder(loanId, household.RegistryNumber, household.Village, household.BankCode, amount);
    }
}
