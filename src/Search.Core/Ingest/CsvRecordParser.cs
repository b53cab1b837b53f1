using System.Buffers;

namespace Search.Core.Ingest;

/// <summary>
/// Streaming RFC 4180 record parser over a <see cref="TextReader"/>, for any delimiter (comma,
/// semicolon, tab) and quote character (<c>"</c> or <c>'</c>): fields optionally quoted with a
/// doubled quote for a quote, line breaks (CRLF, LF or CR) allowed inside quoted fields (stored as
/// <c>\n</c>). Lenient where the RFC is silent: text after a closing quote is appended to the field
/// (and the record marked <see cref="Malformed"/>); a quote inside an unquoted field is literal.
/// Blank lines between records are skipped. Tracks physical line numbers for error reports, and
/// keeps the raw text of the current record so that a reader can go back to the line after a bad
/// record's first line and look for the next good one (<see cref="ResumeAfterStartLine"/>): an
/// unbalanced quote costs the lines it spoils, not the rest of the file.
/// </summary>
internal sealed class CsvRecordParser
{
    private const int BufferSize = 32 * 1024;

    /// <summary>Most characters a quoted field may hold before it counts as a quote never closed.
    /// A stray quote otherwise made the field, and the record's raw text kept to go back to, hold
    /// the rest of the file, several times over: a 150 MB export took 1.7 GB to read.</summary>
    public const int DefaultMaxQuotedChars = 32 << 20;

    private readonly TextReader _reader;
    private readonly char _delimiter, _quote;
    private readonly SearchValues<char> _quotedStops, _unquotedStops;
    private readonly char[] _buffer = new char[BufferSize];
    private int _pos, _len;
    private int _line = 1;
    private readonly StringBuilder _field = new();

    // Text to read before the reader: a sniffed head, or what follows a bad record's first line.
    private string? _pending;
    private int _pendingPos;

    // Raw text of the current record: what has left the buffer, then buffer[_recordStart.._pos].
    private readonly StringBuilder _raw = new();
    private int _recordStart = -1;

    // Column reporting: characters consumed before the buffer, and where the current line starts.
    private long _consumedBefore, _lineStartAbs;

    private readonly int _maxQuotedChars;

    public CsvRecordParser(TextReader reader, char delimiter = ',', char quote = '"', string? head = null, int maxQuotedChars = DefaultMaxQuotedChars)
    {
        _maxQuotedChars = maxQuotedChars;
        _reader = reader;
        _delimiter = delimiter;
        _quote = quote;
        _quotedStops = SearchValues.Create([quote, '\r', '\n']);
        _unquotedStops = SearchValues.Create([delimiter, '\r', '\n']);
        _pending = string.IsNullOrEmpty(head) ? null : head;
    }

    /// <summary>Fields of the current record.</summary>
    public List<string> Fields { get; } = new();

    /// <summary>Line (1-based) where the current record starts.</summary>
    public int StartLine { get; private set; }

    /// <summary>Line where the current record ends (greater than <see cref="StartLine"/> when a
    /// quoted field holds line breaks).</summary>
    public int EndLine { get; private set; }

    /// <summary>The current record ended inside a quoted field at end of input, or its quoted field
    /// ran past the longest one read (an unbalanced quote).</summary>
    public bool Unterminated { get; private set; }

    /// <summary>A closing quote of the current record was followed by text rather than a delimiter
    /// or line end (the text was kept in the field).</summary>
    public bool Malformed { get; private set; }

    /// <summary>Line and column (1-based) of the opening quote of the last quoted field that ran
    /// over a line break in the current record (the first such), or (0, 0).</summary>
    public (int Line, int Column) OpenQuote { get; private set; }

    /// <summary>Fields of the current record that were quoted and closed cleanly (followed by a
    /// delimiter or line end): the evidence dialect sniffing weighs.</summary>
    public int QuotedFields { get; private set; }

