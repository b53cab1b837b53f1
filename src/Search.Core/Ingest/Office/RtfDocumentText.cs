namespace Search.Core.Ingest.Office;

/// <summary>What an RTF document holds for an article: its paragraphs with their styles' names,
/// and the title and author its properties (<c>\info</c>) state.</summary>
internal sealed record RtfDocument(List<WordParagraph> Paragraphs, string? Title, string? Author);

/// <summary>
/// The paragraphs of an RTF document as Word shows them, in one pass over its tokens
/// (<see cref="RtfTokenizer"/>): text decoded in the code page of the document or of the font in
/// use (<see cref="RtfCodePages"/>), <c>\uN</c> characters with their fallback skipped
/// (<c>\ucN</c>), the typographic characters' control words; paragraphs end at <c>\par</c> and at
/// each table cell. What is not the running text is left out: fonts, colours, styles, lists,
/// pictures and objects, headers, footers, footnotes and comments, field instructions (a field's
/// result is read), hidden text and text deleted with tracked changes, any <c>\*</c> group. Never throws: braces left open end with the
/// bytes, a stray closing brace ends the document, groups nested deeper than
/// <see cref="MaxDepth"/> are skipped.
/// </summary>
internal sealed class RtfDocumentText
{
    /// <summary>Deepest nesting of groups read; Word nests a few tens deep at most, and a group
    /// deeper than this is stepped over without keeping state for it.</summary>
    public const int MaxDepth = 200;

    private readonly RtfGroup[] _groups = new RtfGroup[MaxDepth];
    private int _depth;
    private readonly RtfCodePages _codePages = new();
    private readonly Dictionary<int, string> _styleNames = [];
    private readonly List<WordParagraph> _paragraphs = [];
    private readonly StringBuilder _paragraph = new(), _title = new(), _author = new(), _styleName = new();

    /// <summary>Bytes of text not yet decoded: a double-byte character (Shift-JIS) may come as two
    /// <c>\'hh</c>, so bytes are decoded together up to the next token that is not text.</summary>
    private byte[] _bytes = new byte[256];
    private int _byteCount;

    /// <summary>Fallback characters of the last <c>\uN</c> still to skip.</summary>
    private int _fallback;

    /// <summary>A <c>\*</c> was just read: the group is skipped unless it is one read (<c>\ud</c>).</summary>
    private bool _ignorable;

    /// <summary>A high surrogate from <c>\uN</c> waiting for its low half.</summary>
    private char _highSurrogate;

    private int _defaultFont = -1;
    private int _fontEntry = -1;
    private int _styleEntry;
    private bool _paragraphStyle;

    public static RtfDocument Read(ReadOnlySpan<byte> rtf)
    {
        var document = new RtfDocumentText();
        document.Run(rtf);
        return new RtfDocument(document._paragraphs, Stated(document._title), Stated(document._author));
    }

    private ref RtfGroup Group => ref _groups[_depth - 1];

    private void Run(ReadOnlySpan<byte> rtf)
    {
        var tokens = new RtfTokenizer(rtf);
        while (true)
        {
            RtfToken token = tokens.Next();
            if (token == RtfToken.Text)
            {
                AddText(tokens.Text);
                continue;
            }
            if (token == RtfToken.HexByte)
            {
                AddByte(tokens.Byte);
                continue;
            }
            Flush();
            switch (token)
            {
                case RtfToken.End:
                    EndParagraph();
                    return;
                case RtfToken.GroupStart:
                    (_fallback, _ignorable) = (0, false);
                    if (_depth == MaxDepth)
                        tokens.SkipGroup();
                    else
                        Push();
                    break;
                case RtfToken.GroupEnd:
                    (_fallback, _ignorable) = (0, false);
                    if (_depth > 0)
                        Pop();
                    break;
                case RtfToken.ControlSymbol when _depth > 0:
                    Symbol(tokens.Symbol);
                    break;
                case RtfToken.ControlWord when _depth > 0:
                    if (!Word(RtfControlWords.Of(tokens.Word), tokens.HasParameter, tokens.Parameter))
                    {
                        tokens.SkipGroup();
                        _depth--;
                    }
                    break;
            }
            // The document's group closed (or was skipped): what follows is not the document.
            if (_depth == 0 && token is RtfToken.GroupEnd or RtfToken.ControlWord)
            {
                EndParagraph();
                return;
            }
        }
    }

    private void Push()
    {
        RtfGroup group = _depth == 0 ? RtfGroup.Document : Group;
        if (_depth > 0 && Group.Destination == RtfDestination.Stylesheet)
        {
            // Each group of the stylesheet is one style; the name ends at ';'.
            group.Destination = RtfDestination.Style;
            (_styleEntry, _paragraphStyle) = (0, true);
            _styleName.Clear();
        }
        _groups[_depth++] = group;
    }

