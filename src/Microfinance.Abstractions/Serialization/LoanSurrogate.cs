using Microfinance.Domain.Loans;
using Microfinance.Domain.Regions;

namespace Microfinance.Abstractions.Serialization;

/// <summary>The wire form of a loan as the domain holds it.</summary>
[GenerateSerializer, Alias("mf.Loan.Surrogate")]
public struct LoanSurrogate
{
    [Id(0)]
    public string Id;

    [Id(1)]
    public LoanApplication Application;

    [Id(2)]
    public AdminCode County;

    [Id(3)]
    public AdminCode? Village;

    [Id(4)]
    public DateOnly AppliedOn;

    [Id(5)]
    public LoanStage Stage;

    [Id(6)]
    public IReadOnlyList<LoanEvent> History;

    [Id(7)]
    public LoanApproval? Approval;

    [Id(8)]
    public LoanAccount? Account;
}
