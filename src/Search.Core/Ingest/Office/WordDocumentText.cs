using System.Xml;

namespace Search.Core.Ingest.Office;

/// <summary>A paragraph of a Word document: its text and its style's id (<c>Title</c>, <c>Heading1</c>).</summary>
internal sealed record WordParagraph(string Text, string? Style);

/// <summary>
/// The paragraphs of a Word document's main part (<c>word/document.xml</c>, WordprocessingML), in
/// order, read with a streaming XML reader: the text of its runs, tabs and line breaks; tables
/// cell by cell; a text box's paragraphs as paragraphs of their own, before the paragraph they
/// are anchored in. What the document does not show is left out: text deleted in tracked changes
/// or moved away from where it stood, hidden text, field codes, a text box's copy for older
/// programs, ruby readings, the table of contents (as an OpenDocument text's), and headers, footers and comments (other parts).
/// Footnotes and endnotes are parts of their own too, read the same way (<see cref="DocxArticleReader"/>).
/// </summary>
internal static class WordDocumentText
{
    private const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    public static List<WordParagraph> Paragraphs(Stream documentXml)
    {
        var paragraphs = new List<WordParagraph>();
        var text = new StringBuilder();
        string? style = null;
        // A text box's paragraphs lie inside a run of the paragraph it is anchored in: the
        // outer paragraph's text and style wait here while they are read.
        var outer = new Stack<(StringBuilder Text, string? Style)>();
        bool hidden = false; // the current run is formatted hidden (w:vanish)
        int skipping = -1; // depth of an element whose content the document does not show, -1 when none
        bool contentsNext = false; // a content control's properties said it holds a table of contents
        using var xml = XmlReader.Create(documentXml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
        while (xml.Read())
        {
            if (skipping >= 0)
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == skipping)
                    skipping = -1;
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element && !xml.IsEmptyElement && NotShown(xml))
            {
                skipping = xml.Depth;
                continue;
            }
            if (xml.NamespaceURI != Main)
                continue;
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "p")
            {
                string paragraph = ParagraphText.CollapseWhitespace(text.ToString()).Trim();
                if (paragraph.Length > 0 && !IsContentsEntry(style))
                    paragraphs.Add(new WordParagraph(paragraph, style));
                (text, style) = outer.Count > 0 ? outer.Pop() : (new StringBuilder(), null);
                continue;
            }
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            switch (xml.LocalName)
            {
                case "p" when !xml.IsEmptyElement:
                    outer.Push((text, style));
                    (text, style) = (new StringBuilder(), null);
                    break;
                case "r":
                    hidden = false;
                    break;
                case "docPartGallery":
                    contentsNext = xml.GetAttribute("val", Main) == "Table of Contents";
                    break;
                case "sdtContent" when contentsNext && !xml.IsEmptyElement:
                    // The table of contents Word inserts: its entries repeat the headings, with page numbers.
                    (skipping, contentsNext) = (xml.Depth, false);
                    break;
                case "vanish":
                    hidden = xml.GetAttribute("val", Main) is not ("0" or "false" or "off");
                    break;
                case "t" when !xml.IsEmptyElement:
                    // Only w:t's own text is read: deleted text (w:delText) and field codes
                    // (w:instrText) are elements of their own, which the document does not show.
                    while (xml.Read() && xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
                    {
                        if (!hidden)
                            text.Append(xml.Value);
                    }
                    break;
                case "tab":
                    text.Append(' ');
                    break;
                case "br" or "cr":
                    text.Append(' ');
                    break;
                case "noBreakHyphen":
                    text.Append('-');
                    break;
                case "pStyle":
                    style = xml.GetAttribute("val", Main);
                    break;
            }
        }
        return paragraphs;
    }

    /// <summary>Whether a paragraph is an entry of a table of contents not wrapped in a content
    /// control (a TOC field inserted by hand): its style is one of Word's <c>TOC1</c> to <c>TOC9</c>.</summary>
    private static bool IsContentsEntry(string? style) =>
        style is { Length: 4 } && style.StartsWith("TOC", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(style[3]);

    /// <summary>Elements whose content Word does not show: a tracked move's old place
    /// (<c>w:moveFrom</c>, its runs ordinary <c>w:t</c> text, the same words as at
    /// <c>w:moveTo</c>), and the copy of a drawing or text box for programs older than the one
    /// that wrote it (<c>mc:Fallback</c>, after the <c>mc:Choice</c> that is read); ruby, the
    /// reading set small above a word (<c>w:rt</c>: furigana), as a spreadsheet's phonetic runs.</summary>
    private static bool NotShown(XmlReader xml) =>
        (xml.NamespaceURI == Main && xml.LocalName is "moveFrom" or "rt") || (xml.NamespaceURI == MarkupCompatibility && xml.LocalName == "Fallback");
}
