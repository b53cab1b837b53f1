using System.Xml.Linq;
using static Search.Core.Ingest.Xml.NewsXml;

namespace Search.Core.Ingest.Xml;

/// <summary>
/// A feed's item as an article. RSS 2.0: <c>title</c>, <c>link</c>, <c>content:encoded</c> (the
/// full text, when the feed carries it) else <c>description</c>, <c>pubDate</c>,
/// <c>dc:creator</c> or <c>author</c> (<c>mail@site (Name)</c> gives the name), <c>category</c>.
/// RSS 1.0 likewise with <c>dc:date</c>. Atom: <c>title</c>, the alternate <c>link</c>,
/// <c>content</c> else <c>summary</c>, <c>published</c> else <c>updated</c>, <c>author/name</c>,
/// <c>category/@term</c>.
/// </summary>
internal static class FeedItem
{
    public static void Fill(Article article, XElement item)
    {
        article.Title = Text(Child(item, "title")) ?? "";
        article.Url = Link(item);
        article.Body = Markup(Child(item, "encoded")) ?? Markup(Child(item, "content")) ?? "";
        article.Summary = Markup(Child(item, "description", "summary"));
        article.Published = Date(Text(Child(item, "pubDate", "published", "date", "issued")) ?? Text(Child(item, "updated", "modified")));
        article.Author = Author(item);
        article.Tags = item.Elements().Where(e => e.Name.LocalName is "category" or "subject")
            .Select(e => ((string?)e.Attribute("term") ?? e.Value).Trim())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>A text construct as the markup it holds: escaped HTML (<c>content:encoded</c>,
    /// Atom's <c>type="html"</c>) is its text, XHTML (Atom's <c>type="xhtml"</c>) its child
    /// elements, serialised; enrichment reads either as the text it shows.</summary>
    private static string? Markup(XElement? element) =>
        element == null ? null
        : element.HasElements ? string.Concat(element.Nodes()).Trim() is { Length: > 0 } xhtml ? xhtml : null
        : Text(element);

    /// <summary>RSS's <c>link</c> text; Atom's <c>link</c> with rel <c>alternate</c> (or none);
    /// RSS 1.0's <c>rdf:about</c>; a <c>guid</c> that is a permalink.</summary>
    private static string? Link(XElement item)
    {
        foreach (XElement link in item.Elements().Where(e => e.Name.LocalName == "link"))
        {
            if (link.Attribute("href") is { } href)
            {
                string rel = (string?)link.Attribute("rel") ?? "alternate";
                if (rel == "alternate")
                    return href.Value.Trim();
            }
            else if (Text(link) is { } text)
                return text;
        }
        if (item.Attributes().FirstOrDefault(a => a.Name.LocalName == "about") is { } about)
            return about.Value.Trim();
        return Child(item, "guid") is { } guid && (string?)guid.Attribute("isPermaLink") != "false" && Text(guid) is { } g && g.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            ? g
            : null;
    }

    /// <summary>The item's author: <c>dc:creator</c>, Atom's <c>author/name</c>, or RSS's
    /// <c>author</c> e-mail with the name in brackets.</summary>
    private static string? Author(XElement item)
    {
        if (Text(Child(item, "creator")) is { } creator)
            return creator;
        if (Child(item, "author") is not { } author)
            return null;
        if (Text(Child(author, "name")) is { } name)
            return name;
        string? text = Text(author);
        if (text == null)
            return null;
        int open = text.IndexOf('(');
        if (open >= 0 && text.EndsWith(')'))
            return text[(open + 1)..^1].Trim();
        return text.Contains('@') ? null : text;
    }
}
