using Search.Core.Ingest.Html;
using Search.Core.Ingest.Pdf;

namespace Search.Core.Ingest.Warc;

/// <summary>
/// Reads web archives (<c>.warc</c>, <c>.warc.gz</c>: what Heritrix, wget <c>--warc-file</c>,
/// Browsertrix, Webrecorder and Common Crawl's news crawl write): one article per archived web
/// page or PDF, read as a saved page or PDF file is. The file is streamed, a record at a time, so
/// an archive of any size is read in bounded memory; pages are extracted on every core, in order.
/// <para>A page's record number is its place among the file's records (<c>crawl.warc.gz#17</c>),
/// which stays as the archive grows. Its address is the page's own canonical URL, else the one it
/// was fetched from. What is not a page is passed over as a folder's images are: requests,
/// metadata, revisits (a capture identical to an earlier one), redirects, errors, images, styles
/// and scripts. A page without an article, and an archive damaged or cut short part-way, are
/// reported with the record's number; what was read before stays.</para>
/// </summary>
public sealed class WarcArticleReader(HtmlArticleReader pages, PdfArticleReader pdfs) : StreamedFileReader
{
    public WarcArticleReader() : this(new HtmlArticleReader(), new PdfArticleReader()) { }

    public override string Format => "warc";

    public override bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".warc" or ".warc.gz";

    protected override IEnumerable<ReadItem> Read(SourceFile file, Stream stream)
    {
        Stream input = Gzip.Expanding(stream);
        var records = new WarcRecordReader(input);
        // Pages in flight, in file order: extraction is most of the work, and one archive has one reader.
        var inFlight = new Queue<Task<ReadItem?>>();
        int window = Math.Max(2, Environment.ProcessorCount);
        try
        {
            while (true)
            {
                Task<ReadItem?>? next = NextPage(file, records, out bool end);
                if (next != null)
                    inFlight.Enqueue(next);
                while (inFlight.Count > 0 && (inFlight.Count >= window || end || inFlight.Peek().IsCompleted))
                {
                    if (inFlight.Dequeue().GetAwaiter().GetResult() is { } item)
                        yield return item;
                }
                if (end)
                    yield break;
            }
        }
        finally
        {
            input.Dispose();
        }
    }

    /// <summary>The next record's work: a page or PDF being extracted, a problem, or null for a
    /// record that is not a page; <paramref name="end"/> when the file has no more to read.</summary>
    private Task<ReadItem?>? NextPage(SourceFile file, WarcRecordReader records, out bool end)
    {
        end = false;
        WarcRecord? record;
        byte[]? block = null;
        try
        {
            record = records.Next();
            if (record == null)
            {
                end = true;
                return Gzip.EndedEarly(records.Input) is { } cut
                    ? Task.FromResult<ReadItem?>(ReadItem.Skip(records.Number + 1, $"{cut}: the records after {records.Number} are missing"))
                    : null;
            }
            if (!MayHoldPage(record))
                return null;
            if (record.Length > Gzip.MaxExpandedBytes)
                return Task.FromResult<ReadItem?>(Problem(record, $"{record.Length >> 20} MB, more than a page's {Gzip.MaxExpandedBytes >> 20} MB"));
            block = records.ReadBlock();
            if (!records.NextRecordFollows())
            {
                // Its bytes are not its document: one problem, its length, not also the document's.
                end = true;
                return Task.FromResult<ReadItem?>(Problem(record, records.WrongLength()));
            }
        }
        catch (WarcFormatException e)
        {
            end = true;
            return Task.FromResult<ReadItem?>(ReadItem.Skip(Math.Max(1, records.Number), e.Message));
        }
        catch (InvalidDataException e)
        {
            end = true;
            return Task.FromResult<ReadItem?>(ReadItem.Skip(Math.Max(1, records.Number), $"corrupt gzip data in record {records.Number} ({e.Message}); the rest of the file is not read"));
        }
        return Task.Run(() => Extract(file, record, block));
    }

    /// <summary>Records that can hold a document: an HTTP response kept whole, or a resource (a
    /// document stored as it is).</summary>
    private static bool MayHoldPage(WarcRecord record) =>
        record.Type is "response" or "resource"
        && record.TargetUri is { } uri
        && (uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase));

    private ReadItem? Extract(SourceFile file, WarcRecord record, byte[] block)
    {
        try
        {
            (string? type, string? charset, ReadOnlyMemory<byte> content) = Content(record, block);
            if (content.IsEmpty)
                return null;
            ReadItem? read = Kind(type, content.Span) switch
            {
                DocumentKind.Page => pages.ReadContent(file, content, charset is null ? null : HtmlCharset.ByName(charset)),
                DocumentKind.Pdf => pdfs.ReadPdf(file, content),
                _ => null,
            };
            if (read is not { } item)
                return null;
            if (item.Problem is { } problem)
                return Problem(record, problem.Reason);
            Article article = item.Article!;
            article.Id = $"{file.RelativePath}#{record.Number}";
            article.Record = record.Number;
            article.Line = record.Number;
            article.Url ??= record.TargetUri;
            return ReadItem.Of(article);
        }
        catch (InvalidDataException e)
        {
            return Problem(record, e.Message);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or IOException or UnauthorizedAccessException))
        {
            // One page the extractor fails on is that page's problem, not the archive's.
            return Problem(record, $"could not read the page ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")})");
        }
    }

    /// <summary>The document a record holds, with its declared type and charset; empty for a
    /// response that is not a success (a redirect, an error page).</summary>
    private static (string? Type, string? Charset, ReadOnlyMemory<byte> Content) Content(WarcRecord record, byte[] block)
    {
        (string? type, string? charset) = HttpPayload.ContentType(record.ContentType);
        if (record.Type == "resource" || type is not ("application/http" or null))
            return (type, charset, block);
        if (HttpPayload.Parse(block) is not { } http || http.Status is < 200 or > 299)
            return (null, null, ReadOnlyMemory<byte>.Empty);
        return (http.MediaType, http.Charset, http.Body);
    }

    private enum DocumentKind { Other, Page, Pdf }

    /// <summary>A page or PDF by its declared type, or by its first bytes when the server declared none
    /// or a generic one.</summary>
    private static DocumentKind Kind(string? type, ReadOnlySpan<byte> content) => type switch
    {
        "text/html" or "application/xhtml+xml" => DocumentKind.Page,
        "application/pdf" or "application/x-pdf" => DocumentKind.Pdf,
        null or "application/octet-stream" or "binary/octet-stream" or "text/plain" => Sniffed(content),
        _ => DocumentKind.Other,
    };

    private static DocumentKind Sniffed(ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> head = content[..Math.Min(content.Length, 1024)];
        if (head.IndexOf("%PDF-"u8) >= 0)
            return DocumentKind.Pdf;
        string start = Encoding.Latin1.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        return start.StartsWith("<!doctype html", StringComparison.Ordinal) || start.StartsWith("<html", StringComparison.Ordinal)
            ? DocumentKind.Page
            : DocumentKind.Other;
    }

    private static ReadItem Problem(WarcRecord record, string reason) =>
        ReadItem.Skip(record.Number, record.TargetUri is { } uri ? $"{uri}: {reason}" : reason);
}
