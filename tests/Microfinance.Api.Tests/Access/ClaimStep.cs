namespace Microfinance.Api.Tests.Access;

/// <summary>How far <see cref="AccessWorld.ClaimsAsync"/> takes a claim, in the order of its procedure.</summary>
public enum ClaimStep
{
    Filed,
    NoticePosted,
    ObjectionRaised,
    NoticeOver,
    Verified,
    Compensated,
    CompensatedWithShortfall,
}
