using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Policies;

/// <summary>
/// The range each <see cref="CountyPolicy"/> parameter may take. Each bound sits well beyond any
/// rule the policy documents have set, so a county can express every rule of its own, while a
/// value that could only be a mistake — a validity of millions of days, a leverage of millions —
/// is refused before it is put in force, rather than breaking every decision that reads it.
/// </summary>
public static class PolicyLimits
{
    /// <summary>
    /// The highest household cap or top-up cap: 1,000,000 yuan, ten times the 100,000 yuan of the
    /// largest cap set so far (帮扶小额信贷, 2026).
    /// </summary>
    public static readonly Money MaxHouseholdCap = Money.FromYuan(1_000_000m);

    /// <summary>
    /// The highest cap per legal-person borrower, and per household it drives: 10,000,000 yuan,
    /// two hundred times 篇1's 50,000 yuan.
    /// </summary>
    public static readonly Money MaxLegalPersonCap = Money.FromYuan(10_000_000m);

    /// <summary>The longest term: 10 years, against the 3 of "5321" (3年期以内).</summary>
    public const int MaxTermMonths = 120;

    /// <summary>The age limits lie in 0–120 years (the rules say 18–65).</summary>
    public const int MaxBorrowerAge = 120;

    /// <summary>
    /// The highest leverage multiple: 100, ten times 第十三条's 1:10; it also keeps a fund's limit
    /// within range (<see cref="MoneyBounds"/>).
    /// </summary>
    public const int MaxLeverageMultiple = 100;

    /// <summary>The most days overdue before a claim: ten years, against 第十九条's 90 days.</summary>
    public const int MaxOverdueDaysBeforeClaim = 3_650;

    /// <summary>
    /// The most days for the periods counted in days — a claim's public notice (第二十条: 7), the
    /// collection period (第二十一条: 30), an approval's validity (30): one year.
    /// </summary>
    public const int MaxPeriodDays = 366;

    /// <summary>The longest extension: 5 years (the rules allow up to the loan's term).</summary>
    public const int MaxExtensionMonths = 60;

    /// <summary>The longest repayment deferral: 2 years, four times the six months of 2020.</summary>
    public const int MaxDeferralMonths = 24;
}
