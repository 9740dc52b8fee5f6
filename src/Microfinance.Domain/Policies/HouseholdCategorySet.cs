using System.Collections;
using System.Collections.Frozen;
using Microfinance.Domain.Households;

namespace Microfinance.Domain.Policies;

/// <summary>
/// A set of household categories equal to another with the same members, whatever their order or
/// the set type they came in: what lets two policy versions compare as records.
/// </summary>
public sealed class HouseholdCategorySet : IReadOnlySet<HouseholdCategory>, IEquatable<HouseholdCategorySet>
{
    private readonly FrozenSet<HouseholdCategory> _members;

    private HouseholdCategorySet(IEnumerable<HouseholdCategory> members) => _members = members.ToFrozenSet();

    public int Count => _members.Count;

    /// <summary>The set of <paramref name="members"/>; none for null.</summary>
    public static HouseholdCategorySet Of(IEnumerable<HouseholdCategory>? members) =>
        members as HouseholdCategorySet ?? new HouseholdCategorySet(members ?? []);

    public bool Contains(HouseholdCategory item) => _members.Contains(item);

    public bool IsProperSubsetOf(IEnumerable<HouseholdCategory> other) => _members.IsProperSubsetOf(other);

    public bool IsProperSupersetOf(IEnumerable<HouseholdCategory> other) => _members.IsProperSupersetOf(other);

    public bool IsSubsetOf(IEnumerable<HouseholdCategory> other) => _members.IsSubsetOf(other);

    public bool IsSupersetOf(IEnumerable<HouseholdCategory> other) => _members.IsSupersetOf(other);

    public bool Overlaps(IEnumerable<HouseholdCategory> other) => _members.Overlaps(other);

    public bool SetEquals(IEnumerable<HouseholdCategory> other) => _members.SetEquals(other);

    public IEnumerator<HouseholdCategory> GetEnumerator() => ((IEnumerable<HouseholdCategory>)_members).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(HouseholdCategorySet? other) => other is not null && _members.SetEquals(other._members);

    public override bool Equals(object? obj) => Equals(obj as HouseholdCategorySet);

    /// <summary>The members as bits: equal sets hash alike.</summary>
    public override int GetHashCode() => _members.Aggregate(0, (hash, category) => hash | (1 << ((int)category & 31)));
}
