namespace Search.Core.Ingest.Pdf;

/// <summary>
/// Reads one article per PDF (<c>.pdf</c>, also gzipped), with <see cref="PdfExtractor"/> under a
/// time limit. A PDF that is not a PDF, is damaged or encrypted (with a password to open it; one
/// that only restricts printing or copying is read), has no text layer (a scan), or runs out of
/// time is skipped with that reason; the build goes on. A PDF cut short is read from what it kept
/// (<see cref="PdfRepair"/>). Without a title on the page or
/// in the metadata, the title is the start of the text, as for text files.
/// </summary>
public sealed class PdfArticleReader(TimeSpan timeout) : WholeFileReader
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public PdfArticleReader() : this(DefaultTimeout) { }

    public override string Format => "pdf";

    public override bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".pdf" or ".pdf.gz";

    protected override ReadItem ReadOne(SourceFile file, ReadOnlyMemory<byte> bytes) => ReadPdf(file, bytes);

    /// <summary>The article of one PDF's bytes (gzipped or not), wherever they were stored: a file,
    /// or a web archive's record. The article is keyed as the file's one article; problems are the
    /// whole file's.</summary>
    internal ReadItem ReadPdf(SourceFile file, ReadOnlyMemory<byte> bytes)
    {
        if (Expand(bytes, out ReadOnlyMemory<byte> expanded) is { } notGzip)
            return notGzip;
        byte[] content = expanded.ToArray();
        if (content.Length == 0)
            return ReadItem.Skip(RecordProblem.WholeFile, "empty file");
        if (content.AsSpan(0, Math.Min(content.Length, 1024)).IndexOf("%PDF-"u8) < 0)
            return ReadItem.Skip(RecordProblem.WholeFile, "not a PDF (no %PDF- header)");
        ExtractedPdf? pdf;
        try
        {
            pdf = TimeBox.Run(() => PdfExtractor.Extract(content), timeout);
        }
        catch (UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException)
        {
            return ReadItem.Skip(RecordProblem.WholeFile, "encrypted PDF: it opens only with a password, which the index does not have");
        }
        catch (Exception e) when (e is not (OutOfMemoryException or IOException or UnauthorizedAccessException))
        {
            // PdfPig throws many types for damaged files; each is this one file's problem. A file cut
            // short is read from what it kept, when that holds an article.
            if (Repaired(content) is { } mended)
                pdf = mended;
            else
                return ReadItem.Skip(RecordProblem.WholeFile, $"damaged or unsupported PDF: {IndexingMessage(e)}");
        }
        if (pdf == null)
            return ReadItem.Skip(RecordProblem.WholeFile, TimeBox.Reason(timeout));
        if (pdf.Problem != null)
            return ReadItem.Skip(RecordProblem.WholeFile, pdf.Problem);
        var article = Article.WholeFile(file, pdf.Title, pdf.Body);
        article.Author = pdf.Author;
        article.Published = pdf.Published;
        article.Language = pdf.Language;
        return ReadItem.Of(article);
    }

    /// <summary>The article of a damaged PDF mended by <see cref="PdfRepair"/>, or null when it still
    /// cannot be read or holds no article.</summary>
    private ExtractedPdf? Repaired(byte[] content)
    {
        if (PdfRepair.WithTrailer(content) is not { } mended)
            return null;
        try
        {
            return TimeBox.Run(() => PdfExtractor.Extract(mended), timeout) is { Problem: null } pdf ? pdf : null;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or IOException or UnauthorizedAccessException))
        {
            return null;
        }
    }

    private static string IndexingMessage(Exception e)
    {
        string m = e.Message.ReplaceLineEndings(" ");
        return m.Length > 160 ? m[..160] + "…" : m;
    }
}
