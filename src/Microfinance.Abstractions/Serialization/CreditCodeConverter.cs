using Microfinance.Domain.Identity;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Lets grain messages carry <see cref="UnifiedSocialCreditCode"/> without Orleans in the domain.</summary>
[RegisterConverter]
public sealed class CreditCodeConverter : IConverter<UnifiedSocialCreditCode, CreditCodeSurrogate>
{
    public UnifiedSocialCreditCode ConvertFromSurrogate(in CreditCodeSurrogate surrogate) =>
        string.IsNullOrEmpty(surrogate.Value) ? default : UnifiedSocialCreditCode.Parse(surrogate.Value);

    public CreditCodeSurrogate ConvertToSurrogate(in UnifiedSocialCreditCode value) => new() { Value = value.Value };
}
