using Microfinance.Abstractions.Compensation;
using Microfinance.Abstractions.Loans;
using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;

namespace Microfinance.Grains.Tests.Support;

/// <summary>
/// Loans whose borrowers stopped paying, and the steps of a bank's claim on them. The loans are
/// 24-month loans at 4.35% disbursed 360 days before today on which nothing was ever paid, so
/// the loss at filing is the principal plus exactly a year's interest: principal × 4.35% × 360 / 360.
/// Days pass on the practice clock of the branch's county (<see cref="ClusterFixture.MoveCountyToAsync"/>),
/// as a bank's integrators would let them pass, so no loan is dated before its approval and other
/// tests' counties keep their dates.
/// </summary>
public static class ClaimSteps
{
    public const int DaysSinceDisbursement = 360;

    public static readonly InterestRate Rate = new(435);

    /// <summary>
    /// A loan of <paramref name="amount"/> disbursed on the branch's business date, which then moves
    /// <paramref name="daysAgo"/> days on: it has been outstanding that long, and never paid.
    /// </summary>
    public static async Task<ILoanGrain> UnpaidLoanAsync(
        ClusterFixture fixture, LendingBranch branch, Money amount, int daysAgo = DaysSinceDisbursement)
    {
        var loan = await branch.ReviewedLoanAsync(await branch.NewHouseholdAsync(), amount);
        await loan.ApproveAsync(Rate, "信贷员", "approve");
        var disbursedOn = fixture.TodayIn(branch.County);
        await loan.RecordDisbursementAsync(disbursedOn, "信贷员", "disburse");
        await fixture.MoveCountyToAsync(branch.County, disbursedOn.AddDays(daysAgo));
        return loan;
    }

    /// <summary>A visit every 30 days from the day after the first missed due date up to today: collection kept up.</summary>
    public static IReadOnlyList<DunningAction> SteadyDunning(LoanRecord loan, DateOnly today)
    {
        var dunning = new List<DunningAction>();
        for (var on = loan.Schedule![0].DueDate.AddDays(1); on <= today; on = on.AddDays(30))
        {
            dunning.Add(new DunningAction(on, DunningMethod.Visit, "上门催收，借款人无力偿还"));
        }

        return dunning;
    }

    /// <summary>The bank's filing for a borrower who died, with the given collection record.</summary>
    public static ClaimFiling Filing(IReadOnlyList<DunningAction> dunning, CreditInsurance? insurance = null) =>
        new(LendingBranch.BankCode, LossCause.BorrowerDeath, "借款人因病去世，家庭无其他收入来源", dunning, insurance);

    /// <summary>Files a claim with a steady collection record on an unpaid loan of <paramref name="amount"/>.</summary>
    public static async Task<ICompensationClaimGrain> FiledClaimAsync(
        ClusterFixture fixture, LendingBranch branch, Money amount, CreditInsurance? insurance = null)
    {
        var loan = await UnpaidLoanAsync(fixture, branch, amount);
        var record = await loan.GetAsync();
        var claim = fixture.Client.GetGrain<ICompensationClaimGrain>(record.LoanId);
        await claim.FileAsync(Filing(SteadyDunning(record, fixture.TodayIn(branch.County)), insurance), "信贷员", "file");
        return claim;
    }

    /// <summary>The township's station endorses the claim (第二十四条).</summary>
    public static Task<CompensationClaim> SignedOffAsync(ICompensationClaimGrain claim) =>
        claim.SignOffAsync(true, "经镇扶贫工作站核实，情况属实，同意上报", "镇扶贫工作站", "sign-off");

    /// <summary>Posts the notice, has the township sign off, lets the notice stand its period without objection and has the county verify the claim.</summary>
    public static async Task<CompensationClaim> VerifiedAsync(ClusterFixture fixture, ICompensationClaimGrain claim)
    {
        var posted = await claim.PostNoticeAsync("县扶贫办", "notice");
        await SignedOffAsync(claim);
        await fixture.MoveCountyToAsync(posted.County, posted.Notice!.EndsOn);
        return await claim.VerifyAsync([], "核实无误", "县扶贫办", "verify");
    }

    /// <summary>Walks a filed claim through notice and verification to the leading group's approval and payout.</summary>
    public static async Task<CompensationClaim> CompensatedAsync(ClusterFixture fixture, ICompensationClaimGrain claim)
    {
        await VerifiedAsync(fixture, claim);
        return await claim.ApproveAsync("县金融扶贫领导小组〔2026〕3号", "领导小组", "approve");
    }
}
