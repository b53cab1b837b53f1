using System.IO.Compression;
using System.Xml;

namespace Search.Core.Ingest.Office;

/// <summary>
/// Reads one article per OpenDocument text (<c>.odt</c>: LibreOffice, OpenOffice, Google Docs'
/// download): its body's paragraphs (<see cref="OpenDocumentText"/>), title and author as
/// <see cref="OfficeArticle"/> chooses them from headings, styles and the stated properties
/// (<c>meta.xml</c>). A file that is not an OpenDocument text (a damaged zip, an encrypted one) or
/// has no text is skipped with the reason.
/// </summary>
public sealed class OdtArticleReader : WholeFileReader
{
    /// <summary>Most bytes the document's text part may expand to (a zip bomb is not read).</summary>
    private const long MaxPartBytes = 256L << 20;

    public override string Format => "odt";

    public override bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".odt" or ".fodt";

    protected override ReadItem ReadOne(SourceFile file, ReadOnlyMemory<byte> bytes)
    {
        List<WordParagraph> paragraphs;
        (string? Title, string? Creator) stated = (null, null);
        try
        {
            if (!bytes.Span.StartsWith("PK"u8))
            {
                // A flat OpenDocument file (.fodt) is the same XML, unzipped: body and properties in one.
                using (var flat = new MemoryStream(bytes.ToArray(), writable: false))
                    paragraphs = OpenDocumentText.Paragraphs(flat);
                using (var flat = new MemoryStream(bytes.ToArray(), writable: false))
                    stated = OfficeArticle.Stated(flat);
                return OfficeArticle.From(file, paragraphs, stated.Title, stated.Creator);
            }
            using var zip = new ZipArchive(new MemoryStream(bytes.ToArray(), writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("content.xml") is not { } content)
                return ReadItem.Skip(RecordProblem.WholeFile, "not an OpenDocument text (no content.xml in the archive)");
            if (content.Length > MaxPartBytes)
                return ReadItem.Skip(RecordProblem.WholeFile, $"the document's text expands to more than {MaxPartBytes >> 20} MB");
            if (zip.GetEntry("META-INF/manifest.xml") is { Length: < 1 << 20 } manifest && Encrypted(manifest))
                return ReadItem.Skip(RecordProblem.WholeFile, "a password-protected document: save it without a password to index it");
            using (var stream = content.Open())
                paragraphs = OpenDocumentText.Paragraphs(stream);
            if (zip.GetEntry("meta.xml") is { Length: < 1 << 20 } meta)
                stated = OfficeArticle.Stated(meta.Open());
        }
        catch (Exception e) when (e is InvalidDataException or XmlException)
        {
            return ReadItem.Skip(RecordProblem.WholeFile, $"damaged OpenDocument file: {e.Message.ReplaceLineEndings(" ")}");
        }
        return OfficeArticle.From(file, paragraphs, stated.Title, stated.Creator);
    }

    /// <summary>Whether the manifest lists encryption data (the parts are then ciphertext).</summary>
    private static bool Encrypted(ZipArchiveEntry manifest)
    {
        using var reader = new StreamReader(manifest.Open());
        return reader.ReadToEnd().Contains("encryption-data", StringComparison.Ordinal);
    }
}
