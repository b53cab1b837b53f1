namespace Search.Core.Ingest;

/// <summary>How <see cref="ReaderRegistry.Resolve(string, ReadOnlySpan{byte})"/> classified a file.</summary>
public enum FileDisposition
{
    /// <summary>A reader takes the file.</summary>
    Read,
    /// <summary>Not a format the indexer handles (NOTICE.md, images): skipped, not an error.</summary>
    Ignored,
    /// <summary>A handled extension but 0 bytes of content: reported as "empty file".</summary>
    Empty,
    /// <summary>A handled extension with binary content: reported as "binary file".</summary>
    Binary,
    /// <summary>A handled extension whose text is not of its format (a <c>.json</c> holding a number):
    /// reported with what it holds.</summary>
    NotArticles,
}

/// <summary>The outcome of resolving a file: its disposition, the reader when it is
/// <see cref="FileDisposition.Read"/>, and a short reason otherwise.</summary>
public readonly record struct ReaderResolution(FileDisposition Disposition, IArticleReader? Reader, string? Reason)
{
    /// <summary>A text export gzipped (<c>news.jsonl.gz</c>): its reader reads it through gunzip
    /// (<see cref="SourceFile.Gzipped"/>).</summary>
    public bool Gzipped { get; init; }

    /// <summary>Empty and binary files, and files not of their format, are problems to report;
    /// ignored files are not.</summary>
    public bool IsProblem => Disposition is FileDisposition.Empty or FileDisposition.Binary or FileDisposition.NotArticles;
}

/// <summary>
/// Picks the reader for a file from its extension and first bytes. Immutable and thread-safe: one
/// instance serves parallel indexing.
/// </summary>
public sealed class ReaderRegistry
{
    private readonly IArticleReader[] _readers;

    public ReaderRegistry(IEnumerable<IArticleReader> readers) => _readers = readers.ToArray();

    /// <summary>Text (.txt, .text), Markdown with front matter (.md, .markdown), CSV (.csv, and .tsv tab-separated), JSON Lines (.jsonl, .ndjson, line-per-object .json),
    /// JSON documents (.json holding an array of articles or one pretty-printed article), XML news
    /// (feeds: .rss, .atom, .xml; wire stories: NITF, NewsML-G2; Reuters' SGML archive, .sgm), web pages
    /// (.html, .htm, .xhtml, gzipped or not; saved as one file, .mhtml, .mht, and Safari's .webarchive), PDF (.pdf), Word (.docx), OpenDocument (.odt), RTF (.rtf, and Word's RTF saved as .doc), Excel (.xlsx), e-mail
    /// (.eml, mailboxes), web archives (.warc, .warc.gz) and the files inside a .zip or tar archive (.tar, .tar.gz, .tgz); the text
    /// formats gzipped too (.jsonl.gz).</summary>
    public static ReaderRegistry Default { get; } =
        new([new TextArticleReader(), new MarkdownArticleReader(), new CsvArticleReader(), new JsonLinesArticleReader(), new JsonDocumentArticleReader(), new Xml.XmlNewsReader(), new Xml.ReutersSgmlReader(), new Html.HtmlArticleReader(), new Html.MhtmlArticleReader(), new Html.SafariArchiveReader(), new Pdf.PdfArticleReader(), new Office.DocxArticleReader(), new Office.DocArticleReader(), new Office.OdtArticleReader(), new Office.XlsxArticleReader(), new Office.XlsArticleReader(), new Office.RtfArticleReader(), new Warc.WarcArticleReader(), new Mail.EmlArticleReader(), new Mail.MboxArticleReader(), new Mail.MsgArticleReader(), new Archives.ZipArticleReader(), new Archives.TarArticleReader()]);

    public IReadOnlyList<IArticleReader> Readers => _readers;

    /// <summary>Resolves a file, reading its head (up to <see cref="TextDecoding.HeadSize"/> bytes) from disk.</summary>
    public ReaderResolution Resolve(SourceFile file) => Resolve(file.FullPath, TextDecoding.ReadHead(file.FullPath));

