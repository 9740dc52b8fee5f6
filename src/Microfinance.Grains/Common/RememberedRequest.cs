namespace Microfinance.Grains.Common;

/// <summary>A request id a grain applied, with what that request asked for.</summary>
[GenerateSerializer, Immutable, Alias("mf.RememberedRequest")]
public readonly record struct RememberedRequest([property: Id(0)] string RequestId, [property: Id(1)] RequestFingerprint Content);
