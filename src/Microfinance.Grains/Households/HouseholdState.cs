using Microfinance.Abstractions.Households;

namespace Microfinance.Grains.Households;

/// <summary>The persisted state of a household grain.</summary>
[GenerateSerializer, Alias("mf.HouseholdState")]
public sealed class HouseholdState
{
    /// <summary>How many applied request ids are remembered for replay detection.</summary>
    public const int RememberedRequests = 32;

    /// <summary>The registration, or null while the registry number is unregistered.</summary>
    [Id(0)]
    public HouseholdRecord? Record { get; set; }

    /// <summary>The request id that registered the household.</summary>
    [Id(1)]
    public string? RegisteredByRequest { get; set; }

    /// <summary>The most recent update request ids, oldest first.</summary>
    [Id(2)]
    public List<string> RecentUpdateRequests { get; set; } = [];
}
