using Microfinance.Domain.Loans;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages carry <see cref="LoanAccount"/> without Orleans in the domain.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class LoanAccountCodec(IValueSerializer<LoanAccountSurrogate> surrogates)
    : RecordFormCodec<LoanAccount, LoanAccountSurrogate>(surrogates)
{
    protected override LoanAccountSurrogate ToSurrogate(LoanAccount value) => new()
    {
        DisbursedOn = value.DisbursedOn,
        Balance = value.Balance,
        Schedule = value.Schedule,
        Repayments = value.Repayments,
        Restructurings = value.Restructurings,
        Bucket = value.Bucket,
        FirstMissedDueDate = value.FirstMissedDueDate,
        Baseline = value.Baseline,
        MissedBefore = value.MissedBefore,
    };

    protected override LoanAccount FromSurrogate(in LoanAccountSurrogate surrogate) =>
        new(
            surrogate.DisbursedOn,
            surrogate.Balance,
            surrogate.Schedule,
            surrogate.Repayments,
            surrogate.Restructurings,
            surrogate.Bucket,
            surrogate.FirstMissedDueDate,
            surrogate.Baseline,
            surrogate.MissedBefore);
}
