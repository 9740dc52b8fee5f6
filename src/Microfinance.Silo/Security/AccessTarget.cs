using Microfinance.Domain.Regions;

namespace Microfinance.Silo.Security;

/// <summary>What a request touches: the region it lies in and, when it belongs to one, the bank.</summary>
/// <param name="Region">The narrowest region known: a household's village, a fund's county.</param>
/// <param name="Bank">The bank whose loan, claim or fund it is; null for data no bank owns.</param>
public readonly record struct AccessTarget(AdminCode Region, string? Bank = null);
