namespace Search.Core.Ingest.Html;

/// <summary>
/// Reads one article per saved web page: <c>.html</c>, <c>.htm</c>, <c>.xhtml</c>, each also
/// gzipped (<c>.html.gz</c>; a plain <c>.html</c> holding gzip bytes is unwrapped too). Extraction
/// is <see cref="HtmlExtractor"/>'s, run under a time limit: a page that takes longer is skipped
/// with that reason. A page with no article text, a page that is not an article (a redirect, an
/// ad frame, a menu: <see cref="NonArticlePages"/>) and a frame saved inside a page's
/// <c>Name_files/</c> folder (<see cref="SavedPageParts"/>) are skipped, saying so.
/// </summary>
public sealed class HtmlArticleReader(TimeSpan timeout) : WholeFileReader
{
    /// <summary>Per-page limit: the slowest real pages measured take 2-4 s (see docs/extraction.md).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public HtmlArticleReader() : this(DefaultTimeout) { }

    public TimeSpan Timeout => timeout;

    public override string Format => "html";

    public override bool CanRead(string extension, ReadOnlySpan<byte> head) =>
        extension is ".html" or ".htm" or ".xhtml" or ".html.gz" or ".htm.gz" or ".xhtml.gz";

    protected override ReadItem ReadOne(SourceFile file, ReadOnlyMemory<byte> bytes)
    {
        if (SavedPageParts.PageOf(file) is { } page)
            return ReadItem.Skip(RecordProblem.WholeFile, $"part of the saved page {page} (a frame saved with it), not an article");
        return ReadContent(file, bytes);
    }

    /// <summary>The article of one page's bytes (gzipped or not), wherever they were stored: a file,
    /// or a web archive's record (whose server declared <paramref name="served"/> as its charset), or
    /// a saved-page archive (which says the page was saved from <paramref name="location"/>).
    /// The article is keyed as the file's one article; problems are the whole file's.</summary>
    internal ReadItem ReadContent(SourceFile file, ReadOnlyMemory<byte> bytes, Encoding? served = null, string? location = null)
    {
        if (Expand(bytes, out ReadOnlyMemory<byte> content) is { } notGzip)
            return notGzip;
        TextSniff sniff = TextDecoding.Sniff(content.Span[..Math.Min(content.Length, TextDecoding.HeadSize)]);
        if (sniff.Kind == TextKind.Empty)
            return ReadItem.Skip(RecordProblem.WholeFile, "empty file");
        if (sniff.Kind == TextKind.Binary && sniff.BomLength == 0 && !HtmlCharset.IsMarkup(content.Span))
            return ReadItem.Skip(RecordProblem.WholeFile, "binary file");

        // The limit also stops the work itself (parsing checks it), so a page that runs out of time
        // does not go on using a core in the background.
        var cancel = new CancellationTokenSource();
        ExtractedPage? extracted;
        try
        {
            extracted = TimeBox.Run(() => HtmlExtractor.Extract(content.Span, served, location, cancel.Token), timeout);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // A page the parser or Readability cannot cope with is this one file's problem.
            return ReadItem.Skip(RecordProblem.WholeFile, $"could not read the page: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        }
        if (extracted == null)
        {
            cancel.Cancel();
            return ReadItem.Skip(RecordProblem.WholeFile, TimeBox.Reason(timeout));
        }
        if (extracted.NotAnArticle != null)
            return ReadItem.Skip(RecordProblem.WholeFile, extracted.NotAnArticle);
        if (extracted.Body.Length == 0)
            return ReadItem.Skip(RecordProblem.WholeFile, "no article text found in the page");
        PageMetadata m = extracted.Metadata;
        var article = Article.WholeFile(file, extracted.Title, extracted.Body);
        article.Url = m.Url;
        article.Source = m.SiteName;
        article.Author = m.Author;
        article.Published = m.Published;
        article.Section = m.Section;
        article.Language = m.Language;
        article.Tags = m.Tags.ToList();
        return ReadItem.Of(article);
    }
}
