using Microfinance.Domain.Servicing;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of a contract's repayment terms: the fields and ids its record had when it was itself serialized as <c>mf.RepaymentTerms</c>.</summary>
[GenerateSerializer, Alias("mf.RepaymentTerms.Surrogate")]
public struct RepaymentTermsSurrogate
{
    [Id(0)]
    public InterestFrequency InterestFrequency;

    [Id(1)]
    public PrincipalRepayment PrincipalRepayment;
}
