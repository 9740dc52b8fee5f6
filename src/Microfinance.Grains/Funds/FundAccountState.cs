using Microfinance.Abstractions.Funds;
using Microfinance.Domain.Regions;
using Microfinance.Grains.Common;

namespace Microfinance.Grains.Funds;

/// <summary>The persisted state of a fund account grain.</summary>
[GenerateSerializer, Alias("mf.FundAccountState")]
public sealed class FundAccountState
{
    [Id(0)]
    public bool Opened { get; set; }

    [Id(1)]
    public AdminCode County { get; set; }

    [Id(2)]
    public string BankCode { get; set; } = "";

    [Id(3)]
    public string BankName { get; set; } = "";

    /// <summary>Every movement of money, in order; the balance is their sum, never stored apart.</summary>
    [Id(4)]
    public List<FundLedgerEntry> Ledger { get; set; } = [];

    /// <summary>Principal of the loans the fund backs, by loan id.</summary>
    [Id(5)]
    public ReservationBook Loans { get; set; } = new();

    /// <summary>The leverage multiple of the policy last applied (第十三条: 10 by default).</summary>
    [Id(6)]
    public int LeverageMultiple { get; set; } = 10;

    /// <summary>Compensation paid, by loan id: a loan is compensated once.</summary>
    [Id(8)]
    public Dictionary<string, CompensationPayout> Payouts { get; set; } = [];

    /// <summary>The opening and the entries recorded lately (Id 7 held the opening's id alone before).</summary>
    [Id(9)]
    public RequestLog Requests { get; set; } = new();
}
