using System.Text;
using Search.Core.Ingest;
using Search.Core.Ingest.Pdf;
using Search.Core.Tests.Support;
using Search.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Pdf;

/// <summary>PDFs as folders really hold them: locked with a password, cut short by an interrupted
/// download or copy (the QA pass on hostile files).</summary>
public sealed class DamagedPdfTests
{
    private static readonly PdfArticleReader Reader = new();

    /// <summary>A one-page PDF encrypted with AES-256 (qpdf --encrypt secret owner 256): it opens
    /// only with the user password "secret".</summary>
    private static readonly byte[] Locked = Convert.FromBase64String(
        "JVBERi0xLjcKJb/3ov4KMSAwIG9iago8PCAvRXh0ZW5zaW9ucyA8PCAvQURCRSA8PCAvQmFzZVZlcnNpb24gLzEuNyAvRXh0ZW5zaW9uTGV2ZWwgOCA+PiA+PiAvUGFnZXMgMiAwIFIgL1R5cGUgL0NhdGFsb2cgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL0NvdW50IDEgL0tpZHMgWyAzIDAgUiBdIC9UeXBlIC9QYWdlcyA+PgplbmRvYmoKMyAwIG9iago8PCAvQ29udGVudHMgNCAwIFIgL01lZGlhQm94IFsgMCAwIDIwMCAyMDAgXSAvUGFyZW50IDIgMCBSIC9SZXNvdXJjZXMgPDwgL0ZvbnQgPDwgL0YxIDUgMCBSID4+ID4+IC9UeXBlIC9QYWdlID4+CmVuZG9iago0IDAgb2JqCjw8IC9MZW5ndGggODAgL0ZpbHRlciAvRmxhdGVEZWNvZGUgPj4Kc3RyZWFtCgTZKp7Hu51GVh4lO/Uh6YHxUGZuHWGnIVKoTDzi8JSrSgEh+bop14PgHY+Czp92Sp4aG1/10TmXatNzWGNlPV3snT3racqeMlI18hByF6X7ZW5kc3RyZWFtCmVuZG9iago1IDAgb2JqCjw8IC9CYXNlRm9udCAvSGVsdmV0aWNhIC9TdWJ0eXBlIC9UeXBlMSAvVHlwZSAvRm9udCA+PgplbmRvYmoKNiAwIG9iago8PCAvQ0YgPDwgL1N0ZENGIDw8IC9BdXRoRXZlbnQgL0RvY09wZW4gL0NGTSAvQUVTVjMgL0xlbmd0aCAzMiA+PiA+PiAvRmlsdGVyIC9TdGFuZGFyZCAvTGVuZ3RoIDI1NiAvTyA8YjY3NDdlMmU3N2NjYjk4YTNjZTRhYjVjMDI2M2JjMGEzOWUwMmY2YmJhZGM3MzVlMDVjMzE3NTI4YjQ1ZWI3NjJlYmQ0NzZkMmRjODU1ZmFjYmRjMTJjODEzMzkzMDM5PiAvT0UgPDgzMzkxYTFkMjE4ZWY4Yzg5Y2MwNDVmODlmNjg3YzJiZDRmMGU5NWNiYmE2OGI2OGU5NjkzNDM3Y2U2NWU2Yzk+IC9QIC00IC9QZXJtcyA8MDhlNjExOWVhMDcyZmVjZDRhM2Q1M2EzZmIyMWVlNTM+IC9SIDYgL1N0bUYgL1N0ZENGIC9TdHJGIC9TdGRDRiAvVSA8YTBjNjIxNjQ5NzhlZjBiMjdmOTY1MGZjNzdjNTIzNzI5NDk1OWJmOWIwNjE1NTU1ZmVlMmVlMGEwNTY0OTJjNjFkZWE3NTc2Y2RmYWQxOTRkY2UzYjA2Mzk4YjM0NzQ4PiAvVUUgPGEyNDQ2NmIyOGY4NzI4ZmNhOTZkZGUxMTE1ZGJlNDMxYmEyYzFkYjk0YjYyOWVhZDk4OTBhNTRmOWNmYTBmZDM+IC9WIDUgPj4KZW5kb2JqCnhyZWYKMCA3CjAwMDAwMDAwMDAgNjU1MzUgZiAKMDAwMDAwMDAxNSAwMDAwMCBuIAowMDAwMDAwMTMwIDAwMDAwIG4gCjAwMDAwMDAxODkgMDAwMDAgbiAKMDAwMDAwMDMxNyAwMDAwMCBuIAowMDAwMDAwNDY3IDAwMDAwIG4gCjAwMDAwMDA1MzcgMDAwMDAgbiAKdHJhaWxlciA8PCAvUm9vdCAxIDAgUiAvU2l6ZSA3IC9JRCBbPDQyM2QwMGM4NDc3OWFlNjI0Y2QyNmJmNWJlYWUyYWIwPjw0MjNkMDBjODQ3NzlhZTYyNGNkMjZiZjViZWFlMmFiMD5dIC9FbmNyeXB0IDYgMCBSID4+CnN0YXJ0eHJlZgoxMDg0CiUlRU9GCg==");

    private static ReadItem ReadItem(TempDir dir, string name, byte[] bytes) => Assert.Single(Reader.Read(WriteBytes(dir, name, bytes)));

    [Fact]
    public void A_pdf_that_needs_a_password_is_skipped_as_encrypted_not_as_damaged()
    {
        using var dir = new TempDir();
        Assert.Equal("encrypted PDF: it opens only with a password, which the index does not have", ReadItem(dir, "locked.pdf", Locked).Problem?.Reason);
    }

    [Fact]
    public void A_pdf_cut_short_after_its_pages_is_read_from_what_it_kept()
    {
        // An interrupted download loses the end first: the cross-reference table and the trailer.
        byte[] whole = ArticlePdf.Build(pages: 2);
        string text = Encoding.Latin1.GetString(whole);
        int table = text.LastIndexOf("\nxref", StringComparison.Ordinal);
        Assert.True(table > 0);
        using var dir = new TempDir();
        Article cut = ReadOne(Reader, WriteBytes(dir, "cut.pdf", whole[..(table + 20)]));
        Assert.Equal(string.Join("\n\n", ArticlePdf.Paragraphs), cut.Body);
        Assert.Equal(ArticlePdf.Title, cut.Title);
        // Cut inside its pages, it has no article to give: damaged, as before.
        Assert.StartsWith("damaged or unsupported PDF", ReadItem(dir, "half.pdf", whole[..(whole.Length / 3)]).Problem?.Reason);
    }

    [Fact]
    public void The_repair_names_the_last_catalog_and_needs_one()
    {
        byte[] whole = ArticlePdf.Build(pages: 1);
        string text = Encoding.Latin1.GetString(whole);
        byte[] mended = PdfRepair.WithTrailer(whole[..text.LastIndexOf("\nxref", StringComparison.Ordinal)])!;
        Assert.Matches(@"endobj\ntrailer\n<< /Root \d+ 0 R /Size \d+ >>\n%%EOF\n$", Encoding.Latin1.GetString(mended));
        Assert.Null(PdfRepair.WithTrailer(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Page >>\nendobj\n")));
    }
}
