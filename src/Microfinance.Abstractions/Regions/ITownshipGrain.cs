using Microfinance.Abstractions.Quotas;
using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Regions;

/// <summary>A township (乡镇): reviews applications; parent of villages; holds the legal-person share.</summary>
public interface ITownshipGrain : IParentRegionGrain
{
    /// <summary>
    /// Holds part of the township's legal-person share (at most <paramref name="sharePercent"/> of
    /// its quota, 篇1: 25%) for an approved legal-person loan; fails with
    /// <c>LEGAL_PERSON_SHARE_EXCEEDED</c>. Idempotent by loan id.
    /// </summary>
    [AlwaysInterleave]
    Task ReserveLegalPersonShareAsync(string loanId, Money amount, decimal sharePercent, DateTimeOffset expiresAt);

    /// <summary>Turns the loan's reservation into used share. Idempotent by loan id.</summary>
    [AlwaysInterleave]
    Task ConfirmLegalPersonShareAsync(string loanId);

    /// <summary>Drops the loan's reservation, if it holds one. Idempotent by loan id.</summary>
    [AlwaysInterleave]
    Task ReleaseLegalPersonShareAsync(string loanId);

    /// <summary>What legal-person loans hold of the township's quota.</summary>
    [AlwaysInterleave]
    Task<QuotaPosition> GetLegalPersonShareAsync();
}
