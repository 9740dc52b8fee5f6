using Microfinance.Abstractions.Compensation;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Grains.Tests.Support;

namespace Microfinance.Grains.Tests.Compensation;

/// <summary>The public notice in the borrower's village: it stands its full period, objections are heard and resolved before the county goes on.</summary>
[Collection(CompensationCollection.Name)]
public sealed class ClaimNoticeTests(ClusterFixture fixture)
{
    private static readonly Money Principal = Money.FromYuan(40_000m);

    private IGrainFactory Grains => fixture.Client;

    /// <summary>A claim whose notice went up today in its county; the county's date then moves as the test needs.</summary>
    private async Task<(ICompensationClaimGrain Claim, Func<int, Task> DaysLater)> ClaimUnderNoticeAsync()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);
        var posted = (await claim.PostNoticeAsync("县扶贫办", "notice")).Notice!.PostedOn;
        return (claim, days => fixture.MoveCountyToAsync(branch.County, posted.AddDays(days)));
    }

    [Fact]
    public async Task TheNoticeStandsThePolicysSevenDaysOnTheBorrowersVillageBoard()
    {
        var branch = await LendingBranch.CreateAsync(Grains);
        var claim = await ClaimSteps.FiledClaimAsync(fixture, branch, Principal);

        var posted = await claim.PostNoticeAsync("县扶贫办", "notice");

        Assert.Equal(ClaimStatus.UnderNotice, posted.Status);
        Assert.Equal(new NoticePeriod(fixture.TodayIn(branch.County), 7), posted.Notice);
        Assert.Equal(branch.Village, posted.NoticeBoard);
    }

    [Fact]
    public async Task ApprovalIsRefusedOnTheNoticesLastDay()
    {
        var (claim, daysLater) = await ClaimUnderNoticeAsync();
        await daysLater(6);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => claim.ApproveAsync("领导小组批复", "领导小组", "approve"));

        Assert.Equal("NOTICE_PERIOD_NOT_OVER", refusal.Reason);
    }

    [Fact]
    public async Task VerificationIsRefusedBeforeTheNoticeEndsAndNothingChanges()
    {
        var (claim, daysLater) = await ClaimUnderNoticeAsync();
        await daysLater(3);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => claim.VerifyAsync([], "", "县扶贫办", "verify"));

        Assert.Equal("NOTICE_PERIOD_NOT_OVER", refusal.Reason);
        Assert.Equal(ClaimStatus.UnderNotice, (await claim.GetAsync()).Status);
    }

    [Fact]
    public async Task AnOpenObjectionHoldsTheClaimAfterTheNoticeEnds()
    {
        var (claim, daysLater) = await ClaimUnderNoticeAsync();
        await daysLater(2);
        await claim.RaiseObjectionAsync("村民王某", "借款人家中仍有人外出务工，有还款能力", "村委会", "object");
        await daysLater(7);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => claim.ApproveAsync("领导小组批复", "领导小组", "approve"));

        Assert.Equal("OBJECTION_OPEN", refusal.Reason);
    }

    [Fact]
    public async Task ADismissedObjectionLetsTheCountyVerify()
    {
        var (claim, daysLater) = await ClaimUnderNoticeAsync();
        await daysLater(2);
        await claim.RaiseObjectionAsync("村民王某", "借款人家中仍有人外出务工，有还款能力", "村委会", "object");
        await daysLater(7);
        await claim.ResolveObjectionAsync(1, upheld: false, "经核实，外出务工人员已分户，与借款人无关", "县扶贫办", "dismiss");
        await ClaimSteps.SignedOffAsync(claim);

        var verified = await claim.VerifyAsync([], "核实无误", "县扶贫办", "verify");

        Assert.Equal(ClaimStatus.Verified, verified.Status);
        Assert.Equal(ObjectionStatus.Dismissed, verified.Objections.Single().Status);
    }

    [Fact]
    public async Task AnUpheldObjectionRejectsTheClaimForGood()
    {
        var (claim, daysLater) = await ClaimUnderNoticeAsync();
        await daysLater(1);
        await claim.RaiseObjectionAsync("村民李某", "借款人并未去世，已迁居外省", "村委会", "object");
        await claim.ResolveObjectionAsync(1, upheld: true, "经核实异议属实", "县扶贫办", "uphold");
        await daysLater(7);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => claim.VerifyAsync([], "", "县扶贫办", "verify"));

        var rejected = await claim.GetAsync();
        Assert.Equal("CLAIM_REJECTED", refusal.Reason);
        Assert.Equal((ClaimStatus.Rejected, "OBJECTION_UPHELD"), (rejected.Status, rejected.RejectionReason));
    }

    [Fact]
    public async Task AnObjectionAfterTheNoticeIsRefused()
    {
        var (claim, daysLater) = await ClaimUnderNoticeAsync();
        await daysLater(7);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => claim.RaiseObjectionAsync("村民王某", "迟到的异议", "村委会", "object"));

        Assert.Equal("OBJECTION_PERIOD_OVER", refusal.Reason);
    }

    [Fact]
    public async Task TheAuditTrailSaysWhoDidWhatOnWhichRequest()
    {
        var (claim, daysLater) = await ClaimUnderNoticeAsync();
        await daysLater(1);
        await claim.RaiseObjectionAsync("村民王某", "借款人家中仍有人外出务工", "村委会", "object");

        var history = (await claim.ResolveObjectionAsync(1, upheld: false, "已分户", "县扶贫办", "dismiss")).History;

        Assert.Equal(
            [
                (ClaimAction.Filed, "信贷员", "file"),
                (ClaimAction.NoticePosted, "县扶贫办", "notice"),
                (ClaimAction.ObjectionRaised, "村委会", "object"),
                (ClaimAction.ObjectionDismissed, "县扶贫办", "dismiss"),
            ],
            history.Select(e => (e.Action, e.Actor, e.RequestId)));
    }

    [Fact]
    public async Task AnObjectionIdReusedForAnotherObjectionIsRefusedAndOnlyTheFirstIsHeard()
    {
        var (claim, daysLater) = await ClaimUnderNoticeAsync();
        await claim.RaiseObjectionAsync("村民王某", "借款人家中仍有人外出务工，有还款能力", "村委会", "object");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(
            () => claim.RaiseObjectionAsync("村民李某", "借款人另有存款", "村委会", "object"));

        Assert.Equal("REQUEST_ID_REUSED", refusal.Reason);
        Assert.Equal(["村民王某"], (await claim.GetAsync()).Objections.Select(objection => objection.Objector));
    }
}
