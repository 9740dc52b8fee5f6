using System.Threading.Channels;
using Grpc.Core;

namespace Microfinance.Testing.Streams;

/// <summary>A request stream a test feeds by hand, counting the messages the server has read.</summary>
public sealed class ChannelStreamReader<T> : IAsyncStreamReader<T>
{
    private readonly Channel<T> _messages = Channel.CreateUnbounded<T>();
    private int _reads;

    public T Current { get; private set; } = default!;

    /// <summary>How many messages the server has read so far.</summary>
    public int Reads => Volatile.Read(ref _reads);

    public void Send(params T[] messages)
    {
        foreach (var message in messages)
        {
            _messages.Writer.TryWrite(message);
        }
    }

    /// <summary>The client closes its side: the server reads what was sent, then the end.</summary>
    public void Complete() => _messages.Writer.Complete();

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (!await _messages.Reader.WaitToReadAsync(cancellationToken) || !_messages.Reader.TryRead(out var message))
        {
            return false;
        }

        Current = message;
        Interlocked.Increment(ref _reads);
        return true;
    }
}
