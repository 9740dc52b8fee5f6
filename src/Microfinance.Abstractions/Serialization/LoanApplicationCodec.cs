using Microfinance.Domain.Loans;
using Orleans.Serialization.Serializers;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="LoanApplication"/> without Orleans in the domain, in the form it was stored in before.</summary>
[RegisterSerializer, RegisterCopier]
public sealed class LoanApplicationCodec(IValueSerializer<LoanApplicationSurrogate> surrogates)
    : RecordFormCodec<LoanApplication, LoanApplicationSurrogate>(surrogates)
{
    protected override LoanApplicationSurrogate ToSurrogate(LoanApplication value) => new()
    {
        Borrower = value.Borrower,
        BankCode = value.BankCode,
        Amount = value.Amount,
        TermMonths = value.TermMonths,
        Purpose = value.Purpose,
        Industry = value.Industry,
        LegalPerson = value.LegalPerson,
    };

    protected override LoanApplication FromSurrogate(in LoanApplicationSurrogate surrogate) =>
        new(surrogate.Borrower, surrogate.BankCode, surrogate.Amount, surrogate.TermMonths, surrogate.Purpose, surrogate.Industry, surrogate.LegalPerson);
}