    /// <summary>Resolves a file from its path (for the extension) and its first bytes.</summary>
    public ReaderResolution Resolve(string path, ReadOnlySpan<byte> head)
    {
        string extension = ExtensionOf(path);
        // Readers that look at content look at UTF-8; a UTF-16 file (PowerShell 5 writes JSON so)
        // is shown to them as the UTF-8 of its start.
        ReadOnlySpan<byte> probe = Utf16Bom(head) is { } utf16
            ? System.Text.Encoding.UTF8.GetBytes(utf16.GetString(head[2..(2 + ((head.Length - 2) & ~1))]))
            : head;
        IArticleReader? reader = null;
        foreach (IArticleReader candidate in _readers)
        {
            if (candidate.CanRead(extension, probe))
            {
                reader = candidate;
                break;
            }
        }
        if (reader == null && extension.EndsWith(".gz", StringComparison.Ordinal) && (Gzip.IsGzip(head) || head.IsEmpty))
            return ResolveGzipped(path, extension[..^3], head);
        if (reader == null)
        {
            if (!_readers.Any(r => r.CanRead(extension, "{}"u8)))
                return new(FileDisposition.Ignored, null, extension.Length == 0 ? "ignored: no extension" : $"ignored: {extension} is not an article format");
            // A .json that no JSON reader takes: a reader's file all the same, so a problem to report.
            if (IsBlank(probe))
                return new(FileDisposition.Empty, null, "empty file");
            return TextDecoding.Sniff(head).Kind == TextKind.Binary
                ? new(FileDisposition.Binary, null, "binary file")
                : new(FileDisposition.NotArticles, null, NotArticles(probe));
        }
        // Readers of bytes (PDF, gzip) see binary content by design; only emptiness is decided here.
        if (reader is IBinaryArticleReader)
            return head.IsEmpty ? new(FileDisposition.Empty, null, "empty file") : new(FileDisposition.Read, reader, null);
        return TextDecoding.Sniff(head).Kind switch
        {
            TextKind.Empty => new(FileDisposition.Empty, null, "empty file"),
            TextKind.Binary => new(FileDisposition.Binary, null, "binary file"),
            _ => new(FileDisposition.Read, reader, null),
        };
    }

    /// <summary>A gzipped text export (<c>.csv.gz</c>, <c>.jsonl.gz</c>, <c>.json.gz</c>, <c>.txt.gz</c>):
    /// resolved as the file inside, from the start of its expansion. (Web pages and PDFs take their
    /// <c>.gz</c> forms themselves.)</summary>
    private ReaderResolution ResolveGzipped(string path, string inner, ReadOnlySpan<byte> head)
    {
        if ((head.IsEmpty ? [] : Gzip.Head(head, TextDecoding.HeadSize)) is not { } expanded)
            return new(FileDisposition.Binary, null, "corrupt gzip data");
        var resolution = Resolve(path[..^3], expanded);
        return resolution.Reader is IBinaryArticleReader and not StreamedFileReader { ReadsGzipped: true }
            ? new(FileDisposition.Ignored, null, $"ignored: {inner}.gz is not an article format")
            : resolution with { Gzipped = resolution.Disposition == FileDisposition.Read };
    }

    private static System.Text.Encoding? Utf16Bom(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? System.Text.Encoding.Unicode
        : head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? System.Text.Encoding.BigEndianUnicode
        : null;

    /// <summary>What a JSON file holds instead of an article object or a list of them.</summary>
    private static string NotArticles(ReadOnlySpan<byte> head)
    {
        head = Content(head);
        string holds = head[0] switch
        {
            (byte)'"' => "a string",
            (byte)'-' or (>= (byte)'0' and <= (byte)'9') => "a number",
            (byte)'t' or (byte)'f' => "true or false",
            (byte)'n' => "null",
            _ => $"text that is not JSON (it starts with '{System.Text.Encoding.UTF8.GetString(head[..Math.Min(head.Length, 12)]).Split('\n')[0]}')",
        };
        return $"no articles: the JSON holds {holds}, not an article object or a list of them";
    }

    private static bool IsBlank(ReadOnlySpan<byte> head) => Content(head).IsEmpty;

    /// <summary>Where the content starts: after a UTF-8 byte-order mark and blank space.</summary>
    private static ReadOnlySpan<byte> Content(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            head = head[3..];
        return head.TrimStart(" \t\r\n"u8);
    }

    /// <summary>The lower-case extension with its dot; for a gzipped file, the inner one too
    /// (<c>page.html.gz</c> → <c>.html.gz</c>).</summary>
    public static string ExtensionOf(string path)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".gz")
            extension = Path.GetExtension(Path.GetFileNameWithoutExtension(path)).ToLowerInvariant() + extension;
        return extension;
    }
}
