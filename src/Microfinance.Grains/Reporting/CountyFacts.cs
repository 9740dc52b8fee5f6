using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Reporting;

namespace Microfinance.Grains.Reporting;

/// <summary>What a county's lending figures are computed from (<see cref="CountyFigures"/>).</summary>
/// <param name="Households">Every registered household of every village.</param>
/// <param name="Loans">Every loan those households applied for, and every loan of the books (a legal person's among them).</param>
/// <param name="Books">The books as they stood when read: their tallies give the balance split.</param>
public sealed record CountyFacts(IReadOnlyList<HouseholdFacts> Households, IReadOnlyList<LoanFacts> Loans, CountyBooks Books)
{
    /// <summary>The county's figures over the period the facts were read for.</summary>
    public IReadOnlyDictionary<FigureScope, LendingFigures> Figures(Domain.Regions.AdminCode county, DateOnly from, DateOnly through) =>
        CountyFigures.Compute(county, Households, Loans, from, through);
}
