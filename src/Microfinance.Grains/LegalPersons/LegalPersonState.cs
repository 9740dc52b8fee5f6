using Microfinance.Abstractions.LegalPersons;
using Microfinance.Grains.Common;

namespace Microfinance.Grains.LegalPersons;

/// <summary>The persisted state of a legal-person borrower grain.</summary>
[GenerateSerializer, Alias("mf.LegalPersonState")]
public sealed class LegalPersonState
{
    /// <summary>The registration, or null while the credit code is unregistered.</summary>
    [Id(0)]
    public LegalPersonRecord? Record { get; set; }

    /// <summary>The registration's request (Id 1 held its id alone before).</summary>
    [Id(2)]
    public RequestLog Requests { get; set; } = new();

    /// <summary>What each of the borrower's loans holds of the legal-person cap: reserved at approval, outstanding once disbursed.</summary>
    [Id(3)]
    public ReservationBook CapCommitments { get; set; } = new() { KeepsConfirmedEntries = true };
}
