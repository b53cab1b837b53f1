using System.Buffers;

namespace Search.Core.Ingest;

/// <summary>
/// Rebuilds running text from hard-wrapped lines (PDF and web extractions): paragraphs end at blank
/// lines; lines inside a paragraph are joined with one space; runs of whitespace (including
/// no-break spaces) collapse to one space. Paragraphs are separated by <c>"\n\n"</c>.
/// <list type="bullet">
/// <item>A line more indented than the one before starts a paragraph (first-line indent).</item>
/// <item>A line longer than <see cref="MaxWrappedLineLength"/> was not hard-wrapped, so it is a
/// paragraph of its own (one-paragraph-per-line files without blank lines).</item>
/// <item>Hyphen at a line end: before a lower-case letter it is a word split by the wrap and is
/// removed ("opera-" + "tion" → "operation"); before an upper-case letter or digit it is a real
/// compound and is kept without a space ("State-" + "Khorasan" → "State-Khorasan"). A spaced dash
/// ("word -") is text and the lines join with a space. Known limitation: a lower-case compound
/// split at its hyphen ("well-" + "known") becomes "wellknown"; telling those apart needs a
/// dictionary.</item>
/// </list>
/// </summary>
internal sealed class ParagraphText
{
    /// <summary>Longer lines are taken as whole paragraphs rather than wrapped text.</summary>
    public const int MaxWrappedLineLength = 150;

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> accepts.</summary>
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(
        "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    private readonly StringBuilder _text = new();
    private int _paragraphStart = -1; // index in _text where the open paragraph begins; -1: none open
    private int _lastIndent;
    private int _lastLength;

    /// <summary>Normalises a body given as one string (CSV/JSON fields) by the same rules.</summary>
    public static string Normalize(string raw) => Normalize(raw, shortcut: true);

    /// <param name="shortcut">Return a text already in normal form as it is (the tests turn it off
    /// to compare).</param>
    internal static string Normalize(string raw, bool shortcut)
    {
        if (raw.Length == 0 || (shortcut && IsNormal(raw, paragraphs: true)))
            return raw;
        var paragraphs = new ParagraphText();
        foreach (ReadOnlySpan<char> line in raw.AsSpan().EnumerateLines())
            paragraphs.AddLine(line);
        return paragraphs.ToString();
    }

    /// <summary>Collapses whitespace runs to single spaces and trims (titles, authors).</summary>
    public static string CollapseWhitespace(string s) => CollapseWhitespace(s, shortcut: true);

    internal static string CollapseWhitespace(string s, bool shortcut)
    {
        if (shortcut && s != null && IsNormal(s, paragraphs: false))
            return s;
        var paragraphs = new ParagraphText();
        paragraphs.AppendCollapsed(s.AsSpan().Trim());
        return paragraphs._text.ToString();
    }

    /// <summary>Whether the rules would give <paramref name="text"/> back unchanged: it neither
    /// starts nor ends with whitespace, and its only whitespace is single spaces between words
    /// (and, with <paramref name="paragraphs"/>, "\n\n" between paragraphs). Most bodies of JSON
    /// and CSV records are so, and rebuilding them word by word in a StringBuilder, then copying
    /// them into a new string, was a fifth of reading a JSONL file (docs/performance.md, seventh
    /// round). One vectorised scan from space to space.</summary>
    internal static bool IsNormal(ReadOnlySpan<char> text, bool paragraphs)
    {
        if (text.IsEmpty)
            return true;
        if (Whitespace.Contains(text[0]) || Whitespace.Contains(text[^1]))
            return false;
        int i = 0;
        while (true)
        {
            int next = text[i..].IndexOfAny(Whitespace);
            if (next < 0)
                return true;
            i += next;
            // The last character is not whitespace, so i + 1 (and after "\n\n", i + 2) is inside.
            if (text[i] == ' ' && !Whitespace.Contains(text[i + 1]))
                i += 1;
            else if (paragraphs && text[i] == '\n' && text[i + 1] == '\n' && !Whitespace.Contains(text[i + 2]))
                i += 2;
            else
                return false;
        }
    }

    public bool IsEmpty => _text.Length == 0;

    /// <summary>Adds one physical line; a blank line ends the paragraph.</summary>
    public void AddLine(ReadOnlySpan<char> line)
    {
        int indent = 0;
        while (indent < line.Length && char.IsWhiteSpace(line[indent]))
            indent++;
        ReadOnlySpan<char> content = line[indent..].TrimEnd();
        if (content.IsEmpty)
        {
            Break();
            return;
        }
        if (_paragraphStart >= 0 && (indent > _lastIndent || _lastLength > MaxWrappedLineLength))
            Break();

        if (_paragraphStart < 0)
        {
            if (_text.Length > 0)
                _text.Append("\n\n");
            _paragraphStart = _text.Length;
        }
        else
        {
            JoinWrap(content[0]);
        }
        AppendCollapsed(content);
        _lastIndent = indent;
        _lastLength = content.Length;
    }

    /// <summary>Ends the open paragraph, if any.</summary>
    public void Break() => _paragraphStart = -1;

    public override string ToString() => _text.ToString();

    /// <summary>Decides what goes between the previous line's end and <paramref name="next"/>.</summary>
    private void JoinWrap(char next)
    {
        int n = _text.Length;
        bool wordHyphen = n - _paragraphStart >= 2 && _text[n - 1] == '-' && char.IsLetter(_text[n - 2]);
        if (wordHyphen && char.IsLower(next))
            _text.Length = n - 1;
        else if (!(wordHyphen && char.IsLetterOrDigit(next)))
            _text.Append(' ');
    }

    /// <summary>Appends <paramref name="content"/> (already trimmed) with whitespace runs collapsed,
    /// copying whole words at a time.</summary>
    private void AppendCollapsed(ReadOnlySpan<char> content)
    {
        while (!content.IsEmpty)
        {
            int space = content.IndexOfAny(Whitespace);
            if (space < 0)
            {
                _text.Append(content);
                return;
            }
            _text.Append(content[..space]);
            content = content[space..];
            int word = content.IndexOfAnyExcept(Whitespace);
            if (word < 0)
                return; // trailing whitespace
            _text.Append(' ');
            content = content[word..];
        }
    }
}