    private void Pop()
    {
        if (Group.Destination == RtfDestination.Style && _depth > 1 && _groups[_depth - 2].Destination == RtfDestination.Stylesheet)
        {
            string name = _styleName.ToString();
            int end = name.IndexOf(';', StringComparison.Ordinal);
            name = ParagraphText.CollapseWhitespace(end < 0 ? name : name[..end]);
            if (_paragraphStyle && name.Length > 0)
                _styleNames.TryAdd(_styleEntry, name);
        }
        _depth--;
    }

    /// <summary>Acts on a control word; false when the group it is in is to be skipped.</summary>
    private bool Word(RtfWord word, bool hasParameter, int parameter)
    {
        if (_ignorable)
        {
            _ignorable = false;
            if (word == RtfWord.UnicodeText && Group.Destination == RtfDestination.UnicodeAlternatives)
            {
                Group.Destination = Group.AroundAlternatives;
                return true;
            }
            return false;
        }
        if (_fallback > 0)
        {
            // A control word stands for one character of a \u's fallback.
            _fallback--;
            return true;
        }
        ref RtfGroup group = ref Group;
        switch (word)
        {
            case RtfWord.SkippedDestination:
                return false;
            case RtfWord.Info:
                return SetDestination(ref group, RtfDestination.Body, RtfDestination.Info);
            case RtfWord.Title:
                return SetDestination(ref group, RtfDestination.Info, RtfDestination.Title);
            case RtfWord.Author:
                return SetDestination(ref group, RtfDestination.Info, RtfDestination.Author);
            case RtfWord.FontTable:
                return SetDestination(ref group, RtfDestination.Body, RtfDestination.FontTable);
            case RtfWord.Stylesheet:
                return SetDestination(ref group, RtfDestination.Body, RtfDestination.Stylesheet);
            case RtfWord.UnicodeAlternatives:
                (group.AroundAlternatives, group.Destination) = (group.Destination, RtfDestination.UnicodeAlternatives);
                return true;
            case RtfWord.UnicodeText:
                if (group.Destination == RtfDestination.UnicodeAlternatives)
                    group.Destination = group.AroundAlternatives;
                return true;
            case RtfWord.Ansi:
                _codePages.Document = 1252;
                return true;
            case RtfWord.Mac:
                _codePages.Document = 10000;
                return true;
            case RtfWord.Pc:
                _codePages.Document = 437;
                return true;
            case RtfWord.Pca:
                _codePages.Document = 850;
                return true;
            case RtfWord.AnsiCodePage when parameter > 0:
                _codePages.Document = parameter;
                return true;
            case RtfWord.DefaultFont when hasParameter:
                _defaultFont = parameter;
                if (group.Font < 0)
                    group.Font = parameter;
                return true;
            case RtfWord.Font when hasParameter:
                if (group.Destination == RtfDestination.FontTable)
                    _fontEntry = parameter;
                else
                    group.Font = parameter;
                return true;
            case RtfWord.FontCharset when group.Destination == RtfDestination.FontTable && _fontEntry >= 0:
                _codePages.SetFontCharset(_fontEntry, parameter);
                return true;
            case RtfWord.FontCodePage when group.Destination == RtfDestination.FontTable && _fontEntry >= 0:
                _codePages.SetFontCodePage(_fontEntry, parameter);
                return true;
            case RtfWord.Unicode when hasParameter:
                AppendUnicode(parameter);
                _fallback = group.UnicodeSkip;
                return true;
            case RtfWord.UnicodeSkip when hasParameter:
                group.UnicodeSkip = Math.Clamp(parameter, 0, 16);
                return true;
            case RtfWord.Plain:
                (group.Font, group.Hidden, group.Deleted) = (_defaultFont, false, false);
                return true;
            case RtfWord.Hidden:
                group.Hidden = !hasParameter || parameter != 0;
                return true;
            case RtfWord.Deleted:
                group.Deleted = !hasParameter || parameter != 0;
                return true;
            case RtfWord.ParagraphDefaults:
                (group.Style, group.OutlineLevel) = (-1, -1);
                return true;
            case RtfWord.Style when hasParameter:
                if (group.Destination == RtfDestination.Style)
                    _styleEntry = parameter;
                else
                    group.Style = parameter;
                return true;
            case RtfWord.CharacterStyle:
                if (group.Destination == RtfDestination.Style)
                    _paragraphStyle = false;
                return true;
            case RtfWord.OutlineLevel when hasParameter:
                group.OutlineLevel = parameter;
                return true;
            case RtfWord.Paragraph or RtfWord.CellEnd:
                if (group.Destination == RtfDestination.Body)
                    EndParagraph();
                else
                    Append(' ');
                return true;
            case RtfWord.LineBreak or RtfWord.Tab or RtfWord.Space:
                // As a .docx's line break and tab: a space between words (paragraphs are the
                // breaks the body keeps).
                Append(' ');
                return true;
            default:
                if (Character(word) is { } c)
                    Append(c);
                return true;
        }
    }

