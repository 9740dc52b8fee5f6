using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Compensation;

/// <summary>How many of a county's claims are at a status, and the loss they were filed for.</summary>
[GenerateSerializer, Immutable, Alias("mf.ClaimStatusTally")]
public sealed record ClaimStatusTally(
    [property: Id(0)] ClaimStatus Status,
    [property: Id(1)] int Claims,
    [property: Id(2)] Money ClaimedLoss);
