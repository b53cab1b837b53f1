using Search.Core.Ingest;

namespace Search.Core.Enrich;

/// <summary>
/// Derives what a reader could not state directly. Never invents: a field without evidence stays
/// null.
/// </summary>
public static class ArticleEnricher
{
    /// <summary>
    /// Normalises and fills <paramref name="article"/> in place:
    /// <list type="bullet">
    /// <item>Title and body of a record or text file: HTML in them read as the text it shows
    /// (<see cref="Ingest.Html.MarkupInFields"/>: CMS exports and news APIs give markup; a web page's
    /// or PDF's text is already what it shows, code samples included).</item>
    /// <item>Every text field: control characters removed, letters composed and ligatures spelt out (<see cref="CleanFields"/>).</item>
    /// <item>Source: the stated source (a URL or www host given as source is reduced to its domain),
    /// else the domain of the article URL, else of the author page; without "www.".</item>
    /// <item>Author, title: trimmed, whitespace collapsed; an empty author becomes null.</item>
    /// <item>Section: the stated section, else the file's first folder under the root (BBC's
    /// "business"), lower-cased. All-digit folders (make-corpus's 00000/ buckets), folders named after
    /// a format ("html") and the folders of web pages and PDFs are not sections.</item>
    /// <item>Published: the stated date as ISO yyyy-MM-dd (unparseable or impossible → not used),
    /// else a date in the article URL's path, else a dateline at the start of the body.</item>
    /// <item>Body: a leading dateline that is the whole first paragraph (Wikinews' "Friday, January
    /// 4, 2019") is removed: it is metadata, and kept it would open every snippet and match
    /// weekday/month searches. A dateline followed by text in the same paragraph stays.</item>
    /// <item>Links: domains of <see cref="Article.LinkUrls"/> added to any already there,
    /// lower-case without "www.", distinct, in order.</item>
    /// <item>Tags: trimmed, empty ones dropped, distinct ignoring case (first spelling kept).</item>
    /// <item>Language: the stated one as an ISO 639-1 code, else the detected one, else <c>und</c>
    /// (<see cref="Languages.LanguageDetector"/>).</item>
    /// <item>Places: those the input states (a country by the facet's name for it: "UK" as "United
    /// Kingdom", an ISO code "GB" too, <see cref="Places.CountryCodes"/>), then the countries <see cref="Places.PlaceRecognizer"/>
    /// finds the article is about, distinct ignoring case.</item>
    /// </list>
    /// </summary>
    public static void Enrich(Article article, SourceFile file, DateOrder dateOrder = DateOrder.Unknown)
    {
        // A member of an archive is enriched as the file it is, as if unpacked where it lies in
        // the archive: a CSV's markup is read, a page's text already is what it shows, and its
        // folder inside the (innermost) archive is its section. An attachment of a message likewise,
        // as if saved beside its message: in the message's folder, whose section it shares.
        if (ContainedPath(article.File, file.RelativePath) is { } contained)
            file = new SourceFile(file.FullPath, InnermostMember(contained), file.Root);
        if (!IsPageOrPdf(file.RelativePath))
            Ingest.Html.MarkupInFields.Apply(article); // before the control characters: an entity can stand for one
        CleanFields.Apply(article);
        article.Title = ParagraphText.CollapseWhitespace(article.Title);
        article.Author = NullIfEmpty(article.Author == null ? null : ParagraphText.CollapseWhitespace(article.Author));
        article.Url = NullIfEmpty(article.Url?.Trim());
        article.Source = NormalizeSource(article.Source) ?? UrlParts.Domain(article.Url) ?? UrlParts.Domain(article.AuthorUrl);
        article.Section = NullIfEmpty(article.Section?.Trim())?.ToLowerInvariant() ?? SectionFromFolder(file);

        string? published = DateParsing.ToIsoDate(article.Published, dateOrder) ?? DateParsing.FromUrl(article.Url);
        if (DateParsing.TryDateline(article.Body, out string dateline, out int datelineEnd))
        {
            published ??= dateline;
            StripDatelineParagraph(article, datelineEnd);
        }
        article.Published = published;

        article.Links = DistinctDomains(article.Links, article.LinkUrls);
        article.Tags = CleanTags(article.Tags);
        // A stated country as the facet names it ("UK", "usa", "DENMARK" as "United Kingdom", "United
        // States", "Denmark"; an ISO code, "GB", as "United Kingdom"), so one country is one value;
        // other stated places as they are.
        var recognizer = Places.PlaceRecognizer.Default;
        article.Places = CleanTags(article.Places.Select(p => recognizer.LabelFor(p) ?? Places.CountryCodes.Label(p) ?? p)
            .Concat(recognizer.Recognize(article.Title, article.Body)).ToList());
        if (!Languages.LanguageStep.Off)
            article.Language = Languages.LanguageCodes.Normalize(article.Language) ?? Languages.LanguageDetector.Default.Detect(article.Title, article.Body);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static string? NormalizeSource(string? source)
    {
        source = NullIfEmpty(source?.Trim());
        if (source == null)
            return null;
        if (source.Contains("://", StringComparison.Ordinal))
            return UrlParts.Domain(source) ?? source;
        bool hostLike = source.Contains('.') && !source.Contains(' ');
        return hostLike ? UrlParts.StripWww(source.ToLowerInvariant()) : ParagraphText.CollapseWhitespace(source);
    }

    /// <summary>Folders named after a file format hold files, not a section ("html/", "pdf/").</summary>
    private static readonly HashSet<string> FormatFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "htm", "xhtml", "pdf", "pdfs", "txt", "text", "texts", "json", "jsonl", "xml", "csv", "tsv", "gz",
        "pages", "files", "docs", "documents", "data", "raw", "input", "src",
    };

