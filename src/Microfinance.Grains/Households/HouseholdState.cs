using Microfinance.Abstractions.Households;
using Microfinance.Grains.Common;

namespace Microfinance.Grains.Households;

/// <summary>The persisted state of a household grain.</summary>
[GenerateSerializer, Alias("mf.HouseholdState")]
public sealed class HouseholdState
{
    /// <summary>The registration, or null while the registry number is unregistered.</summary>
    [Id(0)]
    public HouseholdRecord? Record { get; set; }

    /// <summary>
    /// Loans applied for (and legal-person loans it is driven by), in order: the household's loan
    /// list. A loan is listed, durably, before it reserves here, so a reservation the household lost
    /// can be restored from a loan it lists (ReservationSettlement).
    /// </summary>
    [Id(3)]
    public List<string> LoanIds { get; set; } = [];

    /// <summary>What each approved or disbursed loan holds of the household cap.</summary>
    [Id(4)]
    public ReservationBook CapCommitments { get; set; } = new() { KeepsConfirmedEntries = true };

    /// <summary>Loans classified non-performing (次级/可疑/损失).</summary>
    [Id(5)]
    public HashSet<string> NonPerformingLoans { get; set; } = [];

    /// <summary>The registration and the updates applied lately (Ids 1 and 2 held their ids before).</summary>
    [Id(6)]
    public RequestLog Requests { get; set; } = new();
}
