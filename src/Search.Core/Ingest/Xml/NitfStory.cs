using System.Xml.Linq;
using static Search.Core.Ingest.Xml.NewsXml;

namespace Search.Core.Ingest.Xml;

/// <summary>
/// A NITF document (News Industry Text Format, IPTC; how wire services deliver a story) as an
/// article: title from <c>hedline/hl1</c> else <c>head/title</c>; author from <c>byline</c> (its
/// <c>person</c>s when marked, without the role in <c>byttl</c>); date from <c>date.issue</c>,
/// <c>date.release</c> or the dateline's <c>story.date</c> (their <c>norm</c>); source from
/// <c>distributor</c>, the copyright holder or the publication; keywords as tags; the body's
/// paragraphs, its abstract as the summary.
/// </summary>
internal static class NitfStory
{
    public static void Fill(Article article, XElement nitf)
    {
        XElement? head = Child(nitf, "head"), body = Child(nitf, "body");
        XElement? bodyHead = body == null ? null : Child(body, "body.head");
        article.Title = Text(bodyHead == null ? null : Descendant(bodyHead, "hl1")) ?? Text(head == null ? null : Child(head, "title")) ?? "";
        article.Author = bodyHead == null ? null : Byline(Child(bodyHead, "byline"));
        article.Published = Date(Norm(nitf, "date.issue") ?? Norm(nitf, "date.release") ?? Norm(nitf, "story.date"));
        article.Source = Text(Descendant(nitf, "distributor"))
            ?? (string?)Descendant(nitf, "doc.copyright")?.Attribute("holder")
            ?? (string?)Descendant(nitf, "pubdata")?.Attribute("name");
        if ((string?)Descendant(nitf, "pubdata")?.Attribute("ex-ref") is { } url && url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            article.Url = url;
        article.Tags = nitf.Descendants().Where(e => e.Name.LocalName == "keyword")
            .Select(e => ((string?)e.Attribute("key") ?? e.Value).Trim()).Where(k => k.Length > 0).Distinct().ToList();
        article.Body = Paragraphs(body == null ? null : Child(body, "body.content"));
        article.Summary = bodyHead == null ? null : Paragraphs(Child(bodyHead, "abstract")) is { Length: > 0 } summary ? summary : null;
    }

    /// <summary>The people a byline names (its <c>person</c> elements), else its text without
    /// "By" and without the role line (<c>byttl</c>).</summary>
    internal static string? Byline(XElement? byline)
    {
        if (byline == null)
            return null;
        var people = byline.Descendants().Where(e => e.Name.LocalName == "person").Select(p => p.Value.Trim()).Where(p => p.Length > 0).ToList();
        if (people.Count > 0)
            return string.Join(", ", people);
        string text = string.Concat(byline.Nodes().Where(n => n is not XElement { Name.LocalName: "byttl" }).Select(n => n is XElement e ? e.Value : n.ToString()));
        return WithoutBy(ParagraphText.CollapseWhitespace(text).Trim());
    }

    internal static string? WithoutBy(string text)
    {
        if (text.StartsWith("By ", StringComparison.OrdinalIgnoreCase))
            text = text[3..].Trim();
        return text.Length > 0 ? text : null;
    }

    private static string? Norm(XElement nitf, string name) =>
        Descendant(nitf, name) is { } e ? (string?)e.Attribute("norm") ?? Text(e) : null;
}
