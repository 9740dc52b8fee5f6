using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire and storage form of an application: the fields and ids its record had when it was itself serialized as <c>mf.LoanApplication</c>.</summary>
[GenerateSerializer, Alias("mf.LoanApplication.Surrogate")]
public struct LoanApplicationSurrogate
{
    [Id(0)]
    public string Borrower;

    [Id(1)]
    public string BankCode;

    [Id(2)]
    public Money Amount;

    [Id(3)]
    public int TermMonths;

    [Id(4)]
    public string Purpose;

    [Id(5)]
    public string Industry;

    [Id(6)]
    public DrivingAgreement? LegalPerson;
}
