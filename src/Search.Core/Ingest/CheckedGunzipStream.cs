using System.IO.Compression;

namespace Search.Core.Ingest;

/// <summary>
/// Gunzip that says when its input is damaged or cut short. .NET's <see cref="GZipStream"/> ends
/// quietly when the compressed data stops early (a download or copy that did not finish), so a
/// JSON Lines export missing its last thousand records, cut between two of them, read as complete.
/// This stream ends where the good data ends, as a file would, and <see cref="Problem"/> says why
/// it ended early: the reader reports what it was in the middle of (a record cut in half), and then
/// the file is reported as cut short. At the end the file's trailer is checked (<see cref="GzipEnd"/>).
/// </summary>
public sealed class CheckedGunzipStream(Stream compressed) : Stream
{
    private readonly GZipStream _gzip = new(compressed, CompressionMode.Decompress);
    private long _expanded;
    private bool _ended;

    /// <summary>Why the expansion ended before the data's end ("gzip data cut short after …"), or
    /// null while it reads, and when it ended whole.</summary>
    public string? Problem { get; private set; }

    /// <summary>Throws <see cref="DamagedGzipException"/> when the stream ended early.</summary>
    public void ThrowIfEndedEarly()
    {
        if (Problem != null)
            throw new DamagedGzipException(Problem);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _expanded;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_ended)
            return 0;
        int n;
        try
        {
            n = _gzip.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            _ended = true;
            Problem = "gzip data " + Damaged(_expanded, e);
            return 0;
        }
        _expanded += n;
        if (n == 0 && buffer.Length > 0)
        {
            _ended = true;
            if (compressed.CanSeek && !GzipEnd.IsWhole(compressed, _expanded))
                Problem = "gzip data " + CutShort(_expanded);
        }
        return n;
    }

    /// <summary>Why data that expanded to <paramref name="expanded"/> bytes stops there.</summary>
    internal static string CutShort(long expanded) =>
        $"cut short after {expanded:N0} bytes of text (a download or copy that did not finish?)";

    internal static string Damaged(long expanded, InvalidDataException e) =>
        $"damaged after {expanded:N0} bytes of text ({e.Message.TrimEnd('.')})";

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _gzip.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>Gzip data that cannot be expanded to its end: an <see cref="IOException"/>, like any
/// other failure to read a file, with a message for the user.</summary>
public sealed class DamagedGzipException(string message) : IOException(message);
