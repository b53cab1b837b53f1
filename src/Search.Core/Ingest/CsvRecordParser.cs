using System.Buffers;
using System.Text;

namespace Search.Core.Ingest;

/// <summary>
/// Streaming RFC 4180 record parser over a <see cref="TextReader"/>: comma-separated, fields
/// optionally in double quotes with <c>""</c> for a quote, line breaks (CRLF, LF or CR) allowed
/// inside quoted fields (stored as <c>\n</c>). Lenient where the RFC is silent: text after a
/// closing quote is appended to the field; a quote inside an unquoted field is literal. Blank
/// lines between records are skipped. Tracks physical line numbers for error reports.
/// </summary>
internal sealed class CsvRecordParser
{
    private const int BufferSize = 32 * 1024;
    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\r\n");
    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\r\n");

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[BufferSize];
    private int _pos, _len;
    private int _line = 1;
    private readonly StringBuilder _field = new();

    public CsvRecordParser(TextReader reader) => _reader = reader;

    /// <summary>Fields of the current record.</summary>
    public List<string> Fields { get; } = new();

    /// <summary>Line (1-based) where the current record starts.</summary>
    public int StartLine { get; private set; }

    /// <summary>The current record ended inside a quoted field at end of input (unbalanced quote).</summary>
    public bool Unterminated { get; private set; }

    /// <summary>Reads the next record; false at end of input.</summary>
    public bool Next()
    {
        Fields.Clear();
        Unterminated = false;
        int c;
        while ((c = Peek()) is '\r' or '\n')
            TakeNewline();
        if (c < 0)
            return false;
        StartLine = _line;

        while (true)
        {
            _field.Clear();
            if (Peek() == '"')
            {
                _pos++;
                if (!ReadQuoted())
                {
                    Unterminated = true;
                    Fields.Add(_field.ToString());
                    return true;
                }
            }
            c = ReadUnquoted();
            Fields.Add(_field.ToString());
            if (c == ',')
            {
                _pos++;
                continue;
            }
            if (c >= 0)
                TakeNewline();
            return true;
        }
    }

    /// <summary>Reads a quoted field's content after its opening quote; false if input ends first.</summary>
    private bool ReadQuoted()
    {
        while (true)
        {
            if (_pos == _len && !Fill())
                return false;
            ReadOnlySpan<char> span = _buffer.AsSpan(_pos, _len - _pos);
            int stop = span.IndexOfAny(QuotedStops);
            if (stop < 0)
            {
                _field.Append(span);
                _pos = _len;
                continue;
            }
            _field.Append(span[..stop]);
            _pos += stop;
            if (_buffer[_pos] == '"')
            {
                _pos++;
                if (Peek() != '"')
                    return true;
                _field.Append('"');
                _pos++;
            }
            else
            {
                TakeNewline();
                _field.Append('\n');
            }
        }
    }

    /// <summary>Reads up to the next comma or line break; returns that character, or -1 at end.</summary>
    private int ReadUnquoted()
    {
        while (true)
        {
            if (_pos == _len && !Fill())
                return -1;
            ReadOnlySpan<char> span = _buffer.AsSpan(_pos, _len - _pos);
            int stop = span.IndexOfAny(UnquotedStops);
            if (stop < 0)
            {
                _field.Append(span);
                _pos = _len;
                continue;
            }
            _field.Append(span[..stop]);
            _pos += stop;
            return _buffer[_pos];
        }
    }

    /// <summary>Consumes one line break (CRLF, LF or CR) at the current position.</summary>
    private void TakeNewline()
    {
        char c = _buffer[_pos++];
        if (c == '\r' && Peek() == '\n')
            _pos++;
        _line++;
    }

    private int Peek() => _pos < _len || Fill() ? _buffer[_pos] : -1;

    private bool Fill()
    {
        _len = _reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        return _len > 0;
    }
}
