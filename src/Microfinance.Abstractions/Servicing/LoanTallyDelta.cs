using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;

namespace Microfinance.Abstractions.Servicing;

/// <summary>
/// A change in what one loan adds to its county's tallies: its contribution before and after
/// (null when it adds nothing: not yet disbursed, or closed). Numbered per loan, so the county
/// applies each change once however often it is delivered.
/// </summary>
[GenerateSerializer, Immutable, Alias("mf.LoanTallyDelta")]
public sealed record LoanTallyDelta(
    [property: Id(0)] string LoanId,
    [property: Id(1)] int Sequence,
    [property: Id(2)] AdminCode? Village,
    [property: Id(3)] AdminCode Township,
    [property: Id(4)] string BankCode,
    [property: Id(5)] TallyContribution? Before,
    [property: Id(6)] TallyContribution? After);
