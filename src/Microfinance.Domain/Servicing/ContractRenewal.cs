using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>A renewal (无还本续贷) as the subsidy sees it: the contract before it ends on its date, at its own rate.</summary>
/// <param name="On">The renewal date: the new contract runs from here.</param>
/// <param name="RateBefore">The rate of the contract it ended.</param>
public sealed record ContractRenewal(DateOnly On, InterestRate RateBefore);
