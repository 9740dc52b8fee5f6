using Microfinance.Domain.Errors;

namespace Microfinance.Grains.Common;

/// <summary>
/// The request ids a grain applied lately, each with what it asked for (AIP-155): a retry with the
/// same id and content is recognised and not applied twice, and the same id with other content is
/// refused rather than answered as if it had been applied. Every grain that takes a request id keeps
/// one in its state, but the county's deferrals: each keeps its request id as its own, for good.
/// </summary>
/// <remarks>
/// Bounded at <see cref="Capacity"/> ids per grain: retries come within minutes, while no grain takes
/// that many changes in minutes, and a loan not in its whole life. An id older
/// than that is forgotten, and a request reusing it is applied as new. A log holds only the requests
/// applied, so most hold a few; a full one, with ids of at most 64 characters
/// (<c>RequestIdLimits.MaxLength</c>) and a 16-byte fingerprint each, takes about 45 KB of memory at
/// worst and about 30 KB with UUIDs.
/// </remarks>
[GenerateSerializer, Alias("mf.RequestLog")]
public sealed class RequestLog
{
    /// <summary>How many request ids a grain remembers: the proto comments promise this number.</summary>
    public const int Capacity = 256;

    /// <summary>Oldest first.</summary>
    [Id(0)]
    public List<RememberedRequest> Requests { get; set; } = [];

    /// <summary>
    /// Whether <paramref name="requestId"/> was applied already with <paramref name="content"/>: the
    /// caller then answers with what it holds now, and changes nothing. An empty id is never a replay.
    /// </summary>
    /// <param name="entity">What the grain holds, for the refusal: "loan", "fund account", …; never a name or an id of a person.</param>
    /// <exception cref="RuleViolationException">REQUEST_ID_REUSED: the id was applied with other content.</exception>
    public bool IsReplay(string requestId, RequestFingerprint content, string entity)
    {
        var index = requestId.Length == 0 ? -1 : Requests.FindLastIndex(r => r.RequestId == requestId);
        if (index < 0)
        {
            return false;
        }

        if (Requests[index].Content != content)
        {
            throw Reused(requestId, entity);
        }

        return true;
    }

    /// <summary>The refusal of a request id applied before with other content, for a grain that finds its requests by id in what it stores.</summary>
    public static RuleViolationException Reused(string requestId, string entity) =>
        new("REQUEST_ID_REUSED", $"Request id {requestId} was already used for a different request to this {entity}.");

    /// <summary>Remembers <paramref name="requestId"/> once its change is held in the state, forgetting the oldest beyond <see cref="Capacity"/>.</summary>
    public void Record(string requestId, RequestFingerprint content)
    {
        if (requestId.Length == 0)
        {
            return;
        }

        Requests.Add(new RememberedRequest(requestId, content));
        if (Requests.Count > Capacity)
        {
            Requests.RemoveAt(0);
        }
    }
}
