
namespace Microfinance.Domain.Servicing;

/// <summary>How the borrower repays, as the bank sets it in the contract.</summary>
/// <param name="InterestFrequency">When interest is paid: quarterly (the default), monthly or at maturity.</param>
/// <param name="PrincipalRepayment">How principal is repaid: at maturity (the default) or in equal instalments on the interest dates.</param>
public sealed record RepaymentTerms(
    InterestFrequency InterestFrequency,
    PrincipalRepayment PrincipalRepayment)
{
    /// <summary>Interest quarterly, principal at maturity: the usual terms of 篇1 and 5321 loans.</summary>
    public static RepaymentTerms Default { get; } = new(InterestFrequency.Quarterly, PrincipalRepayment.AtMaturity);
}
