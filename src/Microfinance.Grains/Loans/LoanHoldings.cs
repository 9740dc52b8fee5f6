using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;

namespace Microfinance.Grains.Loans;

/// <summary>What an approval reserved for a loan.</summary>
/// <param name="FundBacked">The principal the fund backs.</param>
/// <param name="WithinBaseCap">The principal within the borrowers' base cap.</param>
/// <param name="Charged">For a legal-person loan, its agreement narrowed to the driven households charged; null for a household's loan.</param>
public sealed record LoanHoldings(Money FundBacked, Money WithinBaseCap, DrivingAgreement? Charged);
