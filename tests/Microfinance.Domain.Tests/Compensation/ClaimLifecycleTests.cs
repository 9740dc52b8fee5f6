using Microfinance.Domain.Compensation;
using Microfinance.Domain.Errors;

namespace Microfinance.Domain.Tests.Compensation;

public sealed class ClaimLifecycleTests
{
    private static readonly NoticePeriod Notice = new(new DateOnly(2026, 4, 1), 7);

    private static readonly DateOnly LastNoticeDay = new(2026, 4, 7);

    private static readonly DateOnly AfterNotice = new(2026, 4, 8);

    private static string Refusal(Action step) => Assert.Throws<RuleViolationException>(step).Reason;

    [Fact]
    public void ApprovalIsRefusedOnTheNoticesLastDay()
    {
        var reason = Refusal(() => ClaimLifecycle.EnsureApprovable(ClaimStatus.UnderNotice, Notice, objectionOpen: false, signedOff: true, LastNoticeDay));

        Assert.Equal("NOTICE_PERIOD_NOT_OVER", reason);
    }

    [Fact]
    public void ApprovalIsRefusedWhileAnObjectionIsOpen()
    {
        var reason = Refusal(() => ClaimLifecycle.EnsureApprovable(ClaimStatus.UnderNotice, Notice, objectionOpen: true, signedOff: true, AfterNotice));

        Assert.Equal("OBJECTION_OPEN", reason);
    }

    [Fact]
    public void ApprovalAfterTheNoticeStillNeedsTheCountysVerification()
    {
        var reason = Refusal(() => ClaimLifecycle.EnsureApprovable(ClaimStatus.UnderNotice, Notice, objectionOpen: false, signedOff: true, AfterNotice));

        Assert.Equal("CLAIM_NOT_VERIFIED", reason);
    }

    [Fact]
    public void AVerifiedClaimMayBeApproved()
    {
        var exception = Record.Exception(() => ClaimLifecycle.EnsureApprovable(ClaimStatus.Verified, Notice, objectionOpen: false, signedOff: true, AfterNotice));

        Assert.Null(exception);
    }

    [Fact]
    public void VerificationIsRefusedBeforeTheNoticeIsPosted()
    {
        var reason = Refusal(() => ClaimLifecycle.EnsureVerifiable(ClaimStatus.Filed, null, objectionOpen: false, signedOff: true, AfterNotice));

        Assert.Equal("NOTICE_NOT_POSTED", reason);
    }

    [Fact]
    public void VerificationWaitsForTheTownshipsSignOff()
    {
        var reason = Refusal(() => ClaimLifecycle.EnsureVerifiable(ClaimStatus.UnderNotice, Notice, objectionOpen: false, signedOff: false, AfterNotice));

        Assert.Equal("TOWNSHIP_SIGN_OFF_MISSING", reason);
    }

    [Theory]
    [InlineData(ClaimStatus.Filed)]
    [InlineData(ClaimStatus.UnderNotice)]
    public void TheTownshipSignsOffOnceBetweenFilingAndVerification(ClaimStatus status)
    {
        Assert.Null(Record.Exception(() => ClaimLifecycle.EnsureTownshipCanSignOff(status, signedOff: false)));
        Assert.Equal("CLAIM_ALREADY_SIGNED_OFF", Refusal(() => ClaimLifecycle.EnsureTownshipCanSignOff(status, signedOff: true)));
    }

    [Fact]
    public void AVerifiedClaimIsPastTheTownshipsSignOff()
    {
        Assert.Equal("CLAIM_STAGE_INVALID", Refusal(() => ClaimLifecycle.EnsureTownshipCanSignOff(ClaimStatus.Verified, signedOff: true)));
    }

    [Theory]
    [InlineData(ClaimStatus.Filed, null)]
    [InlineData(ClaimStatus.Verified, null)]
    [InlineData(ClaimStatus.Approving, "CLAIM_STAGE_INVALID")]
    [InlineData(ClaimStatus.Compensated, "CLAIM_STAGE_INVALID")]
    [InlineData(ClaimStatus.Withdrawn, "CLAIM_WITHDRAWN")]
    [InlineData(ClaimStatus.Rejected, "CLAIM_REJECTED")]
    public void TheBankMayWithdrawUntilApproval(ClaimStatus status, string? refusal)
    {
        var exception = Record.Exception(() => ClaimLifecycle.EnsureWithdrawable(status));

        Assert.Equal(refusal, (exception as RuleViolationException)?.Reason);
    }

    [Fact]
    public void AnObjectionOnTheNoticesLastDayIsHeard()
    {
        var exception = Record.Exception(() => ClaimLifecycle.EnsureObjectionCanBeRaised(ClaimStatus.UnderNotice, Notice, LastNoticeDay));

        Assert.Null(exception);
    }

    [Fact]
    public void AnObjectionAfterTheNoticeIsRefused()
    {
        var reason = Refusal(() => ClaimLifecycle.EnsureObjectionCanBeRaised(ClaimStatus.UnderNotice, Notice, AfterNotice));

        Assert.Equal("OBJECTION_PERIOD_OVER", reason);
    }

    [Fact]
    public void ARejectedClaimAcceptsNoFurtherStep()
    {
        var reason = Refusal(() => ClaimLifecycle.EnsureApprovable(ClaimStatus.Rejected, Notice, objectionOpen: false, signedOff: true, AfterNotice));

        Assert.Equal("CLAIM_REJECTED", reason);
    }

    [Fact]
    public void ACompensatedClaimIsNotApprovedAgain()
    {
        var reason = Refusal(() => ClaimLifecycle.EnsureApprovable(ClaimStatus.Compensated, Notice, objectionOpen: false, signedOff: true, AfterNotice));

        Assert.Equal("CLAIM_STAGE_INVALID", reason);
    }

    [Fact]
    public void RecoveriesWaitForTheCompensation()
    {
        var reason = Refusal(() => ClaimLifecycle.EnsureRecoverable(ClaimStatus.Verified));

        Assert.Equal("CLAIM_NOT_COMPENSATED", reason);
    }
}
