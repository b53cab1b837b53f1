using System.Xml.Linq;

namespace Search.Core.Ingest.Xml;

/// <summary>The XML news formats read, by root element.</summary>
internal enum NewsKind { None, Rss, Atom, Nitf, NewsMl, Evernote }

/// <summary>
/// One item of XML news as an article: a feed's item or entry (<see cref="FeedItem"/>), a NITF
/// document (<see cref="NitfStory"/>), a NewsML-G2 news item (<see cref="NewsMlItem"/>), a note
/// of an Evernote export (<see cref="EvernoteNote"/>). Element
/// names are matched without their namespace, as feeds mix namespaces freely.
/// </summary>
internal static class NewsXml
{
    public static NewsKind KindOf(string rootName) => rootName switch
    {
        "rss" or "RDF" => NewsKind.Rss,
        "feed" => NewsKind.Atom,
        "nitf" => NewsKind.Nitf,
        "newsMessage" or "newsItem" => NewsKind.NewsMl,
        "en-export" => NewsKind.Evernote,
        _ => NewsKind.None,
    };

    public static bool IsItem(string name, NewsKind kind) => kind switch
    {
        NewsKind.Rss => name == "item",
        NewsKind.Atom => name == "entry",
        NewsKind.NewsMl => name == "newsItem",
        NewsKind.Evernote => name == "note",
        _ => false,
    };

    public static ReadItem Article(XElement element, NewsKind kind, SourceFile file, int record, int line)
    {
        if (kind == NewsKind.NewsMl && NewsMlItem.NotText(element) is { } notText)
            return ReadItem.Skip(line, notText);
        var article = new Article();
        switch (kind)
        {
            case NewsKind.Rss or NewsKind.Atom:
                FeedItem.Fill(article, element);
                break;
            case NewsKind.Nitf:
                NitfStory.Fill(article, element);
                break;
            case NewsKind.NewsMl:
                NewsMlItem.Fill(article, element);
                break;
            case NewsKind.Evernote:
                EvernoteNote.Fill(article, element);
                break;
        }
        string? problem = FieldMapping.Complete(article, file, record, line);
        return problem == null ? ReadItem.Of(article) : ReadItem.Skip(line, problem);
    }

    /// <summary>The first child (or descendant, with <paramref name="deep"/>) with one of these local names.</summary>
    public static XElement? Child(XElement parent, params string[] names) =>
        parent.Elements().FirstOrDefault(e => names.Contains(e.Name.LocalName));

    public static XElement? Descendant(XElement parent, params string[] names) =>
        parent.Descendants().FirstOrDefault(e => names.Contains(e.Name.LocalName));

    /// <summary>An element's text, trimmed; null when absent or blank.</summary>
    public static string? Text(XElement? element) =>
        element == null ? null : element.Value.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>An element's paragraphs (<c>p</c>, or its text when it has none), joined by blank lines.</summary>
    public static string Paragraphs(XElement? element)
    {
        if (element == null)
            return "";
        var paragraphs = element.Descendants().Where(e => e.Name.LocalName is "p" or "hl2" or "block" && !e.Elements().Any(c => c.Name.LocalName == "p"))
            .Select(p => ParagraphText.CollapseWhitespace(p.Value).Trim())
            .Where(p => p.Length > 0)
            .ToList();
        return paragraphs.Count > 0 ? string.Join("\n\n", paragraphs) : element.Value.Trim();
    }

    /// <summary>A date in any form <see cref="DateParsing"/> reads (RFC 822 in RSS, ISO 8601 elsewhere).</summary>
    public static string? Date(string? text) => DateParsing.ToIsoDate(text);
}
