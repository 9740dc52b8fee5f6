using System.Diagnostics.Metrics;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Regions;

namespace Microfinance.Grains.Common;

/// <summary>
/// The platform's business meter (<see cref="Name"/>): disbursements and repayments, counted once
/// each when the grain that owns the loan has made them durable, by county and bank. Amounts are in
/// fen, as everywhere.
/// </summary>
public static class LendingMeter
{
    public const string Name = "Microfinance.Lending";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Disbursements = Meter.CreateCounter<long>(
        "microfinance.loans.disbursed", "{loan}", "Loans disbursed.");

    private static readonly Counter<long> DisbursedFen = Meter.CreateCounter<long>(
        "microfinance.loans.disbursed.amount", "{fen}", "Principal disbursed.");

    private static readonly Counter<long> Repayments = Meter.CreateCounter<long>(
        "microfinance.repayments", "{repayment}", "Repayments recorded.");

    private static readonly Counter<long> RepaidFen = Meter.CreateCounter<long>(
        "microfinance.repayments.amount", "{fen}", "Money repaid, principal and interest.");

    /// <summary>Counts a disbursement of <paramref name="principal"/>.</summary>
    public static void Disbursed(AdminCode county, string bankCode, Money principal)
    {
        var tags = Tags(county, bankCode);
        Disbursements.Add(1, tags);
        DisbursedFen.Add(principal.Fen, tags);
    }

    /// <summary>Counts a repayment of <paramref name="amount"/>.</summary>
    public static void Repaid(AdminCode county, string bankCode, Money amount)
    {
        var tags = Tags(county, bankCode);
        Repayments.Add(1, tags);
        RepaidFen.Add(amount.Fen, tags);
    }

    private static System.Diagnostics.TagList Tags(AdminCode county, string bankCode) => new() { { "county", county.Value }, { "bank", bankCode } };
}
