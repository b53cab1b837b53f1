namespace Search.Core.Ingest;

/// <summary>
/// A JSON document's bytes as a window that slides over its stream: what has been read and not
/// yet let go of. Positions are absolute byte offsets in the document. The reader lets go of the
/// bytes before each item it starts (<see cref="Release"/>), so a document of any size is read
/// holding about one item, and lines are counted as the window slides, never listed for the whole
/// file. Bytes already in memory are read through the same window, without copying.
/// </summary>
internal sealed class JsonWindow
{
    private const int ReadSize = 64 * 1024;

    private readonly Stream? _source;
    private readonly int _readSize;
    private byte[] _buffer;
    private int _head;          // index in _buffer of the window's first byte
    private int _length;        // bytes in the window
    private long _start;        // offset in the document of the window's first byte
    private int _startLine = 1; // its 1-based line
    private long _startColumn;  // bytes between the start of that line and it

    /// <summary>A window over bytes already in memory: all of them, the end known.</summary>
    public JsonWindow(byte[] bytes)
    {
        _buffer = bytes;
        _length = bytes.Length;
        _readSize = ReadSize;
        AtEnd = true;
    }

    /// <summary>A window over a stream, read <paramref name="readSize"/> bytes at a time (tests
    /// read a few bytes at a time to show a document reads the same however it arrives).</summary>
    public JsonWindow(Stream source, int readSize = ReadSize)
    {
        _source = source;
        _readSize = Math.Max(1, readSize);
        _buffer = new byte[_readSize];
    }

    /// <summary>The whole document has been read into the window.</summary>
    public bool AtEnd { get; private set; }

    /// <summary>Offset of the first byte still held.</summary>
    public long Start => _start;

    /// <summary>Offset just past the last byte read so far.</summary>
    public long End => _start + _length;

    /// <summary>The byte at <paramref name="offset"/> (at or after the window's start), reading on
    /// as needed; -1 past the end of the document.</summary>
    public int At(long offset)
    {
        while (offset >= End && More())
        {
        }
        return offset < End ? _buffer[_head + (int)(offset - _start)] : -1;
    }

    /// <summary>The bytes read so far from <paramref name="offset"/> on.</summary>
    public ReadOnlySpan<byte> From(long offset) => _buffer.AsSpan(_head + (int)(offset - _start), (int)(End - offset));

    /// <summary>Reads on, at least as much as the window holds, so that an item parsed again after
    /// each read costs linear time in all; false at the end of the document.</summary>
    public bool More()
    {
        if (AtEnd || _source == null)
            return false;
        int want = Math.Max(_readSize, Math.Min(_length, 16 << 20));
        if (_head > 0)
        {
            Buffer.BlockCopy(_buffer, _head, _buffer, 0, _length);
            _head = 0;
        }
        if (_buffer.Length - _length < want)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + want));
        int n = _source.Read(_buffer, _length, want);
        if (n <= 0)
        {
            AtEnd = true;
            return false;
        }
        _length += n;
        return true;
    }

    /// <summary>Lets go of the bytes before <paramref name="offset"/>, counting their lines.</summary>
    public void Release(long offset)
    {
        int drop = (int)Math.Clamp(offset - _start, 0, _length);
        ReadOnlySpan<byte> dropped = _buffer.AsSpan(_head, drop);
        int lastNewline = dropped.LastIndexOf((byte)'\n');
        _startLine += dropped.Count((byte)'\n');
        _startColumn = lastNewline < 0 ? _startColumn + drop : drop - lastNewline - 1;
        _head += drop;
        _length -= drop;
        _start += drop;
    }

    /// <summary>The first offset at or after <paramref name="from"/> holding <paramref name="b"/>,
    /// reading on as needed; -1 when there is none.</summary>
    public long IndexOf(byte b, long from)
    {
        while (true)
        {
            if (from < End)
            {
                int i = From(from).IndexOf(b);
                if (i >= 0)
                    return from + i;
                from = End;
            }
            if (!More())
                return -1;
        }
    }

    /// <summary>The 1-based line of <paramref name="offset"/> (at or after the window's start).</summary>
    public int LineAt(long offset) =>
        _startLine + _buffer.AsSpan(_head, (int)(Math.Min(offset, End) - _start)).Count((byte)'\n');

    /// <summary>The 1-based byte of <paramref name="offset"/> within its line.</summary>
    public int ColumnAt(long offset)
    {
        int i = (int)(Math.Min(offset, End) - _start);
        int newline = _buffer.AsSpan(_head, i).LastIndexOf((byte)'\n');
        return newline < 0 ? (int)(_startColumn + i + 1) : i - newline;
    }

    /// <summary>The offset where 1-based <paramref name="line"/> starts, for a line after the
    /// window's first; the window's start for its first line (a JSON reader started there counts
    /// that line's bytes from it).</summary>
    public long LineStart(int line)
    {
        long at = _start;
        for (int l = _startLine; l < line; l++)
        {
            long newline = IndexOf((byte)'\n', at);
            if (newline < 0)
                return End;
            at = newline + 1;
        }
        return at;
    }
}
