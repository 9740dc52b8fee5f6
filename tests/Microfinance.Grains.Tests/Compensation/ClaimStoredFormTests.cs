using Microfinance.Domain.Compensation;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Policies;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;
using Microfinance.Grains.Compensation;
using Microfinance.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Microfinance.Grains.Tests.Compensation;

/// <summary>
/// A claim's stored row outlives the C# types it was written with: these bytes are a claim as the
/// platform stored it while it and its parts (filing, objections, history, recoveries) were Orleans
/// messages of their own, before they moved into the domain; these others the same claim since its
/// request ids moved into a <see cref="RequestLog"/>; and the last as stored since a recovery tells
/// whether a suit recovered it and the claim's policy carries the county's credit lines.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClaimStoredFormTests(ClusterFixture fixture)
{
    private const string StoredBeforeTheMove =
        "ICDoQBVMLVNUT1JFRC0yIUAZNTMwMTAyMDAwMDAw4EEjNTMwMTAyMDAxMDAxLTAwMDchQBk1MzAxMDIwMDEwMDHgCQMVIehAB1JD"
        + "QwkDBUEZ5oi35Li755eF5pWFMQF5XjBuxVJlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW01pY3JvZmluYW5jZS5Eb21haW4u"
        + "Q29tcGVuc2F0aW9uLkR1bm5pbmdBY3Rpb24sTWljcm9maW5hbmNlLkRvbWFpbl1dAAUhYLdJCwAJAwlBGeS4iumXqOWCrOaUtuAg"
        + "YNVJCwAJAwVBDeeUteivneDgIUAN5Lq65L+dQQdQLTFBIQAAAAAAAAAACgAAAAAAAADg4GEiSgsAYbdJCwAhYCBJCwBBCTUzMjEh"
        + "YEBLTADgwQEBAQEBAZEBSQEKAiEABwkDBQgDCQgDDeAJAwUBAUEhAAAAAAAAAABkAAAAAAAAAAEDASlBIQAAAAAAAAAARgAAAAAA"
        + "AAAB0gIBHSEABBJ64CFgQEtMAOBBIQAAAAAAAAAAGQAAAAAAAADBAUEhAAAAAAAAAAADAAAAAAAAAAF5AXkBMQEZ4AEJISBgwMYt"
        + "AOAhAIT8CuAhYMDGLQDg4DEBsuEqrltSZWFkT25seUxpc3RJbnRlcmZhY2VDb2RlY2AxW1ttZi5DbGFpbUV2ZW50XV0ABSHoCAMF"
        + "wRchgABQFDeWE98IgQAAAAAAAAAA4EENZmlsZS0xQQtmaWxlZOAg6AgDJUENc3lzdGVtIYAAUFeHTSPfCIEAAAAAAAAAAOBBAUET"
        + "ZnVuZCBwYWlk4OAhYCNKCwABHeAxASwscwdjUmVhZE9ubHlMaXN0SW50ZXJmYWNlQ29kZWNgMVtbbWYuQ2xhaW1PYmplY3Rpb25d"
        + "XQADIegABUEN5p2R5rCRQQ3kuI3lrp5hJEoLAAkDCUEZ5p+l5peg5a6e5o2uQRnljr/mibbotKvlip4hgACQUbbxFd8IgQAAAAAA"
        + "AAAA4EELb2JqLTHg4DEBjuFGG9FSZWFkT25seUxpc3RJbnRlcmZhY2VDb2RlY2AxW1tNaWNyb2ZpbmFuY2UuRG9tYWluLkNvbXBl"
        + "bnNhdGlvbi5WZXJpZmljYXRpb25GaW5kaW5nLE1pY3JvZmluYW5jZS5Eb21haW5dXQADCQMJ4MEBQSvljr/otKLjgJQyMDI244CV"
        + "MTLlj7chIGDAxi0A4CEABMQJ4CFgwMYtAODgISBgAJ8kAOAhAAR8kuAhAAQ+SeDgIWAAnyQA4CEABGoY4GE2SgsAMQEtrVwSYVJl"
        + "YWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW21mLkNsYWltUmVjb3ZlcnldXQADIegABWFQSgsAIQAENQzgISAABMQJ4CEABHEC"
        + "4CEAAeDgQQ3ov73lm57BFyGAABCrq/I23wiBAAAAAAAAAADgQQtyZWMtMeDg4CEgAAXBo8DX4OAhYMDGLQDgAQXg";

    private const string StoredWithRequestLog =
        "ICDoQBVMLVNUT1JFRC0yIUAZNTMwMTAyMDAwMDAw4EEjNTMwMTAyMDAxMDAxLTAwMDchQBk1MzAxMDIwMDEwMDHgCQMVIehAB1JD"
        + "QwkDBUEZ5oi35Li755eF5pWFMQF5XjBuxVJlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW01pY3JvZmluYW5jZS5Eb21haW4u"
        + "Q29tcGVuc2F0aW9uLkR1bm5pbmdBY3Rpb24sTWljcm9maW5hbmNlLkRvbWFpbl1dAAUhYLdJCwAJAwlBGeS4iumXqOWCrOaUtuAg"
        + "YNVJCwAJAwVBDeeUteivneDgIUAN5Lq65L+dQQdQLTFBIQAAAAAAAAAACgAAAAAAAADg4GEiSgsAYbdJCwAhYCBJCwBBCTUzMjEh"
        + "YEBLTADgwQEBAQEBAZEBSQEKAiEABwkDBQgDCQgDDeAJAwUBAUEhAAAAAAAAAABkAAAAAAAAAAEDASlBIQAAAAAAAAAARgAAAAAA"
        + "AAAB0gIBHSEABBJ64CFgQEtMAOBBIQAAAAAAAAAAGQAAAAAAAADBAUEhAAAAAAAAAAADAAAAAAAAAAF5AXkBMQEZ4AEJISBgwMYt"
        + "AOAhAIT8CuAhYMDGLQDg4DEBsuEqrltSZWFkT25seUxpc3RJbnRlcmZhY2VDb2RlY2AxW1ttZi5DbGFpbUV2ZW50XV0ABSHoCAMF"
        + "wRchgABQFDeWE98IgQAAAAAAAAAA4EENZmlsZS0xQQtmaWxlZOAg6AgDJUENc3lzdGVtIYAAUFeHTSPfCIEAAAAAAAAAAOBBAUET"
        + "ZnVuZCBwYWlk4OAhYCNKCwABHeAxASwscwdjUmVhZE9ubHlMaXN0SW50ZXJmYWNlQ29kZWNgMVtbbWYuQ2xhaW1PYmplY3Rpb25d"
        + "XQADIegABUEN5p2R5rCRQQ3kuI3lrp5hJEoLAAkDCUEZ5p+l5peg5a6e5o2uQRnljr/mibbotKvlip4hgACQUbbxFd8IgQAAAAAA"
        + "AAAA4EELb2JqLTHg4DEBjuFGG9FSZWFkT25seUxpc3RJbnRlcmZhY2VDb2RlY2AxW1tNaWNyb2ZpbmFuY2UuRG9tYWluLkNvbXBl"
        + "bnNhdGlvbi5WZXJpZmljYXRpb25GaW5kaW5nLE1pY3JvZmluYW5jZS5Eb21haW5dXQADCQMJ4MEBQSvljr/otKLjgJQyMDI244CV"
        + "MTLlj7chIGDAxi0A4CEABMQJ4CFgwMYtAODgISBgAJ8kAOAhAAR8kuAhAAQ+SeDgIWAAnyQA4CEABGoY4GE2SgsAMQEtrVwSYVJl"
        + "YWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW21mLkNsYWltUmVjb3ZlcnldXQADIegABWFQSgsAIQAENQzgISAABMQJ4CEABHEC"
        + "4CEAAeDgQQ3ov73lm57BFyGAABCrq/I23wiBAAAAAAAAAADgQQtyZWMtMeDg4CJgwMYtAOABBSEgAAUh6MCjIegAAwEF4OAg6MDX"
        + "IegABwEJ4ODg4OA=";

    private const string StoredWithLitigationFlag =
        "ICDoQBVMLVNUT1JFRC0yIUAZNTMwMTAyMDAwMDAw4EEjNTMwMTAyMDAxMDAxLTAwMDchQBk1MzAxMDIwMDEwMDHgCQMVIehAB1JD"
        + "QwkDBUEZ5oi35Li755eF5pWFMQF5XjBuxVJlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW01pY3JvZmluYW5jZS5Eb21haW4u"
        + "Q29tcGVuc2F0aW9uLkR1bm5pbmdBY3Rpb24sTWljcm9maW5hbmNlLkRvbWFpbl1dAAUhYLdJCwAJAwlBGeS4iumXqOWCrOaUtuAg"
        + "YNVJCwAJAwVBDeeUteivneDgIUAN5Lq65L+dQQdQLTFBIQAAAAAAAAAACgAAAAAAAADg4GEiSgsAYbdJCwAhYCBJCwBBCTUzMjEh"
        + "YEBLTADgwQEBAQEBAZEBSQEKAiEABwkDBQgDCQgDDeAJAwUBAUEhAAAAAAAAAABkAAAAAAAAAAEDASlBIQAAAAAAAAAARgAAAAAA"
        + "AAAB0gIBHSEABBJ64CFgQEtMAOBBIQAAAAAAAAAAGQAAAAAAAADBAUEhAAAAAAAAAAADAAAAAAAAAAF5AXkBMQEZwQHgAQkhIGDA"
        + "xi0A4CEAhPwK4CFgwMYtAODgMQGy4SquW1JlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW21mLkNsYWltRXZlbnRdXQAFIegI"
        + "AwXBFyGAAFAUN5YT3wiBAAAAAAAAAADgQQ1maWxlLTFBC2ZpbGVk4CDoCAMlQQ1zeXN0ZW0hgABQV4dNI98IgQAAAAAAAAAA4EEB"
        + "QRNmdW5kIHBhaWTg4CFgI0oLAAEd4DEBLCxzB2NSZWFkT25seUxpc3RJbnRlcmZhY2VDb2RlY2AxW1ttZi5DbGFpbU9iamVjdGlv"
        + "bl1dAAMh6AAFQQ3mnZHmsJFBDeS4jeWunmEkSgsACQMJQRnmn6Xml6Dlrp7mja5BGeWOv+aJtui0q+WKniGAAJBRtvEV3wiBAAAA"
        + "AAAAAADgQQtvYmotMeDgMQGO4UYb0VJlYWRPbmx5TGlzdEludGVyZmFjZUNvZGVjYDFbW01pY3JvZmluYW5jZS5Eb21haW4uQ29t"
        + "cGVuc2F0aW9uLlZlcmlmaWNhdGlvbkZpbmRpbmcsTWljcm9maW5hbmNlLkRvbWFpbl1dAAMJAwngwQFBK+WOv+i0ouOAlDIwMjbj"
        + "gJUxMuWPtyEgYMDGLQDgIQAExAngIWDAxi0A4OAhIGAAnyQA4CEABHyS4CEABD5J4OAhYACfJADgIQAEahjgYTZKCwAxAS2tXBJh"
        + "UmVhZE9ubHlMaXN0SW50ZXJmYWNlQ29kZWNgMVtbbWYuQ2xhaW1SZWNvdmVyeV1dAAMh6AAFYVBKCwAhAAQ1DOAhIAAExAngIQAE"
        + "cQLgIQAB4OBBDei/veWbnsEXIYAAEKur8jbfCIEAAAAAAAAAAOBBC3JlYy0xAQHg4OAiYMDGLQDgAQUhIAAFIejApSHoAAMBBeDg"
        + "IOjA2SHoAAcBCeDg4ODg";

    private Serializer Serializer => fixture.Client.ServiceProvider.GetRequiredService<Serializer>();

    [Fact]
    public void AClaimStoredBeforeItMovedToTheDomainReadsAsItWas()
    {
        var stored = Serializer.Deserialize<CompensationClaimState>(Convert.FromBase64String(StoredBeforeTheMove));

        AssertSame(Expected(), stored);
        Assert.Empty(stored!.Requests.Requests);
    }

    [Fact]
    public void AClaimStoredWithItsRequestLogReadsAsItWas()
    {
        var stored = Serializer.Deserialize<CompensationClaimState>(Convert.FromBase64String(StoredWithRequestLog));

        AssertSame(Expected(), stored);
        Assert.Equal(Expected().Requests.Requests, stored!.Requests.Requests);
    }

    [Fact]
    public void AClaimIsStoredByteForByteAsSinceARecoveryTellsWhetherASuitRecoveredIt()
    {
        var bytes = Serializer.SerializeToArray(Expected());

        Assert.Equal(StoredWithLitigationFlag, Convert.ToBase64String(bytes));
        AssertSame(Expected(), Serializer.Deserialize<CompensationClaimState>(bytes));
    }

    private static void AssertSame(CompensationClaimState want, CompensationClaimState? got)
    {
        Assert.NotNull(got);
        var (claim, read) = (want.Claim!, got.Claim!);
        Assert.Equal(claim.Filing with { Dunning = [] }, read.Filing with { Dunning = [] });
        Assert.Equal(claim.Filing.Dunning, read.Filing.Dunning);
        Assert.Equal(claim.History, read.History);
        Assert.Equal(claim.Objections, read.Objections);
        Assert.Equal(claim.Findings, read.Findings);
        Assert.Equal(claim.Recoveries, read.Recoveries);
        Assert.Equal(
            claim with { Filing = read.Filing, History = [], Objections = [], Findings = [], Recoveries = [] },
            read with { History = [], Objections = [], Findings = [], Recoveries = [] });
        Assert.Equal((want.PayoutBackedPrincipal, want.RecoveriesCredited), (got.PayoutBackedPrincipal, got.RecoveriesCredited));
    }

    private static CompensationClaimState Expected()
    {
        var at = new DateTimeOffset(2026, 9, 16, 2, 0, 0, TimeSpan.Zero);
        var shares = new RiskShares(new Money(2_400_000), new Money(600_000), new Money(300_000));
        var claim = new CompensationClaim(
            "L-STORED-2",
            AdminCode.Parse("530102"),
            "530102001001-0007",
            AdminCode.Parse("530102001001"),
            ClaimStatus.Compensated,
            new ClaimFiling("RCC", LossCause.BorrowerDeath, "户主病故",
                [new DunningAction(new DateOnly(2026, 6, 1), DunningMethod.Visit, "上门催收"), new DunningAction(new DateOnly(2026, 7, 1), DunningMethod.Phone, "电话")],
                new CreditInsurance("人保", "P-1", 10m)),
            new DateOnly(2026, 9, 16),
            new DateOnly(2026, 6, 1),
            CountyPolicy.Default5321(new DateOnly(2026, 1, 1)),
            2,
            new ClaimLoss(new Money(3_000_000), new Money(45_000), new Money(3_000_000)),
            [
                new ClaimEvent(ClaimAction.Filed, "RCC", at, "file-1", "filed"),
                new ClaimEvent(ClaimAction.Compensated, "system", at.AddDays(20), "", "fund paid"),
            ],
            new NoticePeriod(new DateOnly(2026, 9, 17), 7),
            [new ClaimObjection(1, "村民", "不实", new DateOnly(2026, 9, 18), ObjectionStatus.Dismissed, "查无实据", "县扶贫办", at.AddDays(3), "obj-1")],
            [VerificationFinding.RiskEventNotReported],
            null,
            "县财〔2026〕12号",
            new ClaimLoss(new Money(3_000_000), new Money(40_000), new Money(3_000_000)),
            shares,
            new Money(2_400_000),
            new Money(100_000),
            new DateOnly(2026, 10, 6),
            [new ClaimRecovery(1, new DateOnly(2026, 11, 1), new Money(50_000), new RiskShares(new Money(40_000), new Money(10_000), Money.Zero), "追回", "RCC", at.AddDays(45), "rec-1", false)]);
        var state = new CompensationClaimState { Claim = claim, PayoutBackedPrincipal = new Money(3_000_000), RecoveriesCredited = 1 };
        state.Requests.Record("file-1", new(1, 2));
        state.Requests.Record("obj-1", new(3, 4));
        return state;
    }
}
