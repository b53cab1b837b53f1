namespace Search.Core.Ingest.Warc;

/// <summary>A WARC record's headers that decide what it holds, and where it is in its file.</summary>
/// <param name="Number">1-based position among the file's records (requests and metadata counted).</param>
/// <param name="Type">The <c>WARC-Type</c>, lower-case: <c>response</c>, <c>resource</c>, <c>request</c>…</param>
/// <param name="TargetUri">The address the content was fetched from (<c>WARC-Target-URI</c>).</param>
/// <param name="ContentType">The block's type: <c>application/http; msgtype=response</c> for an HTTP
/// response kept whole, the document's own type for a resource.</param>
/// <param name="Length">The block's length in bytes (<c>Content-Length</c>).</param>
internal sealed record WarcRecord(int Number, string Type, string? TargetUri, string? ContentType, long Length);

/// <summary>The file is not WARC where a record should start, or ends inside one: what follows
/// cannot be read.</summary>
internal sealed class WarcFormatException(string message) : Exception(message);

/// <summary>
/// Reads a WARC file's records one at a time from a stream (ISO 28500: a <c>WARC/1.x</c> line,
/// named headers, a blank line, <c>Content-Length</c> bytes of block, two line breaks), never
/// holding more than the one block asked for. Each record of a <c>.warc.gz</c> is its own gzip
/// member; the caller hands this class the expanded stream. Lenient where writers differ: bare
/// line feeds, missing or extra blank lines between records, WARC 0.17 to 1.1.
/// </summary>
internal sealed class WarcRecordReader(Stream input)
{
    /// <summary>Longest header block read: real ones are under 2 KB.</summary>
    private const int MaxHeaderBytes = 1 << 20;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _position;
    private int _length;
    private long _unread; // block bytes of the current record not yet read
    private int _number;

    /// <summary>The stream the records are read from.</summary>
    public Stream Input => input;

    /// <summary>The number of the record last started (1-based); 0 before the first.</summary>
    public int Number => _number;

    /// <summary>The next record's headers, or null at the end of the file. The block of the record
    /// before, if not read, is passed over.</summary>
    /// <exception cref="WarcFormatException">The file is not WARC here, or ends inside a record.</exception>
    public WarcRecord? Next()
    {
        Discard(_unread);
        _unread = 0;
        string? version = FirstLine();
        if (version == null)
            return null;
        if (!version.StartsWith("WARC/", StringComparison.Ordinal))
            throw new WarcFormatException(_number == 0 ? "not a WARC file: it does not start with a WARC/1.x record" : WrongLength());
        _number++;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int headerBytes = 0;
        while (true)
        {
            string line = Line() ?? throw CutShort();
            headerBytes += line.Length;
            if (line.Length == 0)
                break;
            if (headerBytes > MaxHeaderBytes)
                throw new WarcFormatException($"record {_number}'s headers run past {MaxHeaderBytes >> 20} MB; the rest of the file is not read");
            int colon = line.IndexOf(':');
            if (colon > 0)
                headers.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
        if (!headers.TryGetValue("Content-Length", out string? length) || !long.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out long bytes))
            throw new WarcFormatException($"record {_number} has no Content-Length; the rest of the file is not read");
        _unread = bytes;
        return new WarcRecord(_number, headers.GetValueOrDefault("WARC-Type", "").ToLowerInvariant(),
            headers.GetValueOrDefault("WARC-Target-URI")?.Trim('<', '>'), headers.GetValueOrDefault("Content-Type"), bytes);
    }

    /// <summary>The current record's whole block.</summary>
    /// <exception cref="WarcFormatException">The file ends inside it.</exception>
    public byte[] ReadBlock()
    {
        var block = new byte[checked((int)_unread)];
        int n = 0;
        while (n < block.Length)
        {
            if (_position == _length && !Fill())
                throw CutShort();
            int take = Math.Min(block.Length - n, _length - _position);
            Buffer.BlockCopy(_buffer, _position, block, n, take);
            _position += take;
            n += take;
        }
        _unread = 0;
        return block;
    }

    /// <summary>Whether another record starts where the current one's block ended (after the blank
    /// lines between records), or the file ends there; false when the block's Content-Length is
    /// wrong. Called after <see cref="ReadBlock"/>, so that a record read short is reported once, as
    /// its length, not also as the document its cut bytes make.</summary>
    public bool NextRecordFollows()
    {
        while (true)
        {
            if (_position == _length && !Fill())
                return true;
            if (_buffer[_position] is not ((byte)'\r' or (byte)'\n'))
                break;
            _position++;
        }
        // "WARC/" may run past the buffer's end: keep what is left and read on.
        if (_length - _position < 5)
        {
            Buffer.BlockCopy(_buffer, _position, _buffer, 0, _length - _position);
            (_length, _position) = (_length - _position, 0);
            int n;
            while (_length < 5 && (n = input.Read(_buffer, _length, _buffer.Length - _length)) > 0)
                _length += n;
        }
        return _buffer.AsSpan(_position, _length - _position).StartsWith("WARC/"u8);
    }

    /// <summary>The problem of a record whose block does not end where the next record starts,
    /// named for the record (its Content-Length), not for the one after it.</summary>
    public string WrongLength() =>
        $"record {_number}'s Content-Length is wrong (no record starts where its block ends) or the file is damaged after it; the rest of the file is not read";

    private WarcFormatException CutShort() =>
        new($"the file ends inside record {_number} (cut short, as a crawl stopped part-way leaves it)");

    private void Discard(long count)
    {
        while (count > 0)
        {
            if (_position == _length && !Fill())
                throw CutShort();
            int take = (int)Math.Min(count, _length - _position);
            _position += take;
            count -= take;
        }
    }

    /// <summary>The first non-blank line: records are followed by two line breaks, some writers
    /// write more or fewer.</summary>
    private string? FirstLine()
    {
        string? line;
        do
            line = Line();
        while (line is { Length: 0 });
        return line;
    }

    /// <summary>One line without its CR LF or LF, read as Latin-1 (headers are ASCII; a stray byte
    /// stays one character); null at the end of the file.</summary>
    private string? Line()
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_position == _length && !Fill())
                return line.Length == 0 ? null : line.ToString();
            int end = Array.IndexOf(_buffer, (byte)'\n', _position, _length - _position);
            int stop = end < 0 ? _length : end;
            line.Append(Encoding.Latin1.GetString(_buffer, _position, stop - _position));
            if (line.Length > MaxHeaderBytes)
                throw new WarcFormatException($"record {_number} holds a line longer than {MaxHeaderBytes >> 20} MB where headers should be; the rest of the file is not read");
            _position = end < 0 ? _length : end + 1;
            if (end >= 0)
                return line.Length > 0 && line[^1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();
        }
    }

    private bool Fill()
    {
        _position = 0;
        _length = input.Read(_buffer, 0, _buffer.Length);
        return _length > 0;
    }
}
