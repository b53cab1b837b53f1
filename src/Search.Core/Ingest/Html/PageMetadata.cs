using AngleSharp.Dom;

namespace Search.Core.Ingest.Html;

/// <summary>
/// What a page states about its article, before the body is extracted (extraction rewrites the
/// DOM). Each field takes the first source that has it, in this order of trust:
/// <list type="table">
/// <item><term>title</term><description>(in <see cref="HtmlExtractor"/>) the extractor's title (Readability's
/// rules: JSON-LD, og:title and <c>&lt;title&gt;</c> weighed against each other), then <c>og:title</c>,
/// <c>twitter:title</c>, JSON-LD <c>headline</c>, <c>dc.title</c>. A site name after " | " (or before it) is cut; after a dash it is kept,
/// as Readability does, since headlines use dashes too.</description></item>
/// <item><term>author</term><description>(in <see cref="HtmlExtractor"/>) the extractor's byline (Readability's rules:
/// JSON-LD, meta author, a byline element inside the article), then JSON-LD <c>author</c> persons, <c>meta name=author</c>,
/// <c>article:author</c> (when not a URL), <c>parsely-author</c>, <c>dc.creator</c>,
/// <c>sailthru.author</c>; then a visible byline (<c>rel=author</c>, <c>itemprop=author</c>, an
/// element whose class or id says byline/author) with "By" and "Follow" removed.</description></item>
/// <item><term>published</term><description>JSON-LD <c>datePublished</c>, <c>article:published_time</c>
/// and similar meta tags (a UTC timestamp gives way to the same moment stated with the publisher's own
/// offset, whose calendar day is the one printed on the page: <see cref="StatedDates"/>), <c>itemprop=datePublished</c>, a <c>&lt;time&gt;</c> in the article header;
/// then a date in the canonical URL; then a visible date near the top of the page.</description></item>
/// <item><term>site</term><description>(in <see cref="HtmlExtractor"/>) the extractor's site name, then <c>og:site_name</c>, JSON-LD <c>publisher</c>,
/// <c>application-name</c>; else the enricher uses the URL's domain.</description></item>
/// <item><term>url</term><description><c>link rel=canonical</c>, <c>og:url</c>, JSON-LD <c>url</c> (absolute http(s) only).</description></item>
/// <item><term>section</term><description><c>article:section</c>, JSON-LD <c>articleSection</c>, <c>parsely-section</c>.</description></item>
/// <item><term>language</term><description><c>&lt;html lang&gt;</c>, JSON-LD <c>inLanguage</c>, <c>og:locale</c>.</description></item>
/// <item><term>tags</term><description><c>article:tag</c>, <c>news_keywords</c>, JSON-LD <c>keywords</c>, <c>keywords</c>.</description></item>
/// </list>
/// </summary>
public sealed record PageMetadata(string? Title, string? Author, string? Published, string? SiteName,
    string? Url, string? Section, string? Language, IReadOnlyList<string> Tags)
{
    private static readonly string[] TitleKeys = ["og:title", "twitter:title"];
    private static readonly string[] LaterTitleKeys = ["dc.title", "parsely-title"];
    private static readonly string[] AuthorKeys = ["author", "article:author", "parsely-author", "dc.creator", "sailthru.author", "byl", "dcterms.creator"];
    private static readonly string[] DateKeys =
    [
        "article:published_time", "og:article:published_time", "article.published", "published_time", "datepublished",
        "publishdate", "publish-date", "pubdate", "publication_date", "parsely-pub-date", "sailthru.date", "dc.date.issued",
        "dcterms.date", "dcterms.created", "dc.date", "citation_publication_date", "date", "og:published_time", "article:published",
    ];
    private static readonly string[] SiteKeys = ["og:site_name", "application-name", "al:ios:app_name", "twitter:app:name:iphone"];
    private static readonly string[] SectionKeys = ["article:section", "parsely-section", "section", "category"];
    private static readonly string[] TagKeys = ["article:tag", "news_keywords", "keywords", "parsely-tags"];

    /// <summary>Reads the metadata of a parsed page.</summary>
    public static PageMetadata Read(IDocument document)
    {
        var meta = MetaTags.Read(document);
        JsonLdArticle? ld = JsonLdArticle.Find(document);

        string? url = AbsoluteHttp(document.QuerySelector("link[rel~=canonical]")?.GetAttribute("href"))
            ?? AbsoluteHttp(meta.First("og:url")) ?? AbsoluteHttp(ld?.Url);
        // A page saved from a web archive's replay is the article at the address it archives.
        url = ArchivedCopy.Original(url) ?? ArchivedCopy.FromToolbar(document) ?? url;
        string? site = Clean(meta.First(SiteKeys[0])) ?? Clean(ld?.Publisher) ?? Clean(meta.First(SiteKeys[1..]));
        string? title = Clean(meta.First(TitleKeys)) ?? Clean(ld?.Headline) ?? Clean(meta.First(LaterTitleKeys));
        // Each source in turn, passing over a byline that is only the page's own outlet, so a
        // later source can name the person.
        OwnOutlet outlet = OwnOutlet.Read(meta, ld, url);
        string? author = ld is { Authors.Count: > 0 } ? string.Join(", ", ld.Authors.Select(Bylines.Clean).Where(a => a.Length > 0)) : null;
        author = Empty(Bylines.WithoutOwnOutlet(author, outlet)) ?? Bylines.FromMeta(meta.All(AuthorKeys), outlet) ?? Bylines.Visible(document, outlet);
        string? published = StatedDates.Choose(meta.All(DateKeys).Prepend(ld?.DatePublished))
            ?? VisibleDates.FromTimeElements(document)
            ?? DateParsing.FromUrl(url)
            ?? VisibleDates.Written(document);
        string? section = Sections.Label(meta.First(SectionKeys[0])) ?? Sections.Label(ld?.Section) ?? Sections.Label(meta.First(SectionKeys[1..]));
        string? language = Clean(document.DocumentElement?.GetAttribute("lang")) ?? Clean(ld?.Language)
            ?? Clean(meta.First("og:locale"))?.Replace('_', '-') ?? Clean(meta.First("content-language"));
        var tags = new List<string>(meta.All(TagKeys[..2]));
        if (tags.Count == 0)
            tags.AddRange(ld?.Keywords ?? []);
        if (tags.Count == 0)
            tags.AddRange(meta.All(TagKeys[2..]));
        tags = tags.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(t => t.Length <= 60).Distinct(StringComparer.OrdinalIgnoreCase).Take(30).ToList();
        return new(title, author, published, site, url, section, language, tags);
    }

    internal static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : ParagraphText.CollapseWhitespace(System.Net.WebUtility.HtmlDecode(s));

    internal static string? AbsoluteHttp(string? url)
    {
        url = url?.Trim();
        return url != null && Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
    }
}
