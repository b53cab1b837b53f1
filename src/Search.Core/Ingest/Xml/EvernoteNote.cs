using System.Xml.Linq;
using static Search.Core.Ingest.Xml.NewsXml;

namespace Search.Core.Ingest.Xml;

/// <summary>
/// A note of an Evernote export (<c>.enex</c>; also what Joplin, Apple Notes' exporters and
/// Notion's Evernote bridge write): reporters keep web clippings there. Title from <c>title</c>
/// (a clip's site name cut off as a page's is), the address clipped from
/// (<c>note-attributes/source-url</c>) as the URL, tags from <c>tag</c>, and the note's text from
/// <c>content</c>, ENML (XHTML inside <c>&lt;en-note&gt;</c>) that enrichment reads as the text
/// it shows. No date is stated, so enrichment dates the note by its address or its dateline: a
/// note's <c>created</c> is when it was clipped, not when the article was published, and its
/// <c>author</c> is whoever clipped it.
/// Attached images and files (<c>resource</c>) are not text.
/// </summary>
internal static class EvernoteNote
{
    public static void Fill(Article article, XElement note)
    {
        XElement? attributes = Child(note, "note-attributes");
        article.Url = Text(attributes == null ? null : Child(attributes, "source-url")) is { } url && url.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? url : null;
        article.Title = Text(Child(note, "title")) ?? "";
        FieldMapping.CutSiteName(article);
        article.Tags = note.Elements().Where(e => e.Name.LocalName == "tag").Select(e => e.Value.Trim())
            .Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        article.Body = NoteMarkup(Text(Child(note, "content")));
    }

    /// <summary>What is inside <c>&lt;en-note&gt;</c>: the XML declaration and DOCTYPE before it are
    /// not the note's.</summary>
    private static string NoteMarkup(string? enml)
    {
        if (enml == null)
            return "";
        int open = enml.IndexOf("<en-note", StringComparison.Ordinal);
        int start = open < 0 ? -1 : enml.IndexOf('>', open);
        if (start < 0)
            return enml;
        int end = enml.LastIndexOf("</en-note>", StringComparison.Ordinal);
        return enml[(start + 1)..(end > start ? end : enml.Length)].Trim();
    }
}
