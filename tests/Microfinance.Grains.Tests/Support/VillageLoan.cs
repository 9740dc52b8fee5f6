namespace Microfinance.Grains.Tests.Support;

/// <summary>
/// The loans of <see cref="VillageYear"/>: one household each, 12 months at the 1-year LPR, each
/// borrower with its own repayment behaviour.
/// </summary>
public enum VillageLoan
{
    /// <summary>RCC, 50,000 from 2026-03-16, interest quarterly: pays every instalment on its due date, closes at maturity.</summary>
    OnSchedule,

    /// <summary>RCC, 30,000 from 2026-03-16, interest monthly: pays every instalment on its due date, closes at maturity.</summary>
    Monthly,

    /// <summary>PSBC, 40,000 from 2026-03-16, interest quarterly with 10,000 of principal each quarter: pays on time.</summary>
    Instalments,

    /// <summary>PSBC, 20,000 from 2026-03-16, interest quarterly: pays the first quarter, then repays everything on 2026-08-10.</summary>
    EarlyRepaid,

    /// <summary>
    /// RCC, 30,000 from 2026-03-16, interest quarterly: misses 2026-06-16, catches up on 2026-07-25,
    /// then pays on time.
    /// </summary>
    Cured,

    /// <summary>PSBC, 50,000 from 2026-03-16, interest quarterly: pays nothing until it repays everything on 2026-11-20.</summary>
    Defaulter,

    /// <summary>RCC, 80,000 from 2026-03-16 (50,000 base cap + 30,000 top-up), interest quarterly: pays on time.</summary>
    TopUp,

    /// <summary>PSBC, 20,000 from 2026-07-01, interest quarterly: pays on time.</summary>
    MidYear,

    /// <summary>
    /// RCC, 10,000: reviewed on 2026-09-01, refused approval on 2026-10-15 while lending is stopped,
    /// approved and disbursed on 2026-11-23 once it has resumed; pays on time.
    /// </summary>
    HeldUp,
}
