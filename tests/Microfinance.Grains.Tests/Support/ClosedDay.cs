using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Policies;
using Microfinance.Abstractions.Servicing;

namespace Microfinance.Grains.Tests.Support;

/// <summary>What the county showed once a business day was closed: its books, its lending terms for the next day, and the loans.</summary>
public sealed record ClosedDay(CountyBooks Books, LendingTerms Terms, IReadOnlyDictionary<VillageLoan, LoanRecord> Loans);
