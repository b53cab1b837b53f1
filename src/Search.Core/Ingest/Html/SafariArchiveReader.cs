namespace Search.Core.Ingest.Html;

/// <summary>
/// Reads pages saved by Safari (<c>.webarchive</c>, its "Web Archive" format, the default of
/// File › Save As on a Mac): a binary property list (<see cref="BinaryPlist"/>) whose main resource
/// holds the page's bytes, the charset Safari read it in and the address it was saved from. The
/// page is read as a saved page is, with that charset and address; its images, styles and frames
/// (sub-resources and sub-frame archives) are parts of the page, not articles.
/// </summary>
public sealed class SafariArchiveReader(HtmlArticleReader pages) : WholeFileReader
{
    public SafariArchiveReader() : this(new HtmlArticleReader()) { }

    public override string Format => "webarchive";

    public override bool CanRead(string extension, ReadOnlySpan<byte> head) => extension == ".webarchive";

    protected override ReadItem ReadOne(SourceFile file, ReadOnlyMemory<byte> bytes)
    {
        if (bytes.IsEmpty)
            return ReadItem.Skip(RecordProblem.WholeFile, "empty file");
        if (!BinaryPlist.IsBinaryPlist(bytes.Span))
            return ReadItem.Skip(RecordProblem.WholeFile, "not a Safari web archive: it is not a binary property list");
        MainResource page;
        try
        {
            var plist = BinaryPlist.Open(bytes);
            Dictionary<string, int>? resource = plist.Dictionary(plist.Top) is { } top && top.TryGetValue("WebMainResource", out int main) ? plist.Dictionary(main) : null;
            if (resource == null || !resource.TryGetValue("WebResourceData", out int data) || plist.Data(data) is not { } content)
                return ReadItem.Skip(RecordProblem.WholeFile, "not a Safari web archive: it holds no main page");
            string? Text(string key) => resource.TryGetValue(key, out int value) ? plist.Text(value) : null;
            page = new MainResource(content, Text("WebResourceMIMEType"), Text("WebResourceTextEncodingName"), Text("WebResourceURL"));
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return ReadItem.Skip(RecordProblem.WholeFile, $"damaged Safari web archive: {e.Message}");
        }
        if (page.MimeType is { } type && !type.Contains("html", StringComparison.OrdinalIgnoreCase))
            return ReadItem.Skip(RecordProblem.WholeFile, $"a Safari web archive of {type}, not of a web page");
        // The extractor takes the saved-from address when the page states none.
        return pages.ReadContent(file, page.Content, page.Charset is null ? null : HtmlCharset.ByName(page.Charset), page.Url);
    }

    private sealed record MainResource(ReadOnlyMemory<byte> Content, string? MimeType, string? Charset, string? Url);
}
