using Microfinance.Domain.Finance;

namespace Microfinance.Abstractions.Households;

/// <summary>How a reserved amount sits against the household cap.</summary>
/// <param name="WithinBaseCap">The part within the base cap: fund-backed and subsidised.</param>
/// <param name="AboveBaseCap">The top-up part above it, which the policy may leave uncovered.</param>
[GenerateSerializer, Immutable, Alias("mf.CapReservation")]
public sealed record CapReservation(
    [property: Id(0)] Money WithinBaseCap,
    [property: Id(1)] Money AboveBaseCap);
