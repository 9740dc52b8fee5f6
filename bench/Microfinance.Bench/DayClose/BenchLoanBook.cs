using Microfinance.Abstractions.Loans;
using Microfinance.Bench.Setup;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;

namespace Microfinance.Bench.DayClose;

/// <summary>
/// The bank extract the day-close benchmark imports: each household's loans (three-year terms,
/// interest quarterly, principal at maturity, interest paid up to the last due date before the
/// one that matters), arranged around the measured day. The chosen event loans have an event on
/// it: yesterday's interest due date passing unpaid, or arrears crossing into the next overdue
/// bucket. Every other loan is current, its next due date spread over the next quarter but at
/// least two days after the import, so that neither the import day nor the day after the measured
/// one has any event — the quiet day the benchmark also closes.
/// </summary>
public sealed class BenchLoanBook
{
    private const int TermMonths = 36;
    private const int QuartersBack = 11;

    /// <summary>
    /// Days past due on the measured day for each kind of event loan: 1 (the due date passed
    /// yesterday), then the first day of each later overdue bucket.
    /// </summary>
    private static readonly int[] EventArrears = [1, 31, 61, 91];

    private static readonly InterestRate Rate = new(475);

    private BenchLoanBook(IReadOnlyList<ImportedLoan> loans, IReadOnlyDictionary<OverdueBucket, int> expected)
    {
        Loans = loans;
        ExpectedAfterDay = expected;
    }

    public IReadOnlyList<ImportedLoan> Loans { get; }

    /// <summary>Loans per overdue bucket once the measured day is closed.</summary>
    public IReadOnlyDictionary<OverdueBucket, int> ExpectedAfterDay { get; }

    public Money Outstanding => new(Loans.Sum(loan => loan.Balance.Principal.Fen));

    /// <param name="households">Registered households, round-robin over the villages; each gets <paramref name="loansPerHousehold"/> loans in turn.</param>
    /// <param name="day">The measured day; the import is the day before.</param>
    public static BenchLoanBook Build(
        IReadOnlyList<BenchHousehold> households, int loansPerHousehold, int loanCount, int eventCount, DateOnly day, int seed)
    {
        var random = new Random(seed);
        var importDay = day.AddDays(-1);
        var isEvent = Choose(loanCount, eventCount, random);
        var largestYuan = (int)(HouseholdRegistrar.CapFen / 100 / loansPerHousehold);
        var expected = Enum.GetValues<OverdueBucket>().ToDictionary(bucket => bucket, _ => 0);
        var loans = new List<ImportedLoan>(loanCount);
        var events = 0;
        for (var n = 0; n < loanCount; n++)
        {
            var household = households[n / loansPerHousehold];
            (DateOnly DisbursedOn, DateOnly PaidThrough)? contract;
            if (isEvent[n])
            {
                var arrears = EventArrears[events++ % EventArrears.Length];
                contract = ContractFallingDueOn(day.AddDays(-arrears), random)
                    ?? throw new InvalidOperationException($"No quarterly contract falls due {arrears} days before {day:yyyy-MM-dd}.");
                expected[OverdueAging.Bucket(arrears)]++;
            }
            else
            {
                // A quarter is at least 89 days, so the due date before this one falls before the
                // import day: paid, and no visit due the day after it.
                do
                {
                    contract = ContractFallingDueOn(importDay.AddDays(random.Next(2, 89)), random);
                }
                while (contract is null);

                expected[OverdueBucket.Current]++;
            }

            var (disbursedOn, paidThrough) = contract.Value;
            var amount = Money.FromYuan(random.Next(50, largestYuan / 100 + 1) * 100m);
            loans.Add(new ImportedLoan(
                $"MIG{n:0000000}",
                household.RegistryNumber,
                AdminCode.Parse(household.Village),
                ProvinceLayout.Banks[((n % loansPerHousehold) + (n / loansPerHousehold)) % ProvinceLayout.Banks.Count].Code,
                amount,
                TermMonths,
                "发展种养殖业",
                "畜牧业",
                Rate,
                RepaymentTerms.Default,
                disbursedOn,
                new LoanBalance(amount, Money.Zero, paidThrough, paidThrough),
                amount,
                null));
        }

        return new BenchLoanBook(loans, expected);
    }

    /// <summary>
    /// A disbursement date one to eleven quarters before <paramref name="unpaidDue"/> whose due dates
    /// (对年对月对日) include it, and the due date before it (or the disbursement) that interest is
    /// paid through; null when month ends rule every such contract out.
    /// </summary>
    private static (DateOnly DisbursedOn, DateOnly PaidThrough)? ContractFallingDueOn(DateOnly unpaidDue, Random random)
    {
        var first = random.Next(QuartersBack);
        for (var i = 0; i < QuartersBack; i++)
        {
            var disbursedOn = unpaidDue.AddMonths(-3 * (((first + i) % QuartersBack) + 1));
            var dueDates = ContractDates.DueDates(disbursedOn, TermMonths, InterestFrequency.Quarterly);
            var index = IndexOf(dueDates, unpaidDue);
            if (index >= 0)
            {
                return (disbursedOn, index == 0 ? disbursedOn : dueDates[index - 1]);
            }
        }

        return null;
    }

    private static int IndexOf(IReadOnlyList<DateOnly> dates, DateOnly date)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            if (dates[i] == date)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary><paramref name="count"/> of <paramref name="total"/> positions, chosen at random.</summary>
    private static bool[] Choose(int total, int count, Random random)
    {
        var order = Enumerable.Range(0, total).ToArray();
        random.Shuffle(order);
        var chosen = new bool[total];
        foreach (var position in order.Take(count))
        {
            chosen[position] = true;
        }

        return chosen;
    }
}
