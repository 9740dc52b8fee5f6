using Microfinance.Abstractions.Compensation;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;
using Microfinance.Grains.Common;

namespace Microfinance.Grains.Compensation;

/// <summary>The persisted state of a loan's compensation claim.</summary>
[GenerateSerializer, Alias("mf.CompensationClaimState")]
public sealed class CompensationClaimState
{
    /// <summary>The claim, or null before the bank files one.</summary>
    [Id(0)]
    public CompensationClaim? Claim { get; set; }

    /// <summary>The loan's fund-backed principal at approval, which the payout takes off the fund's outstanding.</summary>
    [Id(2)]
    public Money PayoutBackedPrincipal { get; set; }

    /// <summary>How many recoveries have had the fund's part credited to its ledger.</summary>
    [Id(3)]
    public int RecoveriesCredited { get; set; }

    /// <summary>The filing and the steps applied lately (Id 1 held their ids alone before).</summary>
    [Id(4)]
    public RequestLog Requests { get; set; } = new();
}
