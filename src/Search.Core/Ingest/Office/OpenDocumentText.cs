using System.Xml;

namespace Search.Core.Ingest.Office;

/// <summary>
/// The paragraphs of an OpenDocument text's body (<c>content.xml</c>: LibreOffice, OpenOffice,
/// Google Docs' .odt download), in order: paragraphs and headings (headings carry the style
/// <c>Heading</c>), inside lists and table cells too, with their spans, links, spaces, tabs and
/// line breaks. Footnotes and endnotes (<c>text:note</c>) follow the body as paragraphs of their
/// own, in order, not glued into the sentence where their mark is, and without the mark's number.
/// What the document does not show as its text is left out: tracked changes' deleted text,
/// comments, frames (text boxes, captions), tables of contents and ruby (the reading set small
/// above a word, <c>text:ruby-text</c>).
/// </summary>
internal static class OpenDocumentText
{
    private const string Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string Draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";

    public static List<WordParagraph> Paragraphs(Stream contentXml)
    {
        using var xml = XmlReader.Create(contentXml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
        var notes = new List<WordParagraph>();
        xml.Read();
        var paragraphs = Paragraphs(xml, notes);
        paragraphs.AddRange(notes);
        return paragraphs;
    }

    /// <summary>The paragraphs <paramref name="xml"/> reads from where it stands; each note's
    /// paragraphs go to <paramref name="notes"/> (null: inside a note, where a note is not read).</summary>
    private static List<WordParagraph> Paragraphs(XmlReader xml, List<WordParagraph>? notes)
    {
        var paragraphs = new List<WordParagraph>();
        var text = new StringBuilder();
        string? style = null;
        int depth = -1; // depth of the paragraph being read, -1 outside one
        while (!xml.EOF)
        {
            if (notes != null && xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == Text && xml.LocalName == "note")
            {
                // Its paragraphs without their style, which is no heading or title of the article.
                using (var note = xml.ReadSubtree())
                {
                    note.Read(); // the note itself
                    note.Read(); // its first part
                    notes.AddRange(Paragraphs(note, notes: null).Select(p => p with { Style = null }));
                }
                xml.Read(); // past the note's end, where the subtree left it
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element && Hidden(xml))
            {
                xml.Skip(); // moves to the node after the subtree
                continue;
            }
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.NamespaceURI == Text && xml.LocalName is "p" or "h" && depth < 0 && !xml.IsEmptyElement:
                    depth = xml.Depth;
                    style = xml.LocalName == "h" ? "Heading" : xml.GetAttribute("style-name", Text);
                    break;
                case XmlNodeType.Element when xml.NamespaceURI == Text && xml.LocalName == "s" && depth >= 0:
                    text.Append(' ', int.TryParse(xml.GetAttribute("c", Text), out int n) ? Math.Clamp(n, 1, 100) : 1);
                    break;
                case XmlNodeType.Element when xml.NamespaceURI == Text && xml.LocalName is "tab" or "line-break" && depth >= 0:
                    text.Append(' ');
                    break;
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA when depth >= 0:
                    text.Append(xml.Value);
                    break;
                case XmlNodeType.EndElement when depth >= 0 && xml.Depth == depth:
                    string paragraph = ParagraphText.CollapseWhitespace(text.ToString()).Trim();
                    if (paragraph.Length > 0)
                        paragraphs.Add(new WordParagraph(paragraph, style));
                    text.Clear();
                    depth = -1;
                    break;
            }
            xml.Read();
        }
        return paragraphs;
    }

    /// <summary>Parts of the body that are not its running text.</summary>
    private static bool Hidden(XmlReader xml) =>
        (xml.NamespaceURI == Text && xml.LocalName is "tracked-changes" or "note" or "note-citation" or "table-of-content" or "sequence-decls" or "user-field-decls" or "ruby-text")
        || (xml.NamespaceURI == Office && xml.LocalName is "annotation" or "forms")
        || (xml.NamespaceURI == Draw && xml.LocalName == "frame");
}
