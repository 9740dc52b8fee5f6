using Microfinance.Abstractions.LegalPersons;

namespace Microfinance.Grains.LegalPersons;

/// <summary>The persisted state of a legal-person borrower grain.</summary>
[GenerateSerializer, Alias("mf.LegalPersonState")]
public sealed class LegalPersonState
{
    /// <summary>The registration, or null while the credit code is unregistered.</summary>
    [Id(0)]
    public LegalPersonRecord? Record { get; set; }

    /// <summary>The request id that registered the borrower.</summary>
    [Id(1)]
    public string? RegisteredByRequest { get; set; }
}
