using System.Collections.Frozen;

namespace Search.Core.Ingest.Office;

/// <summary>The control words <see cref="RtfDocumentText"/> acts on; every other one (formatting:
/// fonts' sizes, margins, colours) is <see cref="Other"/> and changes nothing in the text.</summary>
internal enum RtfWord
{
    Other,
    // Breaks and characters of the text
    Paragraph, CellEnd, LineBreak, Tab, EmDash, EnDash, Space, LeftQuote, RightQuote, LeftDoubleQuote, RightDoubleQuote, Bullet,
    // Unicode and code pages
    Unicode, UnicodeSkip, Ansi, Mac, Pc, Pca, AnsiCodePage, Font, DefaultFont, FontCharset, FontCodePage,
    // Character and paragraph state
    Plain, Hidden, Deleted, ParagraphDefaults, Style, CharacterStyle, OutlineLevel,
    // Destinations read for what they hold
    Info, Title, Author, FontTable, Stylesheet, UnicodeAlternatives, UnicodeText,
    // Destinations that hold no text of the document
    SkippedDestination,
}

/// <summary>The control words by name, looked up from the bytes of the RTF without building a string.</summary>
internal static class RtfControlWords
{
    /// <summary>Destinations that are not the document's running text: tables of fonts, colours,
    /// lists and revisions; pictures, objects, shapes and text boxes; headers, footers, footnotes
    /// and comments; field instructions (a field's result is read); list numbers (Word's
    /// <c>\listtext</c>: the bullet or number the list draws, which a .docx's text does not hold
    /// either); index and contents entries; Word's embedded XML, theme and data stores. (Any group
    /// marked <c>\*</c> is skipped as well unless it is <c>\ud</c>.)</summary>
    private static readonly string[] SkippedDestinations =
    [
        "colortbl", "listtable", "listoverridetable", "revtbl", "rsidtbl", "filetbl", "pgdsctbl", "xmlnstbl", "generator",
        "pict", "object", "objdata", "shp", "shpgrp", "shpinst", "shptxt", "shppict", "nonshppict", "do", "background",
        "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf",
        "footnote", "annotation", "atnid", "atnauthor", "atndate", "atnref", "ftnsep", "ftnsepc", "ftncn", "aftnsep", "aftnsepc", "aftncn",
        "fldinst", "datafield", "formfield", "listtext", "pntext", "pntxta", "pntxtb", "pn",
        "xe", "tc", "tcn", "bkmkstart", "bkmkend", "template", "userprops", "docvar", "comment", "txe",
        "themedata", "colorschememapping", "datastore", "latentstyles", "mmathPr", "passwordhash", "wgrffmtfilter",
        "fchars", "lchars", "keycode", "falt", "panose", "fontemb", "fontfile",
    ];

    // Declared after SkippedDestinations, which building it reads (static fields start in order).
    private static readonly FrozenDictionary<string, RtfWord> Words = Table().ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, RtfWord>.AlternateLookup<ReadOnlySpan<char>> ByName =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The word <paramref name="name"/> (ASCII letters, at most 32) names.</summary>
    public static RtfWord Of(ReadOnlySpan<byte> name)
    {
        Span<char> chars = stackalloc char[name.Length];
        for (int i = 0; i < name.Length; i++)
            chars[i] = (char)name[i];
        return ByName.TryGetValue(chars, out RtfWord word) ? word : RtfWord.Other;
    }

    private static Dictionary<string, RtfWord> Table()
    {
        var table = new Dictionary<string, RtfWord>
        {
            // A paragraph ends at \par, and so does a table cell's text, a row, a section and a page.
            ["par"] = RtfWord.Paragraph, ["sect"] = RtfWord.Paragraph, ["page"] = RtfWord.Paragraph, ["column"] = RtfWord.Paragraph,
            ["cell"] = RtfWord.CellEnd, ["nestcell"] = RtfWord.CellEnd, ["row"] = RtfWord.CellEnd, ["nestrow"] = RtfWord.CellEnd,
            ["line"] = RtfWord.LineBreak, ["softline"] = RtfWord.LineBreak, ["tab"] = RtfWord.Tab,
            ["emdash"] = RtfWord.EmDash, ["endash"] = RtfWord.EnDash,
            ["emspace"] = RtfWord.Space, ["enspace"] = RtfWord.Space, ["qmspace"] = RtfWord.Space,
            ["lquote"] = RtfWord.LeftQuote, ["rquote"] = RtfWord.RightQuote,
            ["ldblquote"] = RtfWord.LeftDoubleQuote, ["rdblquote"] = RtfWord.RightDoubleQuote, ["bullet"] = RtfWord.Bullet,
            ["u"] = RtfWord.Unicode, ["uc"] = RtfWord.UnicodeSkip,
            ["ansi"] = RtfWord.Ansi, ["mac"] = RtfWord.Mac, ["pc"] = RtfWord.Pc, ["pca"] = RtfWord.Pca, ["ansicpg"] = RtfWord.AnsiCodePage,
            ["f"] = RtfWord.Font, ["deff"] = RtfWord.DefaultFont, ["fcharset"] = RtfWord.FontCharset, ["cpg"] = RtfWord.FontCodePage,
            ["plain"] = RtfWord.Plain, ["v"] = RtfWord.Hidden, ["deleted"] = RtfWord.Deleted, ["pard"] = RtfWord.ParagraphDefaults,
            ["s"] = RtfWord.Style, ["cs"] = RtfWord.CharacterStyle, ["ds"] = RtfWord.CharacterStyle, ["ts"] = RtfWord.CharacterStyle,
            ["outlinelevel"] = RtfWord.OutlineLevel,
            ["info"] = RtfWord.Info, ["title"] = RtfWord.Title, ["author"] = RtfWord.Author,
            ["fonttbl"] = RtfWord.FontTable, ["stylesheet"] = RtfWord.Stylesheet,
            ["upr"] = RtfWord.UnicodeAlternatives, ["ud"] = RtfWord.UnicodeText,
        };
        foreach (string skipped in SkippedDestinations)
            table[skipped] = RtfWord.SkippedDestination;
        return table;
    }
}
