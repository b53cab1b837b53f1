using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Search.Core.Ingest.Html;

/// <summary>What <see cref="HtmlExtractor"/> found in one page.</summary>
/// <param name="NotAnArticle">Why the page holds no article (a redirect, an ad frame, a menu), or
/// null for an article (<see cref="NonArticlePages"/>).</param>
public sealed record ExtractedPage(PageMetadata Metadata, string Title, string Body, string? NotAnArticle = null);

/// <summary>
/// Extracts one article from a web page's bytes: decodes them (<see cref="HtmlCharset"/>), parses
/// the page with AngleSharp, reads its metadata (<see cref="PageMetadata"/>) before anything
/// changes the DOM, then finds the main text with SmartReader (Mozilla Readability's algorithm)
/// and turns it into paragraphs (<see cref="HtmlText"/>). Thread-safe; no network access.
/// </summary>
public static class HtmlExtractor
{
    /// <summary>Base address given to SmartReader when the page states no URL (it only resolves links against it).</summary>
    private const string PlaceholderUrl = "https://localhost/";

    /// <summary>Extracts the article of a page; <paramref name="served"/> is the charset its server
    /// declared, when known (a web archive keeps it).</summary>
    public static ExtractedPage Extract(ReadOnlySpan<byte> bytes, Encoding? served = null)
    {
        string html = HtmlCharset.Decode(bytes, out _, served);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        IHtmlDocument document = parser.ParseDocument(html);
        PageMetadata metadata = PageMetadata.Read(document);
        // Read before Readability, which strips the scripts: Readability reads JSON-LD authors
        // wherever they are, a fact check's claimant included.
        var reviewed = JsonLdArticle.ReviewedAuthors(document).Select(Bylines.Clean).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // A byline that is only the page's own outlet gives way to the next source (read before
        // Readability strips the JSON-LD, which names the publisher).
        JsonLdArticle? declared = JsonLdArticle.Find(document);
        OwnOutlet outlet = OwnOutlet.Read(MetaTags.Read(document), declared, metadata.Url);

        var reader = new SmartReader.Reader(metadata.Url ?? PlaceholderUrl, document) { KeepClasses = true };
        SmartReader.Article article = reader.GetArticle();
        string body = "";
        string? notAnArticle = null;
        if (article.Completed && !string.IsNullOrEmpty(article.Content))
        {
            var content = parser.ParseDocument("<!DOCTYPE html><body>" + article.Content).Body!;
            string? linksOnly = NonArticlePages.Reason(document, content, content.TextContent);
            ArticleCleanup.Clean(content);
            body = HtmlText.ToText(content);
            notAnArticle = body.Length == 0 ? null : linksOnly ?? NonArticlePages.Reason(document, null, body);
        }
        // The text the page declares, when it shows little of it (drawn by a script, behind a paywall).
        if (DeclaredBody.Instead(declared?.Body, notAnArticle == null ? body : "") is { } declaredBody)
        {
            body = declaredBody;
            notAnArticle = null;
        }

        // Readability's choices first where they are its strength: its title (JSON-LD, og:title and
        // <title> weighed against each other), its byline (read inside the article it chose, where
        // page-wide metadata sometimes names the outlet or an agency) and its site name; the page's
        // own metadata next.
        string title = PageMetadata.Clean(article.Title) ?? metadata.Title ?? "";
        string? site = PageMetadata.Clean(article.SiteName) ?? metadata.SiteName;
        title = Titles.WithoutSiteName(title, site, metadata.Url);
        title = Titles.PreferHeadline(title, document.QuerySelector("h1")?.TextContent);
        string? NotReviewed(string? name) => name != null && reviewed.Contains(name) ? null : name;
        string? Byline(string? raw) => raw == null ? null : NotReviewed(PageMetadata.Empty(Bylines.WithoutOwnOutlet(Bylines.Clean(raw), outlet)));
        outlet.Add(article.SiteName);
        string? author = Byline(article.Byline) ?? Byline(metadata.Author) ?? Byline(article.Author);
        string? published = metadata.Published ?? (article.PublicationDate is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null);
        metadata = metadata with
        {
            Title = title,
            Author = author,
            Published = published,
            SiteName = site,
            Language = metadata.Language ?? PageMetadata.Clean(article.Language),
        };
        return new ExtractedPage(metadata, title, body, notAnArticle);
    }
}
