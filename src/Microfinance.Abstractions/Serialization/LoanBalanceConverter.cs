using Microfinance.Domain.Servicing;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages and state carry <see cref="LoanBalance"/> without Orleans in the domain.</summary>
[RegisterConverter]
public sealed class LoanBalanceConverter : IConverter<LoanBalance, LoanBalanceSurrogate>
{
    public LoanBalance ConvertFromSurrogate(in LoanBalanceSurrogate surrogate) =>
        new(surrogate.Principal, surrogate.UnpaidInterest, surrogate.AccruedThrough, surrogate.InterestPaidThrough);

    public LoanBalanceSurrogate ConvertToSurrogate(in LoanBalance value) => new()
    {
        Principal = value.Principal,
        UnpaidInterest = value.UnpaidInterest,
        AccruedThrough = value.AccruedThrough,
        InterestPaidThrough = value.InterestPaidThrough,
    };
}
