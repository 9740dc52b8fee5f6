using Microfinance.Abstractions.Compensation;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Compensation;

/// <summary>The county offices' verification: what they find against a claim rejects it, naming the rule.</summary>
[Collection(CompensationCollection.Name)]
public sealed class ClaimVerificationTests(ClusterFixture fixture)
{
    private static readonly Money Principal = Money.FromYuan(40_000m);

    private IGrainFactory Grains => fixture.Client;

    private DateOnly TodayIn(LendingBranch branch) => fixture.TodayIn(branch.County);

    [Theory]
    [InlineData(VerificationFinding.BankDidNotPursue, "BANK_DID_NOT_PURSUE")]
    [InlineData(VerificationFinding.RiskEventNotReported, "RISK_EVENT_NOT_REPORTED")]
    [InlineData(VerificationFinding.LentOutsideInstructions, "LENT_OUTSIDE_INSTRUCTIONS")]
    [InlineData(VerificationFinding.CauseNotCovered, "CAUSE_NOT_COVERED")]
    public async Task AFindingAtVerificationRejectsTheClaimNamingItsRule(VerificationFinding finding, string reason)
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);
        var posted = await claim.PostNoticeAsync("县扶贫办", "notice");
        await ClaimSteps.SignedOffAsync(claim);
        await fixture.MoveCountyToAsync(branch.County, posted.Notice!.EndsOn);

        var verified = await claim.VerifyAsync([finding], "县扶贫办会同人民银行审核", "县扶贫办", "verify");

        Assert.Equal((ClaimStatus.Rejected, reason), (verified.Status, verified.RejectionReason));
        Assert.Equal([finding], verified.Findings);
        Assert.Equal(ClaimAction.Rejected, verified.History[^1].Action);
    }

    [Fact]
    public async Task ARejectedClaimIsNeverApproved()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);
        var posted = await claim.PostNoticeAsync("县扶贫办", "notice");
        await ClaimSteps.SignedOffAsync(claim);
        await fixture.MoveCountyToAsync(branch.County, posted.Notice!.EndsOn);
        await claim.VerifyAsync([VerificationFinding.RiskEventNotReported], "借款人重病，银行未报告", "县扶贫办", "verify");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => claim.ApproveAsync("领导小组批复", "领导小组", "approve"));

        Assert.Equal("CLAIM_REJECTED", refusal.Reason);
    }

    [Fact]
    public async Task ApprovalWaitsForTheCountysVerification()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);
        var posted = await claim.PostNoticeAsync("县扶贫办", "notice");
        await ClaimSteps.SignedOffAsync(claim);
        await fixture.MoveCountyToAsync(branch.County, posted.Notice!.EndsOn);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => claim.ApproveAsync("领导小组批复", "领导小组", "approve"));

        Assert.Equal("CLAIM_NOT_VERIFIED", refusal.Reason);
    }
}
