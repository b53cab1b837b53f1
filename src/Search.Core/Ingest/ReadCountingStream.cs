namespace Search.Core.Ingest;

/// <summary>
/// A read-only stream that reports each byte read the first time it is read: the head a reader
/// sniffs and then reads again after seeking back is counted once.
/// </summary>
internal sealed class ReadCountingStream(Stream inner, Action<int> onRead) : Stream
{
    private long _highWater;

    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    private int Count(int n)
    {
        long end = inner.Position;
        if (end > _highWater)
        {
            onRead((int)(end - _highWater));
            _highWater = end;
        }
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
