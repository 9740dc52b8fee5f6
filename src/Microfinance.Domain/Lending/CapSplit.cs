using Microfinance.Domain.Finance;

namespace Microfinance.Domain.Lending;

/// <summary>
/// How a new loan divides against the household cap: the part within the base cap is
/// fund-backed and subsidised; the part above it (a local top-up) gets neither unless the policy
/// says so.
/// </summary>
public sealed record CapSplit(Money WithinBaseCap, Money AboveBaseCap)
{
    /// <summary>The whole amount the split was made of.</summary>
    public Money Total => WithinBaseCap + AboveBaseCap;
}
