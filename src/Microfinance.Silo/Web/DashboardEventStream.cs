using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace Microfinance.Silo.Web;

/// <summary>
/// Writes a watch's messages to a browser as server-sent events, each the message in the API's JSON
/// form. Each event's id is the view id and revision it brings the page to, so the browser's own
/// reconnect (Last-Event-ID) resumes the watch where it stopped.
/// </summary>
/// <param name="cursorOf">The view id and revision after a message; null for one that does not move it (a heartbeat).</param>
public sealed class DashboardEventStream<T>(HttpResponse response, Func<T, string?> cursorOf) : IServerStreamWriter<T>
    where T : IMessage
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    private bool _started;

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => WriteAsync(message, response.HttpContext.RequestAborted);

    public async Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        if (!_started)
        {
            // Headers go with the first event: until then a failed watch can still answer with its status.
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            _started = true;
        }

        var id = cursorOf(message) is { } cursor ? $"id: {cursor}\n" : "";
        await response.WriteAsync($"{id}data: {Json.Format(message)}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
