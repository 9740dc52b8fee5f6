using Microfinance.Domain.Errors;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Lending;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;

namespace Microfinance.Domain.Loans;

/// <summary>
/// A loan through its life: applied for, reviewed up the chain (户申请、村初审、乡审核、县复查、银行审定),
/// approved, disbursed, repaid or compensated. Each step is a method that returns the loan after it
/// or throws the rule that refused it; the loan never reads a clock, and holds no other grain's state.
/// Its parts are typed by stage: <see cref="Approval"/> from the bank's approval on,
/// <see cref="Account"/> from disbursement on.
/// </summary>
/// <param name="Id">Globally unique; the idempotency key of everything the loan asks of others.</param>
/// <param name="Application">What was applied for.</param>
/// <param name="County">The county whose policy, quota and fund apply.</param>
/// <param name="Village">The household's village; null for a legal-person loan.</param>
/// <param name="AppliedOn">Business date of the application.</param>
/// <param name="Stage">Where it is in its life.</param>
/// <param name="History">The audit trail, oldest first.</param>
/// <param name="Approval">What the approval fixed; null before it.</param>
/// <param name="Account">The disbursed loan's account; null before disbursement.</param>
public sealed record Loan(
    string Id,
    LoanApplication Application,
    AdminCode County,
    AdminCode? Village,
    DateOnly AppliedOn,
    LoanStage Stage,
    IReadOnlyList<LoanEvent> History,
    LoanApproval? Approval = null,
    LoanAccount? Account = null)
{
    private const string DayClose = "日终";

    /// <summary>The township the loan counts in: its village's, or the legal person's.</summary>
    public AdminCode Township => Village?.Parent ?? Application.LegalPerson?.Township
        ?? throw new InvalidOperationException($"Loan {Id} has neither a village nor a driving agreement.");

    /// <summary>Principal outstanding, or applied for before disbursement.</summary>
    public Money Principal => Account?.Balance.Principal ?? Application.Amount;

    /// <summary>Whether the loan holds reservations that ending it must release.</summary>
    public bool HoldsReservations => LoanLifecycle.HoldsReservations(Stage);

    /// <summary>What the loan adds to its county's tallies: disbursed and not yet closed or compensated; null otherwise.</summary>
    public TallyContribution? Contribution =>
        Stage is LoanStage.Disbursing or LoanStage.Disbursed && Account is { } account && Approval is { } approval
            ? new(account.Bucket, account.Balance.Principal, account.Balance.FundBacked(approval.FundBacked))
            : null;

    /// <summary>
    /// A household with an outstanding non-performing loan may not borrow again: more than 90 days
    /// past due, or compensated as a loss.
    /// </summary>
    public bool IsNonPerforming =>
        Stage == LoanStage.Compensated || (Stage == LoanStage.Disbursed && Account?.Bucket == OverdueBucket.Over90);

    /// <summary>户申请: a new loan, waiting for the village's review.</summary>
    public static Loan Apply(string id, LoanApplication application, AdminCode county, AdminCode? village, DateOnly today, LoanRequest request) =>
        new(id, application, county, village, today, LoanStage.Applied,
            [new LoanEvent(LoanStage.Applied, LoanParty.Borrower, request.Actor, request.At, request.RequestId, application.Purpose)]);

    /// <summary>A review by the party due at this stage moves the loan up the chain; the bank decides by approving.</summary>
    public Loan Review(LoanParty party, string note, LoanRequest request)
    {
        if (party == LoanParty.Bank)
        {
            throw new RuleViolationException("LOAN_STAGE_INVALID", "The bank decides with ApproveLoan, not a review.");
        }

        return Advance(LoanLifecycle.AfterReview(Stage, party), party, note, request);
    }

    /// <summary>Checks that the bank may approve now: the county has reviewed the loan.</summary>
    public void EnsureApprovable() => LoanLifecycle.AfterReview(Stage, LoanParty.Bank);

    /// <summary>
    /// The rate the contract would carry if approved today: the bank's, within the policy's bounds
    /// around the reference rate for the term, or the reference rate itself.
    /// </summary>
    public InterestRate PriceFor(CountyPolicy policy, DateOnly today, InterestRate? contractRate) =>
        Price(policy, today, Application.TermMonths, contractRate);

    /// <summary>银行审定: the bank approves, once what the loan needs of the limits is held.</summary>
    public Loan Approve(LoanApproval approval, LoanRequest request)
    {
        EnsureApprovable();
        return Advance(LoanStage.Approved, LoanParty.Bank, $"rate {approval.Rate}", request) with { Approval = approval };
    }

    /// <summary>An approval that could not take everything it needed goes back to the bank's decision.</summary>
    public Loan RollBackApproval(string note, DateTimeOffset at) =>
        Advance(LoanStage.CountyReviewed, LoanParty.Bank, note, LoanRequest.Platform(at));

    /// <summary>Whether an approval not yet disbursed has lapsed by <paramref name="now"/>.</summary>
    public bool HasLapsed(DateTimeOffset now) => Stage == LoanStage.Approved && Approval?.ExpiresAt is { } expiresAt && now >= expiresAt;

    /// <summary>The approval lapsed before the money went out: what it held is released.</summary>
    public Loan Expire(DateTimeOffset at) =>
        Advance(LoanStage.Expired, LoanParty.Bank, "approval lapsed before disbursement", LoanRequest.Platform(at));

    /// <summary>The reviewer due at this stage (or the bank, after approving) turns the loan down.</summary>
    public Loan Reject(LoanParty party, string reason, LoanRequest request)
    {
        LoanLifecycle.EnsureRejectable(Stage, party);
        return Advance(LoanStage.Rejected, party, reason, request);
    }

    /// <summary>The borrower withdraws, any time before disbursement.</summary>
    public Loan Withdraw(string reason, LoanRequest request)
    {
        LoanLifecycle.EnsureWithdrawable(Stage);
        return Advance(LoanStage.Withdrawn, LoanParty.Borrower, reason, request);
    }

    /// <summary>
    /// The bank reports the money paid out: the loan is Disbursing until what it held of the limits
    /// is confirmed as used (<see cref="ConfirmDisbursement"/>), and from here on only goes forward.
    /// </summary>
    public LoanStep Disburse(DateOnly disbursedOn, DateOnly today, LoanRequest request)
    {
        if (Stage == LoanStage.Expired)
        {
            throw new RuleViolationException(
                "APPROVAL_EXPIRED", $"The approval of loan {Id} lapsed at {Approval?.ExpiresAt:u}; it must be approved again.");
        }

        LoanLifecycle.EnsureDisbursable(Stage);
        EnsureNotInFuture(disbursedOn, today, "disbursement");
        var approval = Approval ?? throw new InvalidOperationException($"Approved loan {Id} has no approval.");
        if (approval.ApprovedOn is { } approvedOn && disbursedOn < approvedOn)
        {
            throw new RuleViolationException(
                "DISBURSED_BEFORE_APPROVAL",
                $"Loan {Id} was approved on {approvedOn:yyyy-MM-dd}; its money cannot have gone out before that, on {disbursedOn:yyyy-MM-dd}.");
        }

        var schedule = ScheduleOf(Application, approval, disbursedOn);
        var account = new LoanAccount(
            disbursedOn, LoanBalance.Disbursed(Application.Amount, disbursedOn), schedule, [], [], OverdueBucket.Current, null, null, null);
        var disbursed = Advance(LoanStage.Disbursed, LoanParty.Bank, $"disbursed on {disbursedOn:yyyy-MM-dd}", request) with
        {
            Stage = LoanStage.Disbursing,
            Account = account,
        };
        return new(disbursed, AgingEvents.NextEventDate(null, schedule.Select(i => i.DueDate), disbursedOn));
    }

    /// <summary>What the disbursement held of the limits is used now: the loan is in service.</summary>
    public Loan ConfirmDisbursement() =>
        Stage == LoanStage.Disbursing ? this with { Stage = LoanStage.Disbursed } : throw Invalid("disbursement confirmation");

    /// <summary>
    /// A repayment the bank reports, interest first (先息后本); paying everything owed closes the loan
    /// (结清). A repayment dated back may show a due date met after all, or one paid late; one made in
    /// arrears has day-close look at the loan again on its date, as it may cure them.
    /// </summary>
    public LoanStep Repay(DateOnly paidOn, Money amount, DateOnly today, LoanRequest request)
    {
        LoanLifecycle.EnsureRepayable(Stage);
        EnsureNotInFuture(paidOn, today, "repayment");
        var (approval, account) = InService();
        var (after, allocation) = account.Balance.Repay(amount, paidOn, approval.Rate);
        var repayment = new Repayment(
            account.Repayments.Count + 1,
            paidOn,
            amount,
            allocation.InterestPaid,
            allocation.PrincipalPaid,
            account.Balance.FundBacked(approval.FundBacked) - after.FundBacked(approval.FundBacked),
            request.Actor,
            request.At,
            request.RequestId,
            allocation.InterestStillDue.IsZero);
        var repaid = allocation.ClosesLoan ? Advance(LoanStage.Closed, LoanParty.Bank, $"结清 on {paidOn:yyyy-MM-dd}", request) : this;
        var paid = account with { Balance = after, Repayments = [.. account.Repayments, repayment] };
        var visit = account.Bucket != OverdueBucket.Current && !allocation.ClosesLoan ? paidOn : (DateOnly?)null;
        return new(repaid with { Account = paid with { FirstMissedDueDate = FirstMissed(paid, today) } }, visit);
    }

    /// <summary>The county's fund compensated the loan as a loss (第二十三条): it leaves the tallies.</summary>
    public Loan Compensate(DateOnly compensatedOn, string note, DateTimeOffset at)
    {
        LoanLifecycle.EnsureInService(Stage, "compensation");
        return Advance(LoanStage.Compensated, LoanParty.County, $"compensated on {compensatedOn:yyyy-MM-dd}: {note}", LoanRequest.Platform(at));
    }

    /// <summary>
    /// Day-close judges the loan on <paramref name="day"/>: its overdue bucket (a change is recorded in
    /// its history) and the first due date missed, judged by the payments dated on or before each due
    /// date up to <paramref name="today"/> (a close catching up on an older day does not forget what
    /// later repayments showed). The visit is when its standing can next change.
    /// </summary>
    public LoanStep Age(DateOnly day, DateOnly today, DateTimeOffset at)
    {
        if (Stage != LoanStage.Disbursed)
        {
            throw Invalid("day-close visit");
        }

        var (_, account) = InService();
        var oldest = account.Balance.OldestUnpaidDueDate(account.Schedule, day);
        var daysPastDue = oldest is { } due ? OverdueAging.DaysPastDue(due, day) : 0;
        var bucket = OverdueAging.Bucket(daysPastDue);
        var aged = this with { Account = account with { Bucket = bucket, FirstMissedDueDate = FirstMissed(account, today) } };
        if (bucket != account.Bucket)
        {
            var note = StandingNote(oldest, daysPastDue, bucket);
            aged = aged with { History = [.. History, new LoanEvent(LoanStage.Disbursed, LoanParty.Bank, DayClose, at, "", note)] };
        }

        return new(aged, AgingEvents.NextEventDate(oldest, account.Schedule.Select(i => i.DueDate), day));
    }

    /// <summary>
    /// The loan's interest and subsidy for a month (贴息), due dates judged afresh so that a repayment
    /// reported late but paid on time keeps the subsidy; null for a loan never disbursed.
    /// </summary>
    public MonthlySubsidy? SubsidyForMonth(int year, int month, DateOnly today)
    {
        if (Approval is not { } approval || Account is not { } account)
        {
            return null;
        }

        var subsidised = new SubsidisedLoan(
            account.DisbursedOn,
            Application.Amount,
            approval.Rate,
            approval.WithinBaseCap,
            [.. account.Repayments.Select(r => new DatedPayment(r.PaidOn, r.PrincipalPaid, r.InterestSettled))],
            [.. account.Restructurings.Where(r => r.Kind == RestructuringKind.Renewal).Select(r => new ContractRenewal(r.On, r.RateBefore))],
            FirstMissed(account, today));
        return LoanSubsidy.ForMonth(approval.Policy, year, month, subsidised);
    }

    /// <summary>展期: the bank extends the contract once, by at most what the policy allows, with a new rating of the borrower.</summary>
    public LoanStep Extend(int months, string rating, DateOnly today, LoanRequest request)
    {
        LoanLifecycle.EnsureInService(Stage, "extension");
        RequireRating(rating);
        var (approval, account) = InService();
        var oldest = account.Balance.OldestUnpaidDueDate(account.Schedule, today);
        var (start, termMonths) = Contract(account);
        var maturity = account.Schedule[^1].DueDate;
        ExtensionRule.Check(
            approval.Policy, termMonths, months, account.Restructurings.Any(r => r.Kind == RestructuringKind.Extension), today, maturity, oldest);

        var revised = ScheduleRevision.Extend(
            account.Schedule, start, termMonths, months, approval.Terms.InterestFrequency, approval.Terms.PrincipalRepayment, approval.Rate, today);
        var extension = new LoanRestructuring(
            account.Restructurings.Count + 1, RestructuringKind.Extension, today, months, rating, approval.Rate, approval.Rate, maturity,
            revised[^1].DueDate, null, request.Actor, request.At, account.Balance.Principal, account.Repayments.Count);
        var extended = Restructure(extension, revised, request, $"展期 {months} months to {revised[^1].DueDate:yyyy-MM-dd}, rating {rating}");
        return new(extended, AgingEvents.NextEventDate(oldest, revised.Select(i => i.DueDate), today));
    }

    /// <summary>
    /// 无还本续贷: a new contract for the principal outstanding, priced as a new contract, once the
    /// interest is settled. What the old contract missed stays missed (no subsidy from then on); its
    /// maturity is renewed today, not missed, and the new contract's payments start now.
    /// </summary>
    public LoanStep Renew(
        int termMonths, string rating, CountyPolicy policy, InterestRate? contractRate, RepaymentTerms? terms, DateOnly today, LoanRequest request)
    {
        LoanLifecycle.EnsureInService(Stage, "renewal");
        RequireRating(rating);
        var (approval, account) = InService();
        var balance = account.Balance;
        var oldest = balance.OldestUnpaidDueDate(account.Schedule, today);
        var maturity = account.Schedule[^1].DueDate;
        RenewalRule.Check(policy, termMonths, today, maturity, oldest, balance.InterestDueOn(approval.Rate, today));

        var rate = Price(policy, today, termMonths, contractRate);
        var newTerms = terms ?? approval.Terms;
        var renewed = RepaymentSchedule.Build(balance.Principal, rate, today, termMonths, newTerms.InterestFrequency, newTerms.PrincipalRepayment)
            .Instalments;
        var renewal = new LoanRestructuring(
            account.Restructurings.Count + 1, RestructuringKind.Renewal, today, termMonths, rating, approval.Rate, rate, maturity,
            renewed[^1].DueDate, null, request.Actor, request.At, balance.Principal, account.Repayments.Count);
        var restarted = this with
        {
            Approval = approval with { Rate = rate, Terms = newTerms },
            Account = account with
            {
                // The interest is settled (RenewalRule): the new contract accrues from today at its own rate.
                Balance = LoanBalance.Disbursed(balance.Principal, today),
                MissedBefore = FirstMissed(account, today),
                Baseline = new PaymentBaseline(today, today, balance.Principal, account.Repayments.Count),
            },
        };
        var note = $"续贷 {balance.Principal} for {termMonths} months at {rate}, rating {rating}";
        return new(restarted.Restructure(renewal, renewed, request, note), AgingEvents.NextEventDate(null, renewed.Select(i => i.DueDate), today));
    }

    /// <summary>Whether the county deferral <paramref name="deferralId"/> already moved this loan's due dates.</summary>
    public bool WasDeferredBy(string deferralId) => Account?.Restructurings.Any(r => r.DeferralId == deferralId) ?? false;

    /// <summary>Whether a county deferral of the due dates in [<paramref name="from"/>, <paramref name="through"/>] reaches this loan.</summary>
    public bool HasDueDateWithin(DateOnly from, DateOnly through) =>
        Stage == LoanStage.Disbursed && Account is { } account && ScheduleRevision.AnyDueWithin(account.Schedule, from, through);

    /// <summary>
    /// A county's deferral (延期还款) moves the due dates within its window. A due date it moved was
    /// not missed after all, so its subsidy is not lost; the next close ages the loan again, as a
    /// deferral can cure arrears.
    /// </summary>
    public LoanStep Defer(string deferralId, DateOnly from, DateOnly through, int months, string reason, DateOnly today, LoanRequest request)
    {
        if (!HasDueDateWithin(from, through))
        {
            throw new RuleViolationException("DEFERRAL_NOT_APPLICABLE", $"No due date of loan {Id} falls between {from:yyyy-MM-dd} and {through:yyyy-MM-dd}.");
        }

        var (approval, account) = InService();
        var deferred = ScheduleRevision.Defer(account.Schedule, from, through, months);
        var restructuring = new LoanRestructuring(
            account.Restructurings.Count + 1, RestructuringKind.Deferral, today, months, "", approval.Rate, approval.Rate,
            account.Schedule[^1].DueDate, deferred[^1].DueDate, deferralId, request.Actor, request.At, account.Balance.Principal, account.Repayments.Count);
        var moved = Restructure(restructuring, deferred, request, $"deferred {months} months: {reason}");
        var movedAccount = moved.Account!;
        return new(moved with { Account = movedAccount with { FirstMissedDueDate = FirstMissed(movedAccount, today) } }, today);
    }

    /// <summary>
    /// 存量贷款迁移: a loan of a bank's existing book taken over as it stands today, with its
    /// principal repaid before the cut-over as one repayment on the date the balance was struck. Its
    /// history at the bank may know an earlier miss than today's arrears (未按期还贷的，从到期之日起不予贴息);
    /// due dates from today on are judged by the repayments the platform records.
    /// </summary>
    public static LoanStep TakeOver(
        string id,
        LoanApplication application,
        AdminCode village,
        LoanApproval approval,
        DateOnly disbursedOn,
        LoanBalance balance,
        DateOnly? missedAtBank,
        DateOnly today,
        LoanRequest request)
    {
        var schedule = ScheduleOf(application, approval, disbursedOn);
        var oldest = balance.OldestUnpaidDueDate(schedule, today);
        var daysPastDue = oldest is { } due ? OverdueAging.DaysPastDue(due, today) : 0;
        var bucket = OverdueAging.Bucket(daysPastDue);
        var standing = StandingNote(oldest, daysPastDue, bucket);
        var missedBefore = Earliest(missedAtBank, daysPastDue > 0 ? oldest : null);
        var repaid = RepaidBeforeTakeOver(application.Amount, approval.FundBacked, balance, request);
        var account = new LoanAccount(
            disbursedOn, balance, schedule, repaid, [], bucket, missedBefore,
            new PaymentBaseline(today, balance.InterestPaidThrough, balance.Principal, repaid.Count), missedBefore);
        var note = $"imported: disbursed on {disbursedOn:yyyy-MM-dd}, {balance.Principal} outstanding, {standing}";
        var loan = new Loan(
            id, application, village.County, village, disbursedOn, LoanStage.Disbursed,
            [new LoanEvent(LoanStage.Disbursed, LoanParty.Bank, request.Actor, request.At, request.RequestId, note)], approval, account);
        return new(loan, AgingEvents.NextEventDate(oldest, schedule.Select(i => i.DueDate), today));
    }

    /// <summary>
    /// A contract's rate: the bank's, within the policy's bounds around the reference rate for the
    /// date and term band, or the reference rate itself.
    /// </summary>
    private static InterestRate Price(CountyPolicy policy, DateOnly today, int termMonths, InterestRate? contractRate)
    {
        var reference = InterestRateTable.Default.ReferenceRate(policy.InterestSource, today, termMonths);
        var rate = contractRate ?? reference;
        RateRule.CheckContractRate(policy, reference, rate);
        return rate;
    }

    /// <summary>The schedule of the contract the approval fixed, from the day the money went out.</summary>
    private static IReadOnlyList<ScheduledInstalment> ScheduleOf(LoanApplication application, LoanApproval approval, DateOnly disbursedOn) =>
        RepaymentSchedule.Build(
            application.Amount, approval.Rate, disbursedOn, application.TermMonths, approval.Terms.InterestFrequency, approval.Terms.PrincipalRepayment)
            .Instalments;

    /// <summary>How the trail words a loan's overdue standing.</summary>
    private static string StandingNote(DateOnly? oldestUnpaid, int daysPastDue, OverdueBucket bucket) =>
        oldestUnpaid is { } unpaid ? $"{daysPastDue} days past due since {unpaid:yyyy-MM-dd}: {bucket}" : "current";

    /// <summary>The principal repaid at the bank before a take-over: what the subsidy and the fund's share of later repayments reckon from.</summary>
    private static List<Repayment> RepaidBeforeTakeOver(Money amount, Money fundBacked, LoanBalance balance, LoanRequest request)
    {
        var repaid = amount - balance.Principal;
        return repaid.IsPositive
            ? [new Repayment(1, balance.AccruedThrough, repaid, Money.Zero, repaid, fundBacked - balance.FundBacked(fundBacked), request.Actor, request.At,
                request.RequestId, balance.UnpaidInterest.IsZero)]
            : [];
    }

    private static DateOnly? Earliest(DateOnly? first, DateOnly? second) =>
        first is { } a && (second is not { } b || a <= b) ? a : second;

    /// <summary>
    /// 未按期还贷的，从到期之日起不予贴息: the first due date missed so far, judged by when the borrower
    /// paid — since the account's payment baseline, or before it.
    /// </summary>
    private DateOnly? FirstMissed(LoanAccount account, DateOnly today)
    {
        var baseline = account.Baseline;
        var current = MissedDueDates.First(
            [.. account.Schedule.Where(i => baseline is null || i.DueDate >= baseline.From)],
            baseline?.InterestSettledOn ?? account.DisbursedOn,
            baseline?.Principal ?? Application.Amount,
            [.. account.Repayments.Skip(baseline?.RepaymentsBefore ?? 0).Select(r => new DatedPayment(r.PaidOn, r.PrincipalPaid, r.InterestSettled))],
            today);
        return account.MissedBefore ?? current;
    }

    /// <summary>The current contract's start and term: the disbursement's, or the last renewal's.</summary>
    private (DateOnly Start, int TermMonths) Contract(LoanAccount account) =>
        account.Restructurings.LastOrDefault(r => r.Kind == RestructuringKind.Renewal) is { } renewal
            ? (renewal.On, renewal.Months)
            : (account.DisbursedOn, Application.TermMonths);

    /// <summary>The approval and account of a loan that has been disbursed; every stage from Disbursing on has both.</summary>
    private (LoanApproval Approval, LoanAccount Account) InService() =>
        Approval is { } approval && Account is { } account
            ? (approval, account)
            : throw new InvalidOperationException($"Loan {Id} at stage {Stage} has no account.");

    private Loan Restructure(LoanRestructuring restructuring, IReadOnlyList<ScheduledInstalment> schedule, LoanRequest request, string note)
    {
        var (_, account) = InService();
        var party = restructuring.Kind == RestructuringKind.Deferral ? LoanParty.County : LoanParty.Bank;
        return this with
        {
            Account = account with { Schedule = schedule, Restructurings = [.. account.Restructurings, restructuring] },
            History = [.. History, new LoanEvent(LoanStage.Disbursed, party, restructuring.Actor, request.At, request.RequestId, note)],
        };
    }

    private Loan Advance(LoanStage stage, LoanParty party, string note, LoanRequest request) =>
        this with { Stage = stage, History = [.. History, new LoanEvent(stage, party, request.Actor, request.At, request.RequestId, note)] };

    private static void RequireRating(string rating)
    {
        if (string.IsNullOrWhiteSpace(rating))
        {
            throw new RuleViolationException("NEW_RATING_REQUIRED", "An extension or renewal needs the bank's new rating of the borrower.");
        }
    }

    /// <summary>Banks report what happened: nothing dated after today's business date.</summary>
    private static void EnsureNotInFuture(DateOnly date, DateOnly today, string what)
    {
        if (date > today)
        {
            throw new RuleViolationException(
                "DATE_IN_FUTURE", $"A {what} dated {date:yyyy-MM-dd} is after today's business date {today:yyyy-MM-dd}.");
        }
    }

    private RuleViolationException Invalid(string action) =>
        new("LOAN_STAGE_INVALID", $"A loan at stage {Stage} does not accept a {action}.");
}
