using System.Buffers;

namespace Search.Core.Ingest.Office;

/// <summary>What <see cref="RtfTokenizer.Next"/> found.</summary>
internal enum RtfToken
{
    /// <summary>The end of the bytes (a truncated file ends here too).</summary>
    End,
    /// <summary><c>{</c></summary>
    GroupStart,
    /// <summary><c>}</c></summary>
    GroupEnd,
    /// <summary>A control word (<c>\par</c>, <c>\u8212</c>): <see cref="RtfTokenizer.Word"/>,
    /// <see cref="RtfTokenizer.HasParameter"/>, <see cref="RtfTokenizer.Parameter"/>.</summary>
    ControlWord,
    /// <summary>A control symbol (<c>\~</c>, <c>\*</c>, <c>\{</c>): <see cref="RtfTokenizer.Symbol"/>.</summary>
    ControlSymbol,
    /// <summary>A byte written as <c>\'hh</c>: <see cref="RtfTokenizer.Byte"/>.</summary>
    HexByte,
    /// <summary>A run of plain text bytes: <see cref="RtfTokenizer.Text"/>.</summary>
    Text,
}

/// <summary>
/// Splits RTF into its tokens, one pass over the bytes with no backtracking: groups, control words
/// with their numeric parameter, control symbols, <c>\'hh</c> bytes and runs of text. Line breaks
/// in the file are not text (RTF writers wrap long lines anywhere). <c>\binN</c>'s N raw bytes are
/// stepped over, never read as tokens; a count past the end stops at the end. Holds no text of its
/// own: the tokens are slices of the bytes.
/// </summary>
internal ref struct RtfTokenizer(ReadOnlySpan<byte> rtf)
{
    /// <summary>Longest control word the specification allows (32 letters) and longest parameter
    /// read (10 digits); a longer one is cut there, and its rest read as text.</summary>
    private const int MaxWordLength = 32, MaxDigits = 10;

    /// <summary>What a run of text stops at.</summary>
    private static readonly SearchValues<byte> TextStops = SearchValues.Create("\\{}\r\n"u8);

    /// <summary>What skipping a group looks at.</summary>
    private static readonly SearchValues<byte> GroupMarks = SearchValues.Create("\\{}"u8);

    private readonly ReadOnlySpan<byte> _rtf = rtf;
    private int _at;
    private int _start, _length;

    public ReadOnlySpan<byte> Word => _rtf.Slice(_start, _length);

    public ReadOnlySpan<byte> Text => _rtf.Slice(_start, _length);

    public bool HasParameter { get; private set; }

    public int Parameter { get; private set; }

    public byte Symbol { get; private set; }

    public byte Byte { get; private set; }

    public RtfToken Next()
    {
        while (_at < _rtf.Length)
        {
            byte b = _rtf[_at];
            switch (b)
            {
                case (byte)'{':
                    _at++;
                    return RtfToken.GroupStart;
                case (byte)'}':
                    _at++;
                    return RtfToken.GroupEnd;
                case (byte)'\r' or (byte)'\n':
                    _at++;
                    continue;
                case (byte)'\\':
                    return Control();
                default:
                    int length = _rtf[_at..].IndexOfAny(TextStops);
                    _start = _at;
                    _length = length < 0 ? _rtf.Length - _at : length;
                    _at += _length;
                    return RtfToken.Text;
            }
        }
        return RtfToken.End;
    }

    /// <summary>Steps over the rest of the group the last <see cref="RtfToken.GroupStart"/> opened,
    /// through its closing brace, with its groups inside (a picture's megabytes of hex, a font
    /// table): only braces, escapes and <c>\bin</c> are looked at.</summary>
    public void SkipGroup()
    {
        int depth = 1;
        while (depth > 0)
        {
            int mark = _rtf[_at..].IndexOfAny(GroupMarks);
            if (mark < 0)
            {
                _at = _rtf.Length;
                return;
            }
            _at += mark;
            switch (_rtf[_at])
            {
                case (byte)'{':
                    depth++;
                    _at++;
                    break;
                case (byte)'}':
                    depth--;
                    _at++;
                    break;
                default:
                    // A control word is read whole so that \bin steps over its data; any other
                    // escape (\{, \}, \\) is stepped over with the character it escapes.
                    if (_at + 1 < _rtf.Length && IsLetter(_rtf[_at + 1]))
                        Control();
                    else
                        _at = Math.Min(_at + 2, _rtf.Length);
                    break;
            }
        }
    }

    /// <summary>Reads the control word, symbol or hex byte at the backslash.</summary>
    private RtfToken Control()
    {
        _at++; // the backslash
        if (_at >= _rtf.Length)
            return RtfToken.End;
        byte first = _rtf[_at];
        if (!IsLetter(first))
        {
            _at++;
            if (first == '\'' && _at + 1 < _rtf.Length && HexValue(_rtf[_at]) is >= 0 and var high && HexValue(_rtf[_at + 1]) is >= 0 and var low)
            {
                _at += 2;
                Byte = (byte)(high << 4 | low);
                return RtfToken.HexByte;
            }
            Symbol = first;
            return RtfToken.ControlSymbol;
        }
        _start = _at;
        while (_at < _rtf.Length && _at - _start < MaxWordLength && IsLetter(_rtf[_at]))
            _at++;
        _length = _at - _start;
        ReadParameter();
        // One space ends a control word and is part of it.
        if (_at < _rtf.Length && _rtf[_at] == ' ')
            _at++;
        if (HasParameter && Word.SequenceEqual("bin"u8))
            _at += (int)Math.Min(Math.Max(Parameter, 0), _rtf.Length - _at);
        return RtfToken.ControlWord;
    }

    /// <summary>The optional signed number after a control word's letters; one beyond an int's
    /// range is held at its bound.</summary>
    private void ReadParameter()
    {
        bool negative = _at + 1 < _rtf.Length && _rtf[_at] == '-' && IsDigit(_rtf[_at + 1]);
        int digitsAt = negative ? _at + 1 : _at;
        int end = digitsAt;
        long value = 0;
        while (end < _rtf.Length && end - digitsAt < MaxDigits && IsDigit(_rtf[end]))
            value = value * 10 + (_rtf[end++] - '0');
        HasParameter = end > digitsAt;
        if (!HasParameter)
        {
            Parameter = 0;
            return;
        }
        _at = end;
        Parameter = (int)Math.Clamp(negative ? -value : value, int.MinValue, int.MaxValue);
    }

    private static bool IsLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
