using Microfinance.Abstractions.Compensation;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Events;

/// <summary>A risk-compensation claim took a step: filed, noticed, objected to, verified, rejected, approved, paid or recovered on.</summary>
/// <param name="LoanId">The loan the claim is for (one claim per loan).</param>
/// <param name="NoticeBoard">The village whose board carries the notice.</param>
/// <param name="BankCode">The claiming bank.</param>
/// <param name="Action">The step, as in the claim's audit trail.</param>
/// <param name="Status">Where the claim is now.</param>
/// <param name="Loss">The loss claimed (principal and interest), or approved once it is.</param>
/// <param name="PaidFromFund">What the fund has paid.</param>
/// <param name="OwedByCountyBudget">The shortfall the county budget owes (第二十六条).</param>
/// <param name="Recovered">Recovered after compensation, in total.</param>
/// <param name="Note">The audit trail's note for the step.</param>
[GenerateSerializer, Immutable, Alias("mf.ClaimChanged")]
public sealed record ClaimChanged(
    AdminCode County,
    DateTimeOffset OccurredAt,
    [property: Id(0)] string LoanId,
    [property: Id(1)] AdminCode NoticeBoard,
    [property: Id(2)] string BankCode,
    [property: Id(3)] ClaimAction Action,
    [property: Id(4)] ClaimStatus Status,
    [property: Id(5)] Money Loss,
    [property: Id(6)] Money PaidFromFund,
    [property: Id(7)] Money OwedByCountyBudget,
    [property: Id(8)] Money Recovered,
    [property: Id(9)] string Note) : CountyEvent(County, OccurredAt);
