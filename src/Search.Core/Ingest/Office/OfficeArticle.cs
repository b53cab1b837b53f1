using System.Xml;
using Search.Core.Ingest.Html;

namespace Search.Core.Ingest.Office;

/// <summary>
/// An office document's paragraphs as an article, the same for Word and OpenDocument: the title
/// is the first paragraph styled as a title or heading among the first few, else the stated title
/// (and the paragraph that repeats it), else a short first paragraph that does not end a sentence;
/// the rest is the body. The stated author counts only when it reads as a person's name, never an
/// account or a program (<c>Windows User</c>, <c>admin</c>).
/// </summary>
internal static class OfficeArticle
{
    /// <summary>A title or heading this far into the document is a section heading, not the title.</summary>
    private const int TitleWindow = 3;

    private static readonly HashSet<string> AccountNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "user", "windows user", "microsoft office user", "office user", "admin", "administrator", "owner", "author",
        "unknown", "guest", "pc", "home", "test", "python-docx", "apache poi", "openpyxl",
    };

    public static ReadItem From(SourceFile file, List<WordParagraph> paragraphs, string? statedTitle, string? creator)
    {
        if (paragraphs.Count == 0)
            return ReadItem.Skip(RecordProblem.WholeFile, "no text in the document");
        int titleAt = TitleParagraph(paragraphs, statedTitle);
        string title = titleAt >= 0 ? paragraphs[titleAt].Text : statedTitle ?? "";
        string body = string.Join("\n\n", paragraphs.Where((_, i) => i != titleAt).Select(p => p.Text));
        if (body.Length == 0)
            (title, body) = ("", title);
        var article = Article.WholeFile(file, title, body);
        article.Author = Person(creator);
        return ReadItem.Of(article);
    }

    /// <summary>The title and creator a document states (Dublin Core <c>dc:title</c> and
    /// <c>dc:creator</c>, else OpenDocument's <c>meta:initial-creator</c>), from its properties part.</summary>
    public static (string? Title, string? Creator) Stated(Stream properties)
    {
        string? title = null, creator = null, initial = null;
        using var xml = XmlReader.Create(properties, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        xml.Read();
        while (!xml.EOF)
        {
            // Reading an element's content moves to the node after it: only read on otherwise.
            // Only the properties' own (at most two levels down: cp:coreProperties/dc:title,
            // office:document-meta/office:meta/dc:title), not a comment's or a tracked change's
            // dc:creator in a flat document's body.
            if (xml.NodeType == XmlNodeType.Element && xml.Depth <= 2 && xml.LocalName is "title" or "creator" or "initial-creator" && !xml.IsEmptyElement)
            {
                string name = xml.LocalName, ns = xml.NamespaceURI;
                string value = xml.ReadElementContentAsString().Trim();
                if (ns == "http://purl.org/dc/elements/1.1/" && name == "title")
                    title = value;
                else if (ns == "http://purl.org/dc/elements/1.1/" && name == "creator")
                    creator = value;
                else if (name == "initial-creator")
                    initial = value;
            }
            else
                xml.Read();
        }
        return (NullIfEmpty(title), NullIfEmpty(creator) ?? NullIfEmpty(initial));
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    /// <summary>Which paragraph is the title; -1 for none.</summary>
    private static int TitleParagraph(List<WordParagraph> paragraphs, string? statedTitle)
    {
        for (int i = 0; i < Math.Min(TitleWindow, paragraphs.Count); i++)
        {
            string style = paragraphs[i].Style ?? "";
            if (style.Equals("Title", StringComparison.OrdinalIgnoreCase) || style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || style == "1")
                return i;
        }
        if (statedTitle != null && paragraphs[0].Text.Equals(statedTitle, StringComparison.OrdinalIgnoreCase))
            return 0;
        return statedTitle == null && paragraphs.Count > 1 && paragraphs[0].Text.Length <= TextArticleReader.MaxTitleLength && !paragraphs[0].Text.EndsWith('.')
            ? 0
            : -1;
    }

    /// <summary>A stated creator when it reads as a person's name: letters, two to five words, not
    /// an account or program name.</summary>
    private static string? Person(string? creator)
    {
        if (creator == null || AccountNames.Contains(creator.Trim()))
            return null;
        string name = Bylines.Clean(creator);
        string[] words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 5 && words.All(w => char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c is '-' or '\'' or '.'))
            ? name
            : null;
    }
}
