using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;

namespace Microfinance.Abstractions.Events;

/// <summary>A loan moved on: applied, reviewed, approved, disbursed, repaid, aged, extended, renewed or deferred.</summary>
/// <param name="LoanId">The loan.</param>
/// <param name="Village">The borrowing household's village; null for a legal-person loan.</param>
/// <param name="Township">The township whose quota or legal-person share the loan holds.</param>
/// <param name="BankCode">The lending bank.</param>
/// <param name="Stage">Where the loan is now.</param>
/// <param name="PrincipalOutstanding">Principal still owed; zero before disbursement and once closed.</param>
/// <param name="Bucket">The overdue bucket of a disbursed loan; null before disbursement and once closed.</param>
/// <param name="Change">What happened, in one word: <c>Applied</c>, <c>Approved</c>, <c>Disbursed</c>, <c>Repaid</c>, <c>Aged</c>…</param>
/// <param name="Note">The note recorded with the change.</param>
/// <param name="DisbursedOn">The business date the money went out; null before disbursement.</param>
[GenerateSerializer, Immutable, Alias("mf.LoanChanged")]
public sealed record LoanChanged(
    AdminCode County,
    DateTimeOffset OccurredAt,
    [property: Id(0)] string LoanId,
    [property: Id(1)] AdminCode? Village,
    [property: Id(2)] AdminCode Township,
    [property: Id(3)] string BankCode,
    [property: Id(4)] LoanStage Stage,
    [property: Id(5)] Money PrincipalOutstanding,
    [property: Id(6)] OverdueBucket? Bucket,
    [property: Id(7)] string Change,
    [property: Id(8)] string Note,
    [property: Id(9)] DateOnly? DisbursedOn) : CountyEvent(County, OccurredAt);
