using System.Text;
using Search.Core.Ingest;
using Search.Core.Ingest.Pdf;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Pdf;

public class PdfArticleReaderTests
{
    private static readonly PdfArticleReader Reader = new();

    [Fact]
    public void ReadsColumnsInOrderWithHyphenationUndoneAndRunningTextRemoved()
    {
        using var dir = new TempDir();
        Article a = ReadOne(Reader, WriteBytes(dir, "print/bridge.pdf", ArticlePdf.Build(pages: 2)));
        Assert.Equal(string.Join("\n\n", ArticlePdf.Paragraphs), a.Body);
        Assert.Equal(ArticlePdf.Title, a.Title);
        Assert.Equal("Maria Keller", a.Author);
        Assert.Equal("2021-05-11", a.Published);
        Assert.Equal("print/bridge.pdf", a.Id);
    }

    [Fact]
    public void DocumentInfoIsTheFallbackForTitleAndAuthor()
    {
        using var dir = new TempDir();
        // The heading printed on the page wins over the Info dictionary...
        Article laidOut = ReadOne(Reader, WriteBytes(dir, "a.pdf", ArticlePdf.Build(pages: 1, infoTitle: "Bridge vote", infoAuthor: "City desk")));
        Assert.Equal(ArticlePdf.Title, laidOut.Title);
        Assert.Equal("Maria Keller", laidOut.Author);
        // ...and without one, Info gives title and author; file names there are not titles.
        Article plain = ReadOne(Reader, WriteBytes(dir, "b.pdf", ArticlePdf.Build(pages: 1, infoTitle: "Bridge vote", infoAuthor: "City desk", heading: false)));
        Assert.Equal("Bridge vote", plain.Title);
        Assert.Equal("City desk", plain.Author);
        Assert.Null(plain.Published);
        Assert.StartsWith(ArticlePdf.Paragraphs[0], plain.Body);
        Article named = ReadOne(Reader, WriteBytes(dir, "c.pdf", ArticlePdf.Build(pages: 1, infoTitle: "Microsoft Word - bridge.docx", heading: false)));
        Assert.Equal("The city council voted on Monday to build a second bridge across the river, ending a debate that…", named.Title);
    }

    [Fact]
    public void TheLanguageADocumentDeclaresWinsOverTheTextsOwn()
    {
        using var dir = new TempDir();
        // Undeclared, the (English) text tells; declared, the declaration wins, as ISO 639-1.
        Assert.Equal("en", ReadOne(Reader, WriteBytes(dir, "plain.pdf", ArticlePdf.Build(pages: 1))).Language);
        // The catalog's /Lang, as browsers write it when they print a page (the xref offsets move;
        // readers of damaged files, PdfPig included, find the objects again).
        string pdf = Encoding.Latin1.GetString(ArticlePdf.Build(pages: 1));
        Assert.Contains("/Type /Catalog", pdf, StringComparison.Ordinal);
        byte[] declared = Encoding.Latin1.GetBytes(pdf.Replace("/Type /Catalog", "/Type /Catalog /Lang (de-AT)", StringComparison.Ordinal));
        Article a = ReadOne(Reader, WriteBytes(dir, "lang.pdf", declared));
        Assert.Equal("de", a.Language);
        Assert.Equal(ArticlePdf.Title, a.Title);
    }

    [Fact]
    public void ScansAndNonPdfsAreSkippedWithTheirReason()
    {
        using var dir = new TempDir();
        Assert.Equal("scanned PDF: no text layer (pages are images; OCR is not done)", Problem(WriteBytes(dir, "scan.pdf", ArticlePdf.Scanned())));
        Assert.Equal("not a PDF (no %PDF- header)", Problem(WriteBytes(dir, "fake.pdf", Encoding.UTF8.GetBytes("<html>not a pdf</html>"))));
        byte[] whole = ArticlePdf.Build();
        Assert.StartsWith("damaged or unsupported PDF", Problem(WriteBytes(dir, "cut.pdf", whole[..(whole.Length / 3)])) ?? "damaged or unsupported PDF (read as text)");
        Assert.Equal("empty file", Problem(WriteBytes(dir, "empty.pdf.gz", ReaderTestKit.Gzipped([]))));
    }

    private static string? Problem(SourceFile file) => Assert.Single(Reader.Read(file)).Problem?.Reason;
}
