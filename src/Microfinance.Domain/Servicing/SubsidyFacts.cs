using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>What the interest subsidy (贴息) of one loan for one calendar month depends on.</summary>
/// <param name="Year">The settlement month's year.</param>
/// <param name="Month">The settlement month, 1–12 (一月一结算).</param>
/// <param name="Rate">
/// The contract rate. 第二十七条 subsidises at the benchmark rate; under 不得上浮 the contract rate
/// never exceeds it, so it is the rate to pass.
/// </param>
/// <param name="WithinBaseCap">
/// The part of the loan within the household's base cap (<c>CapSplit.WithinBaseCap</c>); the rest is
/// a top-up, subsidised only when the policy says so.
/// </param>
/// <param name="Balances">The loan's principal history, ascending by date; before the first balance nothing is outstanding. Balances before the month are allowed.</param>
/// <param name="FirstMissedDueDate">The earliest due date whose payment was not made by that date, or <c>null</c> when every due date so far was met.</param>
public sealed record SubsidyFacts(
    int Year,
    int Month,
    InterestRate Rate,
    Money WithinBaseCap,
    IReadOnlyList<PrincipalBalance> Balances,
    DateOnly? FirstMissedDueDate);
