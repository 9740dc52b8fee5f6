using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Microfinance.Abstractions.Servicing;
using Microfinance.Domain.Regions;
using Microfinance.Domain.Servicing;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Mapping;

/// <summary>Maps a county's books and their tallies to the proto contract.</summary>
public static class ServicingMapper
{
    public static Proto.CountyBooks ToProto(AdminCode county, CountyBooks books)
    {
        var proto = new Proto.CountyBooks
        {
            CountyCode = county.Value,
            LastClosedDate = IsoDate.Format(books.LastClosed),
            LoansVisited = books.LoansVisited,
            County = ToProto(county.Value, books.Tallies.GetValueOrDefault(CountyBooks.CountyKey) ?? new Tally()),
        };
        proto.Townships.Add(Scoped(books.Tallies, CountyBooks.TownshipPrefix));
        proto.Villages.Add(Scoped(books.Tallies, CountyBooks.VillagePrefix));
        proto.Banks.Add(Scoped(books.Tallies, CountyBooks.BankPrefix));
        return proto;
    }

    public static Proto.Deferral ToProto(AdminCode county, RepaymentDeferral deferral) => new()
    {
        DeferralId = deferral.Id,
        CountyCode = county.Value,
        FromDate = IsoDate.Format(deferral.From),
        ThroughDate = IsoDate.Format(deferral.Through),
        Months = deferral.Months,
        Reason = deferral.Reason,
        Actor = deferral.Actor,
        DeclareTime = Timestamp.FromDateTimeOffset(deferral.DeclaredAt),
        LoansDeferred = deferral.LoansDeferred,
        Completed = deferral.Completed,
    };

    public static Proto.Tally ToProto(string scopeCode, Tally tally)
    {
        var proto = new Proto.Tally
        {
            ScopeCode = scopeCode,
            OutstandingFen = tally.Outstanding.Fen,
            OverdueFen = tally.Overdue.Fen,
            NonPerformingFen = tally.NonPerforming.Fen,
            OverdueRatioBp = ToBasisPoints(tally.OverdueRatioPercent),
            NplRatioBp = ToBasisPoints(tally.NplRatioPercent),
        };
        proto.Buckets.Add(Enum.GetValues<OverdueBucket>().Select(bucket => new Proto.BucketTally
        {
            Bucket = ProtoEnums.ToProto(bucket),
            Loans = tally.Loans.GetValueOrDefault(bucket),
            PrincipalFen = tally.Principal.GetValueOrDefault(bucket).Fen,
        }));
        return proto;
    }

    /// <summary>A percentage as basis points, rounded half away from zero.</summary>
    public static int ToBasisPoints(decimal percent) => (int)Math.Round(percent * 100m, MidpointRounding.AwayFromZero);

    private static IEnumerable<Proto.Tally> Scoped(IReadOnlyDictionary<string, Tally> tallies, string prefix) =>
        tallies
            .Where(entry => entry.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(entry => ToProto(entry.Key[prefix.Length..], entry.Value))
            .OrderBy(tally => tally.ScopeCode, StringComparer.Ordinal);
}
