using System.Xml;

namespace Search.Core.Ingest.Office;

/// <summary>A paragraph of a Word document: its text and its style's id (<c>Title</c>, <c>Heading1</c>).</summary>
internal sealed record WordParagraph(string Text, string? Style);

/// <summary>
/// The paragraphs of a Word document's main part (<c>word/document.xml</c>, WordprocessingML), in
/// order, read with a streaming XML reader: the text of its runs, tabs and line breaks; tables
/// cell by cell. What the document does not show is left out: text deleted in tracked changes,
/// field codes, and headers, footers and comments (other parts).
/// </summary>
internal static class WordDocumentText
{
    private const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static List<WordParagraph> Paragraphs(Stream documentXml)
    {
        var paragraphs = new List<WordParagraph>();
        var text = new StringBuilder();
        string? style = null;
        using var xml = XmlReader.Create(documentXml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
        while (xml.Read())
        {
            if (xml.NamespaceURI != Main)
                continue;
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "p")
            {
                string paragraph = ParagraphText.CollapseWhitespace(text.ToString()).Trim();
                if (paragraph.Length > 0)
                    paragraphs.Add(new WordParagraph(paragraph, style));
                text.Clear();
                style = null;
                continue;
            }
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            switch (xml.LocalName)
            {
                case "t" when !xml.IsEmptyElement:
                    // Only w:t's own text is read: deleted text (w:delText) and field codes
                    // (w:instrText) are elements of their own, which the document does not show.
                    while (xml.Read() && xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
                        text.Append(xml.Value);
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
}
