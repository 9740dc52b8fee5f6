namespace Microfinance.Grains.Common;

/// <summary>
/// The request ids a grain applied lately, so a retried request is recognised and not applied
/// twice (AIP-155). Bounded: retries come within minutes, not thousands of requests later.
/// </summary>
[GenerateSerializer, Alias("mf.RecentRequests")]
public sealed class RecentRequests
{
    public const int Capacity = 256;

    [Id(0)]
    public List<string> Ids { get; set; } = [];

    public bool Contains(string requestId) => Ids.Contains(requestId);

    public void Add(string requestId)
    {
        Ids.Add(requestId);
        if (Ids.Count > Capacity)
        {
            Ids.RemoveAt(0);
        }
    }
}
