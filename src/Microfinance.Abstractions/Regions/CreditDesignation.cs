namespace Microfinance.Abstractions.Regions;

/// <summary>
/// A township's or village's standing as a credit township or village (信用乡镇, 信用村), from the
/// rural credit system's evaluation (seed 001: 信用镇1个、信用村29个); a county policy may lend on
/// easier terms in a credit village.
/// </summary>
/// <param name="Document">The evaluation's document, e.g. the county's notice naming it.</param>
/// <param name="Since">The county's business date it was recorded.</param>
[GenerateSerializer, Immutable, Alias("mf.CreditDesignation")]
public sealed record CreditDesignation(
    [property: Id(0)] string Document,
    [property: Id(1)] DateOnly Since);
