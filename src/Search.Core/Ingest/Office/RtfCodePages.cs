namespace Search.Core.Ingest.Office;

/// <summary>
/// The encodings an RTF's bytes are in: the document's code page (<c>\ansicpg</c>, else the
/// character set <c>\ansi</c>, <c>\mac</c>, <c>\pc</c>, <c>\pca</c> names) unless the font in use
/// declares its own character set (<c>\fcharset204</c>: Cyrillic) or code page (<c>\cpg</c>).
/// Each encoding is looked up once per document; a code page .NET does not know reads as
/// Windows-1252.
/// </summary>
internal sealed class RtfCodePages
{
    private readonly Dictionary<int, int> _fontCodePages = [];
    private readonly Dictionary<int, Encoding> _encodings = [];

    /// <summary>The document's code page; 1252 until the header says otherwise.</summary>
    public int Document { get; set; } = 1252;

    /// <summary>Records a font's character set (<c>\fcharsetN</c>) as the code page it means;
    /// ANSI and the default set (0, 1) and the symbol set (2) leave the font in the document's.</summary>
    public void SetFontCharset(int font, int charset)
    {
        if (CodePageOfCharset(charset) is { } codePage)
            _fontCodePages[font] = codePage;
    }

    /// <summary>Records a font's code page (<c>\cpgN</c>).</summary>
    public void SetFontCodePage(int font, int codePage)
    {
        if (codePage > 0)
            _fontCodePages[font] = codePage;
    }

    /// <summary>The encoding of text in <paramref name="font"/> (-1: no font chosen).</summary>
    public Encoding For(int font) => Encoding(font >= 0 && _fontCodePages.TryGetValue(font, out int codePage) ? codePage : Document);

    private Encoding Encoding(int codePage)
    {
        if (!_encodings.TryGetValue(codePage, out Encoding? encoding))
            _encodings[codePage] = encoding = TextDecoding.Numbered(codePage) ?? TextDecoding.Windows1252;
        return encoding;
    }

    /// <summary>The Windows code page of a font character set, as the RTF specification lists
    /// them; null for the sets that mean the document's own.</summary>
    private static int? CodePageOfCharset(int charset) => charset switch
    {
        77 => 10000, // Mac Roman
        128 => 932, // Shift-JIS
        129 => 949, // Korean
        130 => 1361, // Johab
        134 => 936, // Simplified Chinese
        136 => 950, // Traditional Chinese
        161 => 1253, // Greek
        162 => 1254, // Turkish
        163 => 1258, // Vietnamese
        177 => 1255, // Hebrew
        178 => 1256, // Arabic
        186 => 1257, // Baltic
        204 => 1251, // Cyrillic
        222 => 874, // Thai
        238 => 1250, // Central European
        254 => 437, // PC 437
        255 => 850, // OEM
        _ => null,
    };
}