    /// <summary>Enters <paramref name="to"/> when the group is in <paramref name="from"/> (a
    /// <c>\title</c> inside <c>\info</c>); false, to skip the group, anywhere else.</summary>
    private static bool SetDestination(ref RtfGroup group, RtfDestination from, RtfDestination to)
    {
        if (group.Destination != from)
            return false;
        group.Destination = to;
        return true;
    }

    private static char? Character(RtfWord word) => word switch
    {
        RtfWord.EmDash => '\u2014',
        RtfWord.EnDash => '\u2013',
        RtfWord.LeftQuote => '\u2018',
        RtfWord.RightQuote => '\u2019',
        RtfWord.LeftDoubleQuote => '\u201C',
        RtfWord.RightDoubleQuote => '\u201D',
        RtfWord.Bullet => '\u2022',
        _ => null,
    };

    private void Symbol(byte symbol)
    {
        if (symbol == '*')
        {
            _ignorable = true;
            return;
        }
        if (_fallback > 0)
        {
            _fallback--;
            return;
        }
        switch (symbol)
        {
            case (byte)'~':
                Append('\u00A0');
                break;
            case (byte)'_':
                Append('-'); // a non-breaking hyphen, as a .docx's is read
                break;
            case (byte)'\\' or (byte)'{' or (byte)'}':
                Append((char)symbol);
                break;
            case (byte)'\r' or (byte)'\n':
                // A backslash before a line break is \par (old writers' form).
                if (Group.Destination == RtfDestination.Body)
                    EndParagraph();
                break;
            // \- (an optional hyphen, shown only where a line breaks), \| and \: (formulas and
            // index entries) and a \' without two hex digits are no text.
        }
    }

    private void AddText(ReadOnlySpan<byte> text)
    {
        if (_depth == 0)
            return;
        int skip = Math.Min(_fallback, text.Length);
        _fallback -= skip;
        text = text[skip..];
        if (text.IsEmpty || !Group.KeepsText)
            return;
        if (_byteCount + text.Length > _bytes.Length)
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _byteCount + text.Length));
        text.CopyTo(_bytes.AsSpan(_byteCount));
        _byteCount += text.Length;
    }

    private void AddByte(byte b) => AddText([b]);

    /// <summary>Decodes the bytes held, in the font's code page, into the group's text.</summary>
    private void Flush()
    {
        if (_byteCount == 0)
            return;
        if (Target() is { } target)
        {
            target.Append(_codePages.For(Group.Font).GetString(_bytes, 0, _byteCount));
            _highSurrogate = '\0';
        }
        _byteCount = 0;
    }

    /// <summary>Appends the character <c>\uN</c> names: N is a signed 16-bit number (-4064 is
    /// U+F020); a character beyond the Basic Multilingual Plane comes as its two surrogates.</summary>
    private void AppendUnicode(int n)
    {
        if (n < 0)
            n += 0x10000;
        if (n is < 0 or > 0x10FFFF || n == 0)
            return;
        if (n > 0xFFFF)
        {
            Append(char.ConvertFromUtf32(n));
            return;
        }
        var c = (char)n;
        if (char.IsHighSurrogate(c))
            _highSurrogate = c;
        else if (char.IsLowSurrogate(c))
        {
            // Only a whole pair is text; a lone half is dropped.
            if (_highSurrogate != '\0')
                Target()?.Append(_highSurrogate).Append(c);
            _highSurrogate = '\0';
        }
        else
            Append(c);
    }

    private void Append(char c)
    {
        _highSurrogate = '\0';
        Target()?.Append(c);
    }

    private void Append(string s)
    {
        _highSurrogate = '\0';
        Target()?.Append(s);
    }

    /// <summary>Where the current group's text goes; null when it is not kept.</summary>
    private StringBuilder? Target()
    {
        if (_depth == 0 || !Group.KeepsText)
            return null;
        return Group.Destination switch
        {
            RtfDestination.Body => _paragraph,
            RtfDestination.Title => _title,
            RtfDestination.Author => _author,
            _ => _styleName,
        };
    }

    private void EndParagraph()
    {
        string text = ParagraphText.CollapseWhitespace(_paragraph.ToString());
        _paragraph.Clear();
        if (text.Length > 0)
            _paragraphs.Add(new WordParagraph(text, _depth > 0 ? StyleName(Group) : null));
    }

    /// <summary>The paragraph's style by name (<c>Title</c>, <c>heading 1</c>); for a paragraph
    /// whose style the stylesheet does not name, a heading when it has an outline level.</summary>
    private string? StyleName(RtfGroup group) =>
        group.Style >= 0 && _styleNames.TryGetValue(group.Style, out string? name) ? name
        : group.OutlineLevel is >= 0 and < 9 ? $"Heading {group.OutlineLevel + 1}"
        : null;

    /// <summary>A stated title or author; none when blank.</summary>
    private static string? Stated(StringBuilder text)
    {
        string value = ParagraphText.CollapseWhitespace(text.ToString());
        return value.Length > 0 ? value : null;
    }
}
