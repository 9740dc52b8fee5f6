using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Servicing;

namespace Microfinance.Grains.Servicing;

/// <summary>One loan on a page of the loan book.</summary>
/// <param name="Sequence">The sequence of the last tally change taken from the loan: an equal or lower one is a redelivery.</param>
/// <param name="Contribution">What the loan adds to the tallies; null before disbursement is reported, and once closed.</param>
/// <param name="NextVisit">The business day whose close visits the loan next; null when no event is ahead.</param>
[GenerateSerializer, Immutable, Alias("mf.LoanBookEntry")]
public sealed record LoanBookEntry(
    [property: Id(0)] int Sequence,
    [property: Id(1)] TallyContribution? Contribution,
    [property: Id(2)] DateOnly? NextVisit);
