using System.Threading.Channels;
using Grpc.Core;

namespace Microfinance.Testing.Streams;

/// <summary>
/// A response stream that keeps what the server writes, for a test to await and inspect; or, given
/// <paramref name="failWith"/>, a broken one that throws it on every write.
/// </summary>
public sealed class ChannelStreamWriter<T>(Exception? failWith = null) : IServerStreamWriter<T>
{
    private readonly Channel<T> _unread = Channel.CreateUnbounded<T>();
    private readonly List<T> _written = [];

    public WriteOptions? WriteOptions { get; set; }

    /// <summary>Everything written so far, in the order written.</summary>
    public IReadOnlyList<T> Written
    {
        get
        {
            lock (_written)
            {
                return [.. _written];
            }
        }
    }

    public Task WriteAsync(T message)
    {
        if (failWith is not null)
        {
            return Task.FromException(failWith);
        }

        lock (_written)
        {
            _written.Add(message);
        }

        _unread.Writer.TryWrite(message);
        return Task.CompletedTask;
    }

    /// <summary>The next message written, waiting for it if need be.</summary>
    public ValueTask<T> NextAsync() => _unread.Reader.ReadAsync();
}
