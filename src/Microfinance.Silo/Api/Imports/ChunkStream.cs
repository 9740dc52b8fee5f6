namespace Microfinance.Silo.Api.Imports;

/// <summary>
/// The bytes of a file a client sends in chunks, as a forward-only stream that a reader pulls
/// from: the next chunk is taken off the call only when the reader wants more, so a client sending
/// faster than the import goes waits (gRPC's flow control) rather than filling the silo's memory.
/// </summary>
/// <param name="next">The next chunk, or null once the client has sent its last.</param>
public sealed class ChunkStream(Func<CancellationToken, Task<ReadOnlyMemory<byte>?>> next) : Stream
{
    private ReadOnlyMemory<byte> _current;
    private bool _ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>
    /// The first bytes of the file, at least <paramref name="length"/> unless it is shorter, without
    /// consuming them; and whether they are the whole file.
    /// </summary>
    public async Task<(ReadOnlyMemory<byte> Head, bool WholeFile)> PeekAsync(int length, CancellationToken ct)
    {
        var head = new List<byte>(_current.ToArray());
        while (head.Count < length && !_ended)
        {
            if (await next(ct) is { } chunk)
            {
                head.AddRange(chunk.ToArray());
            }
            else
            {
                _ended = true;
            }
        }

        _current = head.ToArray();
        return (_current, _ended);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_current.IsEmpty)
        {
            if (_ended || await next(cancellationToken) is not { } chunk)
            {
                _ended = true;
                return 0;
            }

            _current = chunk;
        }

        var count = Math.Min(buffer.Length, _current.Length);
        _current[..count].CopyTo(buffer);
        _current = _current[count..];
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
