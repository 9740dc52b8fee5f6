namespace Microfinance.Storage;

/// <summary>
/// The row of one grain's state within a service: the full grain id (type and key) and the state
/// name, so two grain types with the same key never share a row.
/// </summary>
internal readonly record struct RowKey(string GrainType, string GrainKey, string StateName)
{
    public static RowKey Of(GrainId grainId, string stateName) =>
        new(grainId.Type.ToString()!, grainId.Key.ToString()!, stateName);

    public override string ToString() => $"{GrainType}/{GrainKey} ({StateName})";
}
