using Microfinance.Domain.Regions;

namespace Microfinance.Domain.Loans;

/// <summary>A legal person's driving agreement (带动协议): the township it lends in and the households it drives.</summary>
public sealed record DrivingAgreement(
    AdminCode Township,
    IReadOnlyList<string> DrivenHouseholds)
{
    public bool Equals(DrivingAgreement? other) =>
        other is not null && Township == other.Township && DrivenHouseholds.SequenceEqual(other.DrivenHouseholds);

    public override int GetHashCode() => HashCode.Combine(Township, DrivenHouseholds.Count);
}
