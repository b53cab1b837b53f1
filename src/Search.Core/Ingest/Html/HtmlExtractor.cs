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
    /// declared, when known; <paramref name="location"/> the address it was saved from, when its
    /// container says (a saved-page archive), used when the page states none.
    /// <paramref name="cancel"/> stops the work between steps and inside parsing (the reader's time limit).</summary>
    public static ExtractedPage Extract(ReadOnlySpan<byte> bytes, Encoding? served = null, string? location = null, CancellationToken cancel = default)
    {
        string html = InlineData.WithoutPayloads(HtmlCharset.Decode(bytes, out _, served));
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        IHtmlDocument document = Parse(parser, html, cancel);
        PageMetadata metadata = PageMetadata.Read(document);
        if (metadata.Url == null && PageMetadata.AbsoluteHttp(location) is { } address && (ArchivedCopy.Original(address) ?? address) is var saved)
            metadata = metadata with { Url = saved, Published = metadata.Published ?? DateParsing.FromUrl(saved) };
        // Read before Readability, which strips the scripts: Readability reads JSON-LD authors
        // wherever they are, a fact check's claimant included.
        var reviewed = JsonLdArticle.ReviewedAuthors(document).Select(Bylines.Clean).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // A byline that is only the page's own outlet gives way to the next source (read before
        // Readability strips the JSON-LD, which names the publisher).
        JsonLdArticle? declared = JsonLdArticle.Find(document);
        OwnOutlet outlet = OwnOutlet.Read(MetaTags.Read(document), declared, metadata.Url);
        int hiddenWords = HiddenText.Words(document);
        string? pageTitle = document.Title, firstHeading = document.QuerySelector("h1")?.TextContent;
        ArchivedCopy.RemoveToolbar(document);
        cancel.ThrowIfCancellationRequested();

        (SmartReader.Article article, string body, string? notAnArticle) = Article(parser, document, metadata.Url, cancel);
        // A page that shows no article may hold it where a browser running its scripts never shows
        // it: in <noscript> (the page for readers without scripts) or a <template> a script would
        // copy into the page. Read as a browser without scripts shows it.
        if ((body.Length == 0 || notAnArticle != null) && hiddenWords >= NonArticlePages.MinWords)
        {
            IHtmlDocument revealed = Parse(parser, html, cancel);
            if (HiddenText.Reveal(revealed))
            {
                var second = Article(parser, revealed, metadata.Url, cancel);
                if (second.Body.Length > 0 && second.NotAnArticle == null)
                    (article, body, notAnArticle) = second;
            }
        }
        // The text the page declares, when it shows little of it (drawn by a script, behind a paywall).
        if (DeclaredBody.Instead(declared?.Body, notAnArticle == null ? body : "") is { } declaredBody)
        {
            body = declaredBody;
            notAnArticle = null;
        }
        notAnArticle ??= body.Length == 0 ? null : NonArticlePages.ErrorPage(pageTitle, firstHeading, body);

        // Readability's choices first where they are its strength: its title (JSON-LD, og:title and
        // <title> weighed against each other), its byline (read inside the article it chose, where
        // page-wide metadata sometimes names the outlet or an agency) and its site name; the page's
        // own metadata next.
        string title = PageMetadata.Clean(article.Title) ?? metadata.Title ?? "";
        string? site = PageMetadata.Clean(article.SiteName) ?? metadata.SiteName;
        title = Titles.WithoutSiteName(title, site, metadata.Url);
        // Readability cut "| Site" from "Headline | Section | Site" itself: the section stays.
        if (PageMetadata.Clean(pageTitle) is { } shown && Titles.WithoutSiteName(shown, site, metadata.Url) is var cut
            && cut != shown && title != cut && shown.StartsWith(title + " ", StringComparison.Ordinal) && title.StartsWith(cut + " ", StringComparison.Ordinal))
            title = cut;
        // A title that is only the site's name names no article: the title its metadata states or
        // the page's headline instead, else (empty) the start of the text, as for a page without one.
        if (Titles.IsOnlySiteName(title, site, metadata.Url))
            title = new[] { metadata.Title, PageMetadata.Clean(firstHeading) }
                .Select(t => t == null ? null : Titles.WithoutSiteName(t, site, metadata.Url))
                .FirstOrDefault(t => t != null && !Titles.IsOnlySiteName(t, site, metadata.Url)) ?? "";
        title = Titles.PreferHeadline(title, document.QuerySelector("h1")?.TextContent ?? firstHeading);
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

    private static IHtmlDocument Parse(HtmlParser parser, string html, CancellationToken cancel)
    {
        IHtmlDocument document = parser.ParseDocumentAsync(html, cancel).GetAwaiter().GetResult();
        cancel.ThrowIfCancellationRequested();
        if (document.Body is { } body)
            DeepMarkup.Limit(body);
        return document;
    }

    /// <summary>Readability's article in <paramref name="document"/> (which it changes), cleaned, as
    /// text; and why it is not an article, if it is not.</summary>
    private static (SmartReader.Article Article, string Body, string? NotAnArticle) Article(HtmlParser parser, IHtmlDocument document, string? url, CancellationToken cancel)
    {
        var reader = new SmartReader.Reader(url ?? PlaceholderUrl, document) { KeepClasses = true };
        SmartReader.Article article = reader.GetArticle();
        cancel.ThrowIfCancellationRequested();
        if (!article.Completed || string.IsNullOrEmpty(article.Content))
            return (article, "", null);
        var content = parser.ParseDocument("<!DOCTYPE html><body>" + article.Content).Body!;
        string text = content.TextContent;
        string? linksOnly = NonArticlePages.Reason(document, content, text);
        ArticleCleanup.Clean(content);
        string body = ArticleCleanup.Trim(HtmlText.ToText(content));
        // Nothing left once the furniture is gone (an ad frame's "Advertisement"): say what there was.
        if (body.Length == 0)
            return (article, "", text.Trim().Length == 0 ? null : NonArticlePages.Reason(document, null, text));
        return (article, body, linksOnly ?? NonArticlePages.Reason(document, null, body));
    }
}
