using Microfinance.Abstractions.Loans;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;
using Microfinance.Grains.Common;
using Microfinance.Grains.Loans;
using Microfinance.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Microfinance.Grains.Tests.Lending;

/// <summary>
/// A loan's stored row outlives the C# types it was written with: these bytes are a loan as the
/// platform stored it while its parts (application, history, repayments, schedule, restructurings)
/// were Orleans messages of their own, before they moved into the domain; these others the same
/// loan since its request ids moved into a <see cref="RequestLog"/>; then as stored since the record
/// keeps its approval's date, and since it keeps the driven households an approval charged and its
/// policy the county's credit lines (here, one approved before either was kept, under no lines).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LoanStoredFormTests(ClusterFixture fixture)
{
    private const string StoredBeforeTheMove =
        "ICDoQBVMLVNUT1JFRC0xIehAIzUzMDEwMjAwMTAwMS0wMDA3QQdSQ0MhYEBLTADgAZFBE+enjeWFu+aulkET56eN5qSN5LiaIegg"
        + "QBk1MzAxMDIwMDEwMDDgMQHD2W4+TVJlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW3N0cmluZ11dAAXBC0AjNTMwMTAyMDAx"
        + "MDAxLTAwMDjg4OAhQBk1MzAxMDIwMDAwMDDgIUAZNTMwMTAyMDAxMDAx4AkDIWFqSQsAIWAgSQsAQQk1MzIxIWBAS0wA4MEBAQEB"
        + "AQGRAUkBCgIhAAcJAwUIAwkIAw3gCQMFAQFBIQAAAAAAAAAAZAAAAAAAAAABAwEpQSEAAAAAAAAAAEYAAAAAAAAAAdICAR0hAAQS"
        + "euAhYEBLTADgQSEAAAAAAAAAABkAAAAAAAAAwQFBIQAAAAAAAAAAAwAAAAAAAAABeQF5ATEBGeAhAJoN4CFgAAk9AOAhgADQdrOS"
        + "mt4IgQAAAAAAAAAA4GFuSQsAMQFBzOUIWVJlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW21mLkxvYW5FdmVudF1dAAUh6AgD"
        + "BQkDBUEN5oi35Li7IYAAUBK7/4LeCIEAAAAAAAAAAOBBC3JlcS0xwRXgIOgIAyEJAxXBDSGAAFC5ZCSG3giBAAAAAAAAAADgQQty"
        + "ZXEtMkEvZGlzYnVyc2VkIG9uIDIwMjYtMDMtMjDg4CEgYMDGLQDgIQCSJuBhE0oLAGHLSQsA4DEBa689l1lSZWFkT25seUxpc3RJ"
        + "bnRlcmZhY2VDb2RlY2AxW1ttZi5SZXBheW1lbnRdXQADIegABWHLSQsAIWDQRx8A4CEABDUM4CFggIQeAOAhYABqGADgwQ0hgAAQ"
        + "JM04z94IgQAAAAAAAAAA4EELcmVxLTMBA+DgMQHsAdeMW1JlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW21mLkluc3RhbG1l"
        + "bnRdXQAFIegABWHLSQsAYW5JCwAhAAHgIQCEbQ3g4CDoAAlhtk0LAGHLSQsAIWBAS0wA4CEABKYO4ODgIWAACT0A4GEnSgsAIegI"
        + "AwUJAwngMQFSK43/aVJlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW21mLkxvYW5SZXN0cnVjdHVyaW5nXV0AAyHoAAUJAwlh"
        + "E0oLAAFhQQVBQSEAmg3gIQAKDOBhtk0LAGHuTAsAwQHBDSGAANBL5ZUI3wiBAAAAAAAAAADgIWDAxi0A4AEF4ODgIQEHwZvArcDh"
        + "4AEFIegIAwUhYMDGLQDgIWAAnyQA4OABDSEAAyHowAcBDSHALeAhQBk1MzAxMDIwMDEwMDDgwQ0h6AgDASFgwMYtAOAhYACfJADg"
        + "4CHoCAMFIWDAxi0A4CFgAJ8kAODg4OAhAANhMUoLAOBhKEoLACHowAFhMUoLAOBhJ0oLACHoYBNKCwBhE0oLACFgwMYtAOABBeAB"
        + "A+A=";

    private const string StoredWithRequestLog =
        "ICDoQBVMLVNUT1JFRC0xIehAIzUzMDEwMjAwMTAwMS0wMDA3QQdSQ0MhYEBLTADgAZFBE+enjeWFu+aulkET56eN5qSN5LiaIegg"
        + "QBk1MzAxMDIwMDEwMDDgMQHD2W4+TVJlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW3N0cmluZ11dAAXBC0AjNTMwMTAyMDAx"
        + "MDAxLTAwMDjg4OAhQBk1MzAxMDIwMDAwMDDgIUAZNTMwMTAyMDAxMDAx4AkDIWFqSQsAIWAgSQsAQQk1MzIxIWBAS0wA4MEBAQEB"
        + "AQGRAUkBCgIhAAcJAwUIAwkIAw3gCQMFAQFBIQAAAAAAAAAAZAAAAAAAAAABAwEpQSEAAAAAAAAAAEYAAAAAAAAAAdICAR0hAAQS"
        + "euAhYEBLTADgQSEAAAAAAAAAABkAAAAAAAAAwQFBIQAAAAAAAAAAAwAAAAAAAAABeQF5ATEBGeAhAJoN4CFgAAk9AOAhgADQdrOS"
        + "mt4IgQAAAAAAAAAA4GFuSQsAMQFBzOUIWVJlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW21mLkxvYW5FdmVudF1dAAUh6AgD"
        + "BQkDBUEN5oi35Li7IYAAUBK7/4LeCIEAAAAAAAAAAOBBC3JlcS0xwRXgIOgIAyEJAxXBDSGAAFC5ZCSG3giBAAAAAAAAAADgQQty"
        + "ZXEtMkEvZGlzYnVyc2VkIG9uIDIwMjYtMDMtMjDg4CEgYMDGLQDgIQCSJuBhE0oLAGHLSQsA4DEBa689l1lSZWFkT25seUxpc3RJ"
        + "bnRlcmZhY2VDb2RlY2AxW1ttZi5SZXBheW1lbnRdXQADIegABWHLSQsAIWDQRx8A4CEABDUM4CFggIQeAOAhYABqGADgwQ0hgAAQ"
        + "JM04z94IgQAAAAAAAAAA4EELcmVxLTMBA+DgMQHsAdeMW1JlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW21mLkluc3RhbG1l"
        + "bnRdXQAFIegABWHLSQsAYW5JCwAhAAHgIQCEbQ3g4CDoAAlhtk0LAGHLSQsAIWBAS0wA4CEABKYO4ODgIWAACT0A4GEnSgsAIegI"
        + "AwUJAwngMQFSK43/aVJlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW21mLkxvYW5SZXN0cnVjdHVyaW5nXV0AAyHoAAUJAwlh"
        + "E0oLAAFhQQVBQSEAmg3gIQAKDOBhtk0LAGHuTAsAwQHBDSGAANBL5ZUI3wiBAAAAAAAAAADgIWDAxi0A4AEF4ODgAgUh6AgDBSFg"
        + "wMYtAOAhYACfJADg4AENIQADIejABwENIcAt4CFAGTUzMDEwMjAwMTAwMODBDSHoCAMBIWDAxi0A4CFgAJ8kAODgIegIAwUhYMDG"
        + "LQDgIWAAnyQA4ODg4CEAA2ExSgsA4GEoSgsAIejAAWExSgsA4GEnSgsAIehgE0oLAGETSgsAIWDAxi0A4AEF4AEDISAAByHowJsh"
        + "6AADAQXg4CDowK0h6AAHAQng4CDowOEh6AALAQ3g4ODg4A==";

    private const string StoredWithApprovalDate =
        "ICDoQBVMLVNUT1JFRC0xIehAIzUzMDEwMjAwMTAwMS0wMDA3QQdSQ0MhYEBLTADgAZFBE+enjeWFu+aulkET56eN5qSN5LiaIegg"
        + "QBk1MzAxMDIwMDEwMDDgMQHD2W4+TVJlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW3N0cmluZ11dAAXBC0AjNTMwMTAyMDAx"
        + "MDAxLTAwMDjg4OAhQBk1MzAxMDIwMDAwMDDgIUAZNTMwMTAyMDAxMDAx4AkDIWFqSQsAIWAgSQsAQQk1MzIxIWBAS0wA4MEBAQEB"
        + "AQGRAUkBCgIhAAcJAwUIAwkIAw3gCQMFAQFBIQAAAAAAAAAAZAAAAAAAAAABAwEpQSEAAAAAAAAAAEYAAAAAAAAAAdICAR0hAAQS"
        + "euAhYEBLTADgQSEAAAAAAAAAABkAAAAAAAAAwQFBIQAAAAAAAAAAAwAAAAAAAAABeQF5ATEBGeAhAJoN4CFgAAk9AOAhgADQdrOS"
        + "mt4IgQAAAAAAAAAA4GFuSQsAMQFBzOUIWVJlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW21mLkxvYW5FdmVudF1dAAUh6AgD"
        + "BQkDBUEN5oi35Li7IYAAUBK7/4LeCIEAAAAAAAAAAOBBC3JlcS0xwRXgIOgIAyEJAxXBDSGAAFC5ZCSG3giBAAAAAAAAAADgQQty"
        + "ZXEtMkEvZGlzYnVyc2VkIG9uIDIwMjYtMDMtMjDg4CEgYMDGLQDgIQCSJuBhE0oLAGHLSQsA4DEBa689l1lSZWFkT25seUxpc3RJ"
        + "bnRlcmZhY2VDb2RlY2AxW1ttZi5SZXBheW1lbnRdXQADIegABWHLSQsAIWDQRx8A4CEABDUM4CFggIQeAOAhYABqGADgwQ0hgAAQ"
        + "JM04z94IgQAAAAAAAAAA4EELcmVxLTMBA+DgMQHsAdeMW1JlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW21mLkluc3RhbG1l"
        + "bnRdXQAFIegABWHLSQsAYW5JCwAhAAHgIQCEbQ3g4CDoAAlhtk0LAGHLSQsAIWBAS0wA4CEABKYO4ODgIWAACT0A4GEnSgsAIegI"
        + "AwUJAwngMQFSK43/aVJlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW21mLkxvYW5SZXN0cnVjdHVyaW5nXV0AAyHoAAUJAwlh"
        + "E0oLAAFhQQVBQSEAmg3gIQAKDOBhtk0LAGHuTAsAwQHBDSGAANBL5ZUI3wiBAAAAAAAAAADgIWDAxi0A4AEF4ODBAeACBSHoCAMF"
        + "IWDAxi0A4CFgAJ8kAODgAQ0hAAMh6MAHAQ0hwC3gIUAZNTMwMTAyMDAxMDAw4MENIegIAwEhYMDGLQDgIWAAnyQA4OAh6AgDBSFg"
        + "wMYtAOAhYACfJADg4ODgIQADYTFKCwDgYShKCwAh6MABYTFKCwDgYSdKCwAh6GATSgsAYRNKCwAhYMDGLQDgAQXgAQMhIAAHIejA"
        + "myHoAAMBBeDgIOjArSHoAAcBCeDgIOjA4SHoAAsBDeDg4ODg";

    private const string StoredWithChargedHouseholds =
        "ICDoQBVMLVNUT1JFRC0xIehAIzUzMDEwMjAwMTAwMS0wMDA3QQdSQ0MhYEBLTADgAZFBE+enjeWFu+aulkET56eN5qSN5LiaIegg"
        + "QBk1MzAxMDIwMDEwMDDgMQHD2W4+TVJlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW3N0cmluZ11dAAXBC0AjNTMwMTAyMDAx"
        + "MDAxLTAwMDjg4OAhQBk1MzAxMDIwMDAwMDDgIUAZNTMwMTAyMDAxMDAx4AkDIWFqSQsAIWAgSQsAQQk1MzIxIWBAS0wA4MEBAQEB"
        + "AQGRAUkBCgIhAAcJAwUIAwkIAw3gCQMFAQFBIQAAAAAAAAAAZAAAAAAAAAABAwEpQSEAAAAAAAAAAEYAAAAAAAAAAdICAR0hAAQS"
        + "euAhYEBLTADgQSEAAAAAAAAAABkAAAAAAAAAwQFBIQAAAAAAAAAAAwAAAAAAAAABeQF5ATEBGcEB4CEAmg3gIWAACT0A4CGAANB2"
        + "s5Ka3giBAAAAAAAAAADgYW5JCwAxAUHM5QhZUmVhZE9ubHlMaXN0SW50ZXJmYWNlQ29kZWNgMVtbbWYuTG9hbkV2ZW50XV0ABSHo"
        + "CAMFCQMFQQ3miLfkuLshgABQErv/gt4IgQAAAAAAAAAA4EELcmVxLTHBFeAg6AgDIQkDFcENIYAAULlkJIbeCIEAAAAAAAAAAOBB"
        + "C3JlcS0yQS9kaXNidXJzZWQgb24gMjAyNi0wMy0yMODgISBgwMYtAOAhAJIm4GETSgsAYctJCwDgMQFrrz2XWVJlYWRPbmx5TGlz"
        + "dEludGVyZmFjZUNvZGVjYDFbW21mLlJlcGF5bWVudF1dAAMh6AAFYctJCwAhYNBHHwDgIQAENQzgIWCAhB4A4CFgAGoYAODBDSGA"
        + "ABAkzTjP3giBAAAAAAAAAADgQQtyZXEtMwED4OAxAewB14xbUmVhZE9ubHlMaXN0SW50ZXJmYWNlQ29kZWNgMVtbbWYuSW5zdGFs"
        + "bWVudF1dAAUh6AAFYctJCwBhbkkLACEAAeAhAIRtDeDgIOgACWG2TQsAYctJCwAhYEBLTADgIQAEpg7g4OAhYAAJPQDgYSdKCwAh"
        + "6AgDBQkDCeAxAVIrjf9pUmVhZE9ubHlMaXN0SW50ZXJmYWNlQ29kZWNgMVtbbWYuTG9hblJlc3RydWN0dXJpbmddXQADIegABQkD"
        + "CWETSgsAAWFBBUFBIQCaDeAhAAoM4GG2TQsAYe5MCwDBAcENIYAA0EvllQjfCIEAAAAAAAAAAOAhYMDGLQDgAQXg4MEBwQHgAgUh"
        + "6AgDBSFgwMYtAOAhYACfJADg4AENIQADIejABwENIcAt4CFAGTUzMDEwMjAwMTAwMODBDSHoCAMBIWDAxi0A4CFgAJ8kAODgIegI"
        + "AwUhYMDGLQDgIWAAnyQA4ODg4CEAA2ExSgsA4GEoSgsAIejAAWExSgsA4GEnSgsAIehgE0oLAGETSgsAIWDAxi0A4AEF4AEDISAA"
        + "ByHowJ0h6AADAQXg4CDowK8h6AAHAQng4CDowOMh6AALAQ3g4ODg4A==";

    private Serializer Serializer => fixture.Client.ServiceProvider.GetRequiredService<Serializer>();

    [Fact]
    public void ALoanStoredBeforeItsPartsMovedToTheDomainReadsAsItWas()
    {
        var stored = Serializer.Deserialize<LoanState>(Convert.FromBase64String(StoredBeforeTheMove));

        AssertSame(Expected(), stored);
        Assert.Empty(stored!.Requests.Requests);
    }

    [Fact]
    public void ALoanStoredWithItsRequestLogReadsAsItWas()
    {
        var stored = Serializer.Deserialize<LoanState>(Convert.FromBase64String(StoredWithRequestLog));

        AssertSame(Expected(), stored);
        Assert.Equal(Expected().Requests.Requests, stored!.Requests.Requests);
    }

    [Fact]
    public void ALoanStoredWithItsApprovalDateReadsAsItWas()
    {
        var stored = Serializer.Deserialize<LoanState>(Convert.FromBase64String(StoredWithApprovalDate));

        AssertSame(Expected(), stored);
    }

    [Fact]
    public void ALoanIsStoredByteForByteAsSinceItsChargedHouseholdsAreKept()
    {
        var bytes = Serializer.SerializeToArray(Expected());

        Assert.Equal(StoredWithChargedHouseholds, Convert.ToBase64String(bytes));
        AssertSame(Expected(), Serializer.Deserialize<LoanState>(bytes));
    }

    private static void AssertSame(LoanState expected, LoanState? actual)
    {
        Assert.NotNull(actual);
        var (want, got) = (expected.Record!, actual.Record!);
        Assert.Equal(want.Application, got.Application);
        Assert.Equal(want.History, got.History);
        Assert.Equal(want.Repayments, got.Repayments);
        Assert.Equal(want.Schedule, got.Schedule);
        Assert.Equal(want.Restructurings, got.Restructurings);
        Assert.Equal(
            want with { History = [], Repayments = [], Schedule = [], Restructurings = [] },
            got with { History = [], Repayments = [], Schedule = [], Restructurings = [] });
        Assert.Equal(expected.Contribution, actual.Contribution);
        Assert.Equal(expected.PendingDeltas, actual.PendingDeltas);
        Assert.Equal(expected.PendingVisits, actual.PendingVisits);
        Assert.Equal(expected.Baseline, actual.Baseline);
        Assert.Equal(
            (expected.RepaymentsApplied, expected.TallySequence, expected.LastVisitedDay, expected.LastVisit, expected.MissedBefore, expected.ReportedNonPerforming),
            (actual.RepaymentsApplied, actual.TallySequence, actual.LastVisitedDay, actual.LastVisit, actual.MissedBefore, actual.ReportedNonPerforming));
    }

    private static LoanState Expected()
    {
        var at = new DateTimeOffset(2026, 3, 16, 2, 0, 0, TimeSpan.Zero);
        var disbursed = new DateOnly(2026, 3, 20);
        var record = new LoanRecord(
            "L-STORED-1",
            new LoanApplication("530102001001-0007", "RCC", new Money(5_000_000), 36, "种养殖", "种植业",
                new DrivingAgreement(AdminCode.Parse("530102001"), ["530102001001-0007", "530102001001-0008"])),
            AdminCode.Parse("530102"),
            AdminCode.Parse("530102001001"),
            LoanStage.Disbursed,
            new DateOnly(2026, 3, 16),
            CountyPolicy.Default5321(new DateOnly(2026, 1, 1)),
            InterestRate.FromPercent(4.35m),
            new Money(4_000_000),
            at.AddDays(30),
            disbursed,
            [
                new LoanEvent(LoanStage.Applied, LoanParty.Borrower, "户主", at, "req-1", "种养殖"),
                new LoanEvent(LoanStage.Disbursed, LoanParty.Bank, "RCC", at.AddDays(4), "req-2", "disbursed on 2026-03-20"),
            ],
            new LoanBalance(new Money(3_000_000), new Money(1_234), new DateOnly(2026, 9, 1), new DateOnly(2026, 6, 21)),
            [
                new Repayment(1, new DateOnly(2026, 6, 21), new Money(2_050_000), new Money(50_000), new Money(2_000_000), new Money(1_600_000), "RCC", at.AddDays(97), "req-3", true),
            ],
            [
                new ScheduledInstalment(1, new DateOnly(2026, 6, 21), disbursed, Money.Zero, new Money(55_000)),
                new ScheduledInstalment(2, new DateOnly(2029, 3, 20), new DateOnly(2026, 6, 21), new Money(5_000_000), new Money(60_000)),
            ],
            new Money(4_000_000),
            new DateOnly(2026, 9, 21),
            new RepaymentTerms(InterestFrequency.Monthly, PrincipalRepayment.EqualInstalments),
            [
                new LoanRestructuring(1, RestructuringKind.Renewal, new DateOnly(2026, 9, 1), 24, "AA", InterestRate.FromPercent(4.35m), InterestRate.FromPercent(3.85m),
                    new DateOnly(2029, 3, 20), new DateOnly(2028, 9, 1), null, "RCC", at.AddDays(170), new Money(3_000_000), 1),
            ]);
        return new LoanState
        {
            Record = record,
            Requests = new RequestLog
            {
                Requests = [new("req-1", new(1, 2)), new("req-2", new(3, 4)), new("req-3", new(5, 6))],
            },
            RepaymentsApplied = 1,
            Contribution = new TallyContribution(OverdueBucket.Days1To30, new Money(3_000_000), new Money(2_400_000)),
            TallySequence = 3,
            PendingDeltas = [new LoanTallyDelta("L-STORED-1", 3, AdminCode.Parse("530102001001"), AdminCode.Parse("530102001"), "RCC",
                new TallyContribution(OverdueBucket.Current, new Money(3_000_000), new Money(2_400_000)),
                new TallyContribution(OverdueBucket.Days1To30, new Money(3_000_000), new Money(2_400_000)))],
            PendingVisits = [new DateOnly(2026, 10, 1)],
            LastVisitedDay = new DateOnly(2026, 9, 22),
            LastVisit = new LoanDayResult(null, new DateOnly(2026, 10, 1)),
            MissedBefore = new DateOnly(2026, 9, 21),
            Baseline = new PaymentBaseline(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 1), new Money(3_000_000), 1),
            ReportedNonPerforming = true,
        };
    }
}
