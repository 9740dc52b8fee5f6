namespace Microfinance.Storage;

/// <summary>
/// The row of one grain's state within a service: the full grain id (type and key) and the state
/// name, so two grain types with the same key never share a row.
/// </summary>
/// <remarks>Ordered ordinally, key first: the same order on every silo.</remarks>
internal readonly record struct RowKey(string GrainType, string GrainKey, string StateName) : IComparable<RowKey>
{
    public static RowKey Of(GrainId grainId, string stateName) =>
        new(grainId.Type.ToString()!, grainId.Key.ToString()!, stateName);

    public int CompareTo(RowKey other)
    {
        var byKey = string.CompareOrdinal(GrainKey, other.GrainKey);
        if (byKey != 0)
        {
            return byKey;
        }

        var byType = string.CompareOrdinal(GrainType, other.GrainType);
        return byType != 0 ? byType : string.CompareOrdinal(StateName, other.StateName);
    }

    // Without the key: some keys (a resident's ID claim) are personal data and must stay out of logs.
    public override string ToString() => $"{GrainType} ({StateName})";
}
