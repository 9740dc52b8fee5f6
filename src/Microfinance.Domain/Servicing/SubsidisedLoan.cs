using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Servicing;

/// <summary>What a disbursed loan's monthly subsidy depends on, over its whole life.</summary>
/// <param name="DisbursedOn">The date the money went out.</param>
/// <param name="Amount">The principal disbursed.</param>
/// <param name="Rate">The rate of the contract in force: the disbursement's, or the last renewal's.</param>
/// <param name="WithinBaseCap">The part of the loan within the household's base cap.</param>
/// <param name="Repayments">Every repayment, oldest first (only the principal and the date matter here).</param>
/// <param name="Renewals">Every renewal, oldest first.</param>
/// <param name="FirstMissedDueDate">The first due date not paid by that date, or null.</param>
public sealed record SubsidisedLoan(
    DateOnly DisbursedOn,
    Money Amount,
    InterestRate Rate,
    Money WithinBaseCap,
    IReadOnlyList<DatedPayment> Repayments,
    IReadOnlyList<ContractRenewal> Renewals,
    DateOnly? FirstMissedDueDate);
