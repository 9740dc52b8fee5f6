using Microfinance.Domain.Loans;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages carry <see cref="Loan"/> without Orleans in the domain.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class LoanCodec(IValueSerializer<LoanSurrogate> surrogates)
    : RecordFormCodec<Loan, LoanSurrogate>(surrogates)
{
    protected override LoanSurrogate ToSurrogate(Loan value) => new()
    {
        Id = value.Id,
        Application = value.Application,
        County = value.County,
        Village = value.Village,
        AppliedOn = value.AppliedOn,
        Stage = value.Stage,
        History = value.History,
        Approval = value.Approval,
        Account = value.Account,
    };

    protected override Loan FromSurrogate(in LoanSurrogate surrogate) =>
        new(
            surrogate.Id,
            surrogate.Application,
            surrogate.County,
            surrogate.Village,
            surrogate.AppliedOn,
            surrogate.Stage,
            surrogate.History,
            surrogate.Approval,
            surrogate.Account);
}