    /// <summary>The folder a text file sits in is its section (BBC's <c>business/</c>). Not for web
    /// pages and PDFs: they state their own section when they have one, and a folder of saved pages
    /// is sorted by whoever saved them (by site, by date, by format), not by the page's section.</summary>
    private static string? SectionFromFolder(SourceFile file)
    {
        string? folder = file.TopFolder;
        if (string.IsNullOrWhiteSpace(folder) || folder.All(char.IsAsciiDigit) || FormatFolders.Contains(folder.Trim()))
            return null;
        return IsPageOrPdf(file.RelativePath) ? null : folder.Trim().ToLowerInvariant();
    }

    /// <summary>The path an article of a container file is enriched as, or null when it is the
    /// file's own: a member of an archive as the path inside it (<c>export.zip/news/1.txt</c> in
    /// <c>export.zip</c> as <c>news/1.txt</c>); an attachment as a file saved beside its message
    /// (<c>tips/tip.eml/report.pdf</c> as <c>tips/report.pdf</c>, <c>inbox.mbox#3/a.txt</c> as
    /// <c>a.txt</c>, <c>export.zip/mail/tip.eml/a.txt</c> as <c>mail/a.txt</c>), and a member of
    /// an archive attached as the path inside it (<c>tip.eml/leak.zip/news/1.txt</c> as <c>news/1.txt</c>).</summary>
    private static string? ContainedPath(string path, string container)
    {
        if (path.Length <= container.Length + 1 || path[container.Length] is not ('/' or '#') || !path.StartsWith(container, StringComparison.Ordinal))
            return null;
        int lastSlash = path.LastIndexOf('/');
        if (lastSlash < container.Length)
            return null; // a record of the file itself (inbox.mbox#3)
        string name = path[(lastSlash + 1)..];
        if (path[container.Length] == '#' || Ingest.Mail.MailAttachments.IsMessageName(container))
        {
            // An archive attached: its members as unpacked there, folders and all.
            string attached = path[(path.IndexOf('/', container.Length) + 1)..];
            string member = InnermostMember(attached);
            return member.Length < attached.Length ? member : Beside(container, name);
        }
        string inside = path[(container.Length + 1)..];
        string[] segments = inside.Split('/');
        int message = Array.FindIndex(segments, 0, segments.Length - 1, Ingest.Mail.MailAttachments.IsMessageName);
        return message < 0 ? inside : Beside(string.Join('/', segments[..(message + 1)]), name);
    }

    /// <summary>A file named <paramref name="name"/> in the folder of <paramref name="path"/>.</summary>
    private static string Beside(string path, string name)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? name : $"{path[..slash]}/{name}";
    }

    /// <summary>The path of a member inside the innermost archive that holds it
    /// (<c>news/1.txt</c> of <c>2019.zip/news/1.txt</c>, a zip inside the zip being enriched): its
    /// folder there is its section.</summary>
    private static string InnermostMember(string path)
    {
        int start = 0, segment = 0;
        for (int slash = path.IndexOf('/'); slash >= 0; segment = slash + 1, slash = path.IndexOf('/', segment))
        {
            string extension = ReaderRegistry.ExtensionOf(path[segment..slash]);
            if (ReaderRegistry.Default.Readers.Any(r => Ingest.Archives.ArchiveMember.IsArchive(r) && r.CanRead(extension, [])))
                start = slash + 1;
        }
        return start == 0 ? path : path[start..];
    }

    /// <summary>A web page or PDF (a file the readers of bytes take, by its extension): its text is
    /// already what it shows.</summary>
    private static bool IsPageOrPdf(string relativePath)
    {
        string extension = ReaderRegistry.ExtensionOf(relativePath);
        return ReaderRegistry.Default.Readers.Any(r => r is IBinaryArticleReader && r.CanRead(extension, []));
    }

    private static void StripDatelineParagraph(Article article, int datelineEnd)
    {
        string body = article.Body;
        int rest = datelineEnd;
        while (rest < body.Length && body[rest] is ' ' or '\t' or '\u00A0')
            rest++;
        if (rest == body.Length)
            article.Body = "";
        else if (body[rest] == '\n')
            article.Body = body[rest..].TrimStart();
    }

    private static List<string> DistinctDomains(List<string> existing, List<string> urls)
    {
        var domains = new List<string>(existing.Count + urls.Count);
        foreach (string d in existing)
            AddDistinct(domains, UrlParts.StripWww(d.Trim().ToLowerInvariant()));
        foreach (string url in urls)
            if (UrlParts.Domain(url) is string d)
                AddDistinct(domains, d);
        return domains;
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (value.Length > 0 && !list.Contains(value))
            list.Add(value);
    }

    private static List<string> CleanTags(List<string> tags)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>(tags.Count);
        foreach (string tag in tags)
        {
            string t = ParagraphText.CollapseWhitespace(tag);
            if (t.Length > 0 && seen.Add(t))
                result.Add(t);
        }
        return result;
    }
}
