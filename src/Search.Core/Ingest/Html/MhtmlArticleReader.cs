namespace Search.Core.Ingest.Html;

/// <summary>
/// Reads pages saved as one file (<c>.mhtml</c>, <c>.mht</c>: Chrome's and Edge's "Webpage, Single
/// File", Word's "Single File Web Page"; MIME <c>multipart/related</c>, RFC 2557): the page itself
/// is the root part (the one <c>start</c> names, else the first HTML part), decoded from
/// quoted-printable or base64 and read as a saved page is, with the charset its part declares.
/// Images, styles and frames saved with it are parts of the page, not articles. The page's address
/// is its canonical URL, else the one it was saved from (<c>Snapshot-Content-Location</c>, the
/// root part's <c>Content-Location</c>).
/// </summary>
public sealed class MhtmlArticleReader(HtmlArticleReader pages) : WholeFileReader
{
    public MhtmlArticleReader() : this(new HtmlArticleReader()) { }

    public override string Format => "mhtml";

    public override bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".mhtml" or ".mht" or ".mhtml.gz" or ".mht.gz";

    protected override ReadItem ReadOne(SourceFile file, ReadOnlyMemory<byte> bytes)
    {
        if (Expand(bytes, out ReadOnlyMemory<byte> content) is { } notGzip)
            return notGzip;
        if (MimeParts.Root(content.Span) is not { } root)
            return ReadItem.Skip(RecordProblem.WholeFile, "not a saved web page: no HTML part in the MIME archive");
        ReadItem item = pages.ReadContent(file, root.Body, root.Charset is null ? null : HtmlCharset.ByName(root.Charset), root.Location);
        if (item.Article is { } article)
            article.Url ??= root.Location;
        return item;
    }
}
