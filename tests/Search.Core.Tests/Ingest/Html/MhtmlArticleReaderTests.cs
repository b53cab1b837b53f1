using System.Text;
using Search.Core.Ingest;
using Search.Core.Ingest.Html;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Html;

/// <summary>Pages saved as one file (.mhtml, .mht): the page is read, not the images, styles and
/// frames saved with it. They were ignored as "not an article format".</summary>
public sealed class MhtmlArticleReaderTests
{
    private const string Url = "https://coastal-times.example/news/harbour-reopens";

    private static string Page(string charsetMeta) => $"""
        <!DOCTYPE html><html lang="en"><head>{charsetMeta}<title>Harbour reopens after the storm | Coastal Times</title>
        <meta name="author" content="Tom Berg"><meta property="article:published_time" content="2022-10-03T07:00:00+02:00"></head>
        <body><nav><a href="/">Home</a></nav><article><h1>Harbour reopens after the storm</h1>
        <p>The harbour reopened to ferries on Monday morning, two days after the storm tore through the town and sank three fishing boats at their moorings.</p>
        <p>Divers spent Sunday checking the quay walls, and the port authority said that the café on the pier would stay closed until its roof was repaired.</p>
        </article><iframe src="https://ads.example/frame"></iframe></body></html>
        """;

    /// <summary>As Chrome and Edge save "Webpage, Single File": the page quoted-printable, its
    /// image base64, an ad frame as another HTML part after it.</summary>
    [Fact]
    public void A_page_saved_by_chrome_as_one_file_reads_as_its_article()
    {
        const string boundary = "----MultipartBoundary--x5Pz1Xc6fUVPgUSGl6nHIivj9nNkjqVIsGWVDy0SfL----";
        string mhtml = $"From: <Saved by Blink>\r\nSnapshot-Content-Location: {Url}\r\nSubject: Harbour reopens after the storm | Coastal Times\r\n" +
            $"Date: Tue, 4 Oct 2022 09:12:01 +0200\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"{boundary}\"\r\n\r\n\r\n" +
            $"--{boundary}\r\nContent-Type: text/html\r\nContent-ID: <frame-8A3E@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: {Url}\r\n\r\n" +
            QuotedPrintable(Encoding.UTF8.GetBytes(Page("<meta charset=\"utf-8\">"))) + "\r\n" +
            $"--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://coastal-times.example/logo.png\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\r\n" +
            $"--{boundary}\r\nContent-Type: text/html\r\nContent-ID: <frame-ad@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://ads.example/frame\r\n\r\n<html><body><p>Advertisement</p></body></html>\r\n" +
            $"--{boundary}--\r\n";
        Article article = Read("harbour.mhtml", Encoding.ASCII.GetBytes(mhtml));
        Assert.Equal("Harbour reopens after the storm", article.Title);
        Assert.Equal("Tom Berg", article.Author);
        Assert.Equal("2022-10-03", article.Published);
        Assert.Equal(Url, article.Url);
        Assert.StartsWith("The harbour reopened to ferries on Monday morning", article.Body);
        Assert.Contains("the café on the pier", article.Body);
        Assert.DoesNotContain("Advertisement", article.Body);
    }

    /// <summary>As Word saves "Single File Web Page": the part's charset (here Windows-1250, which
    /// would read as Windows-1252 without it) and the page declares none.</summary>
    [Fact]
    public void A_single_file_web_page_reads_with_its_parts_charset()
    {
        byte[] page = CodePagesEncodingProvider.Instance.GetEncoding(1250)!.GetBytes(Page("").Replace("the café on the pier", "Matovič's café on the pier"));
        string head = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01D8D7A1.5C4F2B40\"\r\n\r\nThis document is a Single File Web Page, also known as a Web Archive file.\r\n\r\n" +
            "------=_NextPart_01D8D7A1.5C4F2B40\r\nContent-Location: file:///C:/D0B5E1A2/harbour.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"windows-1250\"\r\n\r\n";
        byte[] mht = [.. Encoding.ASCII.GetBytes(head), .. Encoding.ASCII.GetBytes(QuotedPrintable(page)), .. "\r\n------=_NextPart_01D8D7A1.5C4F2B40--\r\n"u8];
        Article article = Read("harbour.mht", mht);
        Assert.Contains("Matovič's café on the pier", article.Body);
        Assert.Equal("file:///C:/D0B5E1A2/harbour.htm", article.Url);
    }

    /// <summary>The root part named by <c>start</c> wins over an HTML part before it; base64 parts.</summary>
    [Fact]
    public void The_part_that_start_names_is_the_page()
    {
        string frame = Convert.ToBase64String(Encoding.UTF8.GetBytes("<html><body><p>Advertisement frame with enough words to pass for a very short article, but it is only an advert.</p></body></html>"), Base64FormattingOptions.InsertLineBreaks);
        string page = Convert.ToBase64String(Encoding.UTF8.GetBytes(Page("<meta charset=\"utf-8\">")), Base64FormattingOptions.InsertLineBreaks);
        string mhtml = "MIME-Version: 1.0\nContent-Type: multipart/related; start=\"<page@x>\"; boundary=b1\n\n" +
            $"--b1\nContent-Type: text/html\nContent-ID: <frame@x>\nContent-Transfer-Encoding: base64\n\n{frame}\n" +
            $"--b1\nContent-Type: text/html; charset=utf-8\nContent-ID: <page@x>\nContent-Transfer-Encoding: base64\n\n{page}\n--b1--\n";
        Article article = Read("harbour.mhtml", Encoding.ASCII.GetBytes(mhtml));
        Assert.Equal("Harbour reopens after the storm", article.Title);
    }

    [Fact]
    public void An_archive_without_a_page_is_skipped_with_the_reason()
    {
        using var dir = new TempDir();
        string mhtml = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n";
        var problem = Assert.Single(new MhtmlArticleReader().Read(WriteText(dir, "logo.mhtml", mhtml))).Problem!;
        Assert.Equal("not a saved web page: no HTML part in the MIME archive", problem.Reason);
        Assert.Equal("mhtml", ReaderRegistry.Default.Resolve("page.mht", "MIME"u8).Reader!.Format);
    }

    private static Article Read(string name, byte[] bytes)
    {
        using var dir = new TempDir();
        return ReadOne(new MhtmlArticleReader(), WriteBytes(dir, name, bytes));
    }

    /// <summary>Quoted-printable as mail and MHTML writers write it: lines of at most 76
    /// characters ending in a soft break, '=' and bytes outside printable ASCII as =XX.</summary>
    private static string QuotedPrintable(byte[] bytes)
    {
        var output = new StringBuilder();
        int column = 0;
        foreach (byte b in bytes)
        {
            string piece = b == '\n' ? "\r\n" : b is (>= 33 and <= 126 and not (byte)'=') or (byte)' ' ? ((char)b).ToString() : b == '\r' ? "" : $"={b:X2}";
            if (piece == "\r\n")
            {
                output.Append(piece);
                column = 0;
                continue;
            }
            if (column + piece.Length > 75)
            {
                output.Append("=\r\n");
                column = 0;
            }
            output.Append(piece);
            column += piece.Length;
        }
        return output.ToString();
    }
}