    /// <summary>Reads the next record; false at end of input.</summary>
    public bool Next()
    {
        Fields.Clear();
        Unterminated = false;
        Malformed = false;
        OpenQuote = (0, 0);
        QuotedFields = 0;
        _raw.Clear();
        _recordStart = -1;
        int c;
        while ((c = Peek()) is '\r' or '\n')
            TakeNewline();
        if (c < 0)
            return false;
        StartLine = _line;
        _recordStart = _pos;

        while (true)
        {
            _field.Clear();
            if (Peek() == _quote)
            {
                int quoteLine = _line, quoteColumn = Column();
                _pos++;
                if (!ReadQuoted())
                {
                    Unterminated = true;
                    if (OpenQuote.Line == 0)
                        OpenQuote = (quoteLine, quoteColumn);
                    Fields.Add(_field.ToString());
                    EndLine = _line;
                    return true;
                }
                if (_line > quoteLine && OpenQuote.Line == 0)
                    OpenQuote = (quoteLine, quoteColumn);
                int after = Peek();
                if (after >= 0 && after != _delimiter && after is not ('\r' or '\n'))
                    Malformed = true;
                else
                    QuotedFields++;
            }
            c = ReadUnquoted();
            Fields.Add(_field.ToString());
            if (c == _delimiter)
            {
                _pos++;
                continue;
            }
            EndLine = _line;
            if (c >= 0)
                TakeNewline();
            return true;
        }
    }

    /// <summary>
    /// Goes back to the start of the line after the current record's first line, so that the next
    /// <see cref="Next"/> reads from there: after a record spoilt by an unbalanced quote, the lines
    /// it swallowed are read again as records of their own.
    /// </summary>
    public void ResumeAfterStartLine()
    {
        var rest = new StringBuilder();
        rest.Append(_raw);
        if (_recordStart >= 0)
            rest.Append(_buffer, _recordStart, _pos - _recordStart);
        int cut = 0;
        while (cut < rest.Length && rest[cut] is not ('\r' or '\n'))
            cut++;
        if (cut < rest.Length)
            cut += cut + 1 < rest.Length && rest[cut] == '\r' && rest[cut + 1] == '\n' ? 2 : 1;
        rest.Remove(0, cut);
        rest.Append(_buffer, _pos, _len - _pos);
        if (_pending != null)
            rest.Append(_pending, _pendingPos, _pending.Length - _pendingPos);
        _pending = rest.Length > 0 ? rest.ToString() : null;
        _pendingPos = 0;
        _pos = _len = 0;
        _consumedBefore = _lineStartAbs = 0;
        _raw.Clear();
        _recordStart = -1;
        _line = StartLine + 1;
    }

    /// <summary>Reads a quoted field's content after its opening quote; false if input ends first,
    /// or the field grows past the longest one read.</summary>
    private bool ReadQuoted()
    {
        while (true)
        {
            if (!AppendUntil(_quotedStops) || _field.Length > _maxQuotedChars)
                return false;
            if (_buffer[_pos] == _quote)
            {
                _pos++;
                if (Peek() != _quote)
                    return true;
                _field.Append(_quote);
                _pos++;
            }
            else
            {
                TakeNewline();
                _field.Append('\n');
            }
        }
    }

    /// <summary>Reads up to the next delimiter or line break; returns that character, or -1 at end.</summary>
    private int ReadUnquoted() => AppendUntil(_unquotedStops) ? _buffer[_pos] : -1;

    /// <summary>Appends the field's text up to the next of <paramref name="stops"/>, refilling the
    /// buffer as needed, and leaves the position on it; false if input ends first.</summary>
    private bool AppendUntil(SearchValues<char> stops)
    {
        while (true)
        {
            if (_pos == _len && !Fill())
                return false;
            ReadOnlySpan<char> span = _buffer.AsSpan(_pos, _len - _pos);
            int stop = span.IndexOfAny(stops);
            if (stop >= 0)
            {
                _field.Append(span[..stop]);
                _pos += stop;
                return true;
            }
            _field.Append(span);
            _pos = _len;
        }
    }

    /// <summary>Consumes one line break (CRLF, LF or CR) at the current position.</summary>
    private void TakeNewline()
    {
        char c = _buffer[_pos++];
        if (c == '\r' && Peek() == '\n')
            _pos++;
        _line++;
        _lineStartAbs = _consumedBefore + _pos;
    }

    private int Column() => (int)(_consumedBefore + _pos - _lineStartAbs) + 1;

    private int Peek() => _pos < _len || Fill() ? _buffer[_pos] : -1;

    private bool Fill()
    {
        if (_recordStart >= 0)
        {
            _raw.Append(_buffer, _recordStart, _len - _recordStart);
            _recordStart = 0;
        }
        _consumedBefore += _len;
        if (_pending != null)
        {
            int n = Math.Min(_buffer.Length, _pending.Length - _pendingPos);
            _pending.CopyTo(_pendingPos, _buffer, 0, n);
            _pendingPos += n;
            if (_pendingPos == _pending.Length)
                _pending = null;
            _len = n;
        }
        else
            _len = _reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        return _len > 0;
    }
}
