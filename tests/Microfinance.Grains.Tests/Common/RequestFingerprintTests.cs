using Microfinance.Domain.Finance;
using Microfinance.Domain.Loans;
using Microfinance.Grains.Common;
using Microfinance.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Microfinance.Grains.Tests.Common;

/// <summary>What a request asked for, fingerprinted from a grain method's arguments by the Orleans serializer.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RequestFingerprintTests(ClusterFixture fixture)
{
    private static readonly DateOnly PaidOn = new(2024, 4, 30);

    private Serializer Serializer => fixture.Client.ServiceProvider.GetRequiredService<Serializer>();

    private RequestFingerprint Repayment(DateOnly paidOn, Money amount, string actor) =>
        RequestFingerprint.Of(Serializer, "RecordRepaymentAsync", paidOn, amount, actor);

    [Fact]
    public void EqualArgumentsBuiltApartGiveEqualFingerprints()
    {
        var head = TestKeys.NewResidentId();
        var actor = "信贷员";

        var (first, second) = (
            RequestFingerprint.Of(Serializer, "RegisterAsync", Profiles.Household(head), actor, actor),
            RequestFingerprint.Of(Serializer, "RegisterAsync", Profiles.Household(head), new string(actor), new string(actor)));

        Assert.Equal(first, second);
    }

    [Fact]
    public void TheSameRepaymentGivesTheSameFingerprint()
    {
        var first = Repayment(PaidOn, Money.FromYuan(100m), "信贷员");

        var second = Repayment(new DateOnly(2024, 4, 30), new Money(10_000), "信贷员");

        Assert.Equal(first, second);
    }

    [Fact]
    public void AnotherAmountDateOrActorGivesAnotherFingerprint()
    {
        var paid = Repayment(PaidOn, Money.FromYuan(100m), "信贷员");

        var others = new[]
        {
            Repayment(PaidOn, Money.FromYuan(100.01m), "信贷员"),
            Repayment(PaidOn.AddDays(1), Money.FromYuan(100m), "信贷员"),
            Repayment(PaidOn, Money.FromYuan(100m), "柜员"),
            RequestFingerprint.Of(Serializer, "ExtendAsync", PaidOn, Money.FromYuan(100m), "信贷员"),
        };

        Assert.All(others, other => Assert.NotEqual(paid, other));
        Assert.Equal(others.Length, others.Distinct().Count());
    }

    [Fact]
    public void AnotherMemoPartyOrRecordFieldGivesAnotherFingerprint()
    {
        var head = TestKeys.NewResidentId();
        var profile = Profiles.Household(head);

        var pairs = new[]
        {
            (RequestFingerprint.Of(Serializer, "memo", "县级配套"), RequestFingerprint.Of(Serializer, "memo", "县级配套 ")),
            (RequestFingerprint.Of(Serializer, "review", LoanParty.Village), RequestFingerprint.Of(Serializer, "review", LoanParty.Township)),
            (RequestFingerprint.Of(Serializer, "register", profile), RequestFingerprint.Of(Serializer, "register", profile with { StarRating = 4 })),
            (RequestFingerprint.Of(Serializer, "approve", null, "信贷员"), RequestFingerprint.Of(Serializer, "approve", InterestRate.FromPercent(4.35m), "信贷员")),
            (RequestFingerprint.Of(Serializer, "a", "bc"), RequestFingerprint.Of(Serializer, "ab", "c")),
        };

        Assert.All(pairs, pair => Assert.NotEqual(pair.Item1, pair.Item2));
    }
}
