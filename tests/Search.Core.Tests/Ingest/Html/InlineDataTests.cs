using System.Text;
using Search.Core.Ingest;
using Search.Core.Ingest.Html;
using Search.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Html;

/// <summary>Pages saved as one file (SingleFile, Save Page WE) carry their images, fonts and style
/// sheets inline as base64; the payloads are taken out before the page is parsed.</summary>
public sealed class InlineDataTests
{
    /// <summary>Base64 of bytes that are not all one letter, as an image's are.</summary>
    private static string Payload(int bytes, int seed = 7)
    {
        var random = new Random(seed);
        var data = new byte[bytes];
        random.NextBytes(data);
        return Convert.ToBase64String(data);
    }

    /// <summary>A page as SingleFile saves it: the style sheet's background, a font, the images and
    /// a srcset inline, around the page's own markup.</summary>
    private static string SavedAsOneFile(string page, int imageBytes)
    {
        string image = Payload(imageBytes);
        string style = $"<style>@font-face{{font-family:x;src:url(data:font/woff2;base64,{Payload(4096, 3)}) format(\"woff2\")}}" +
            $"body{{background:url(\"data:image/png;base64,{Payload(2048, 5)}\")}}</style>";
        string figure = $"<img src=\"data:image/jpeg;base64,{image}\" srcset=\"data:image/webp;base64,{image[..4000]} 1x, data:image/svg+xml;charset=utf-8;base64,{image[..3000]} 2x\">";
        int head = page.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        page = head < 0 ? style + page : page.Insert(head, style);
        int body = page.IndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return body < 0 ? page + figure : page.Insert(body, figure);
    }

    [Fact]
    public void Every_payload_is_emptied_and_the_rest_of_the_markup_is_kept_as_it_was()
    {
        string image = Payload(3000);
        string html = $"<p>Before</p><img src=\"data:image/jpeg;base64,{image}\" alt=\"Harbour\"><div style=\"background:url(data:image/png;base64,{image[..1200]})\">After</div>";
        Assert.Equal(
            "<p>Before</p><img src=\"data:image/jpeg;base64,\" alt=\"Harbour\"><div style=\"background:url(data:image/png;base64,)\">After</div>",
            InlineData.WithoutPayloads(html));
    }

    [Theory]
    [InlineData("<img src=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\">")] // a spacer: too small to matter
    [InlineData("<p>The file ended in ;base64,QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo= which the court heard.</p>")] // prose, no data: URI
    [InlineData("<a href=\"data:text/plain,The%20council%20met%20on%20Thursday\">note</a>")] // not base64
    public void Markup_without_a_large_base64_data_uri_is_returned_as_it_is(string html) =>
        Assert.Same(html, InlineData.WithoutPayloads(html));

    [Fact]
    public void Prose_that_mentions_base64_keeps_a_long_run_that_is_no_data_uri()
    {
        string run = Payload(600);
        string html = $"<p>The leaked key read ;base64,{run} in the filing.</p>";
        Assert.Same(html, InlineData.WithoutPayloads(html));
    }

    [Fact]
    public void The_seed_article_saved_as_one_file_reads_as_the_page_without_its_inline_images()
    {
        string page = SeedPage.Markup();
        Article plain = ReadOneText(new HtmlArticleReader(), "plain.html", page);
        Article saved = ReadOneText(new HtmlArticleReader(), "saved.html", SavedAsOneFile(page, 2_000_000));
        Assert.True(plain.Body.Length > 1000);
        Assert.Equal(plain.Title, saved.Title);
        Assert.Equal(plain.Body, saved.Body);
    }

    [SharedFact]
    public void Real_news_pages_saved_as_one_file_read_as_the_pages_themselves()
    {
        // The first pages of Readability's news test set (real sites' markup), each with 300 KB of
        // inline images: title, byline, date and text are what the page gives without them.
        string root = SharedCorpus.Path("corpora", "extraction", "readability-news");
        var pages = Directory.GetDirectories(root).Order(StringComparer.Ordinal).Take(12).ToList();
        Assert.Equal(12, pages.Count);
        foreach (string dir in pages)
        {
            string page = File.ReadAllText(Path.Combine(dir, "source.html"));
            Article plain = ReadOneText(new HtmlArticleReader(), "page.html", page);
            Article saved = ReadOneText(new HtmlArticleReader(), "page.html", SavedAsOneFile(page, 300_000));
            Assert.Equal((plain.Title, plain.Author, plain.Published, plain.Body), (saved.Title, saved.Author, saved.Published, saved.Body));
        }
    }

    [Fact]
    public void A_page_saved_as_one_file_costs_about_what_its_markup_costs_not_its_images()
    {
        // Parsed with its payloads, Readability's copies of the markup carried them again and again:
        // this page allocated 16 times its size (4 times now), a 13 MB one took 4 s, a 50 MB one ran out
        // of time with 1.5 GB in use.
        string page = $"<!DOCTYPE html><html><head><title>Council backs harbour budget</title></head><body><article><h1>Council backs harbour budget</h1>{string.Concat(Enumerable.Range(1, 30).Select(i => $"<p>Paragraph {i}: the council said the harbour budget would rise by {i} percent next year, and the mayor welcomed it.</p>"))}</article></body></html>";
        byte[] saved = Encoding.UTF8.GetBytes(SavedAsOneFile(page, 6_000_000));
        long before = GC.GetAllocatedBytesForCurrentThread();
        ExtractedPage extracted = HtmlExtractor.Extract(saved);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.StartsWith("Paragraph 1: the council said", extracted.Body, StringComparison.Ordinal);
        Assert.True(allocated < 8L * saved.Length, $"allocated {allocated:N0} bytes for a page of {saved.Length:N0}");
    }
}
