using System.Xml.Linq;
using static Search.Core.Ingest.Xml.NewsXml;

namespace Search.Core.Ingest.Xml;

/// <summary>
/// An IPTC NewsML-G2 news item as an article: <c>headline</c>, <c>by</c> (else the creator's
/// name), <c>contentCreated</c> (else <c>firstCreated</c>, <c>versionCreated</c>), the provider or
/// copyright holder as source, subjects' names as tags, the language, and the text of the content
/// set: inline NITF or XHTML paragraphs, or plain inline data. A picture, video or audio item is
/// not an article: it is skipped saying so.
/// </summary>
internal static class NewsMlItem
{
    /// <summary>Why the item is not an article (a picture, video, audio or graphic item), or null.</summary>
    public static string? NotText(XElement item)
    {
        XElement? meta = Child(item, "itemMeta");
        string itemClass = (string?)(meta == null ? null : Child(meta, "itemClass"))?.Attribute("qcode") ?? "";
        return itemClass.Length == 0 || itemClass.EndsWith(":text", StringComparison.OrdinalIgnoreCase) || itemClass.EndsWith(":composite", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"a news item of class {itemClass} (not text), not an article";
    }

    public static void Fill(Article article, XElement item)
    {
        XElement? meta = Child(item, "itemMeta"), content = Child(item, "contentMeta");
        if (content != null)
        {
            article.Title = Text(Child(content, "headline")) ?? "";
            article.Author = (Text(Child(content, "by")) is { } by ? NitfStory.WithoutBy(by) : null) ?? Text(Child(content, "creator") is { } creator ? Child(creator, "name") : null);
            article.Summary = Text(Child(content, "description"));
            article.Tags = content.Elements().Where(e => e.Name.LocalName == "subject")
                .Select(s => Text(Child(s, "name"))).OfType<string>().Distinct().ToList();
            article.Language = (string?)Child(content, "language")?.Attribute("tag");
        }
        article.Language ??= (string?)item.Attribute(XNamespace.Xml + "lang");
        article.Published = Date(Text(content == null ? null : Child(content, "contentCreated")) ?? Text(meta == null ? null : Child(meta, "firstCreated", "versionCreated")));
        XElement? provider = meta == null ? null : Child(meta, "provider");
        article.Source = (string?)provider?.Attribute("literal")
            ?? Text(Descendant(item, "copyrightHolder") is { } holder ? Child(holder, "name") : null)
            ?? ((string?)provider?.Attribute("qcode"))?.Split(':')[^1];
        article.Body = Body(Child(item, "contentSet"));
    }

    private static string Body(XElement? contentSet)
    {
        if (contentSet == null)
            return "";
        foreach (XElement part in contentSet.Elements())
        {
            if (part.Name.LocalName == "inlineXML")
            {
                XElement? nitfBody = Descendant(part, "body.content");
                string text = Paragraphs(nitfBody ?? Descendant(part, "body") ?? part);
                if (text.Length > 0)
                    return text;
            }
            else if (part.Name.LocalName == "inlineData" && Text(part) is { } data)
                return ParagraphText.Normalize(data);
        }
        return "";
    }
}
