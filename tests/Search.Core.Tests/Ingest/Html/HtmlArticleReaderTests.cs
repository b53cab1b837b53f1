using System.Text;
using Search.Core.Ingest;
using Search.Core.Ingest.Html;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Html;

public class HtmlArticleReaderTests
{
    private static readonly HtmlArticleReader Reader = new();

    /// <summary>A news page as sites publish them: metadata in JSON-LD and Open Graph, a menu, a
    /// share bar, a photo with caption, a byline and timestamp line, related links and a footer.</summary>
    internal const string NewsPage = """
        <!DOCTYPE html>
        <html lang="en-GB"><head>
        <meta charset="utf-8">
        <title>Flood waters rise in the valley | The Example Herald</title>
        <meta property="og:title" content="Flood waters rise in the valley | The Example Herald">
        <meta property="og:site_name" content="The Example Herald">
        <meta property="article:section" content="World">
        <meta property="article:tag" content="floods">
        <meta property="article:tag" content="weather">
        <link rel="canonical" href="https://www.example-herald.com/world/2021/03/04/flood-waters-rise">
        <script type="application/ld+json">
        <![CDATA[
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "The Example Herald"},
          {"@type": "NewsArticle", "headline": "Flood waters rise in the valley",
           "author": [{"@type": "Person", "name": "Jane Smith"}, {"@type": "Organization", "name": "Example Herald Staff"}],
           "datePublished": "2021-03-04T09:30:00+01:00", "publisher": {"@type": "Organization", "name": "The Example Herald"}}
        ]}
        ]]>
        </script>
        </head><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
        <article>
          <h1>Flood waters rise in the valley</h1>
          <p class="byline">By Jane Smith</p>
          <p class="timestamp">Published March 4, 2021</p>
          <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
          <p>Rivers across the valley burst their banks on Thursday after three days of heavy rain, forcing hundreds of families to leave their homes before dawn.</p>
          <figure><img src="flood.jpg"><figcaption>Residents wade through a flooded street. Photo: John Doe</figcaption></figure>
          <p>Emergency crews worked through the night to reinforce the embankments, and the regional council opened two schools as shelters for those who had nowhere else to go.</p>
          <p>Forecasters expect the rain to ease by the weekend, but warned that the water would keep rising downstream for several days as the flood moves toward the coast.</p>
          <div class="related-articles"><h3>Related</h3><ul><li><a href="/a">Storm hits the coast</a></li><li><a href="/b">Rain record broken</a></li></ul></div>
        </article>
        <footer>© 2021 The Example Herald. All rights reserved.</footer>
        </body></html>
        """;

    private static Article ReadPage(TempDir dir, string name, byte[] bytes) => ReadOne(Reader, WriteBytes(dir, name, bytes));

    [Fact]
    public void ReadsTheArticleAndItsMetadataWithoutPageFurniture()
    {
        using var dir = new TempDir();
        Article a = ReadPage(dir, "world/flood.html", Encoding.UTF8.GetBytes(NewsPage));
        Assert.Equal("Flood waters rise in the valley", a.Title);
        Assert.Equal("Jane Smith", a.Author);
        Assert.Equal("2021-03-04", a.Published);
        Assert.Equal("The Example Herald", a.Source);
        Assert.Equal("https://www.example-herald.com/world/2021/03/04/flood-waters-rise", a.Url);
        Assert.Equal("world", a.Section);
        Assert.Equal("en", a.Language); // the page says en-GB; the language facet holds ISO 639-1 codes
        Assert.Equal(["floods", "weather"], a.Tags);
        Assert.Equal("world/flood.html", a.Id);
        Assert.StartsWith("Rivers across the valley burst their banks", a.Body);
        Assert.Contains("\n\nEmergency crews worked through the night", a.Body);
        Assert.EndsWith("as the flood moves toward the coast.", a.Body);
        foreach (string furniture in (string[])["Share on", "Photo: John Doe", "Residents wade", "Storm hits", "All rights reserved", "Published March", "By Jane"])
            Assert.DoesNotContain(furniture, a.Body);
    }

    [Fact]
    public void GzippedPagesReadTheSameAsPlainOnes()
    {
        using var dir = new TempDir();
        byte[] plain = Encoding.UTF8.GetBytes(NewsPage);
        Article expected = ReadPage(dir, "a.html", plain);
        Article zipped = ReadPage(dir, "b.html.gz", Gzipped(plain));
        Article saved = ReadPage(dir, "c.html", Gzipped(plain)); // a gzip body saved under .html
        foreach (Article a in (Article[])[zipped, saved])
        {
            Assert.Equal(expected.Title, a.Title);
            Assert.Equal(expected.Body, a.Body);
            Assert.Equal(expected.Published, a.Published);
        }
    }

    public static TheoryData<string, string, string> Charsets => new()
    {
        // declared charset, encoding of the bytes, why
        { "windows-1252", "utf-8", "UTF-8 bytes under a windows-1252 meta tag" },
        { "utf-8", "windows-1252", "Windows-1252 bytes under a utf-8 meta tag" },
        { "", "windows-1252", "no declaration, legacy bytes" },
        { "iso-8859-1", "windows-1252", "Latin-1 label: curly quotes are Windows-1252" },
        { "koi8-r", "koi8-r", "a declared legacy Cyrillic page" },
    };

    [Theory]
    [MemberData(nameof(Charsets))]
    public void DecodesWhatTheBytesAreNotWhatThePageSays(string declared, string actual, string why)
    {
        string text = actual == "koi8-r" ? "Москва: снег идёт весь день, и город стоит в пробках." : "Le café “Zoë” a rouvert après des mois de travaux à Montréal.";
        string html = $"""<html><head>{(declared.Length > 0 ? $"<meta charset=\"{declared}\">" : "")}<title>T</title></head><body><article><h1>Headline</h1><p>{text} {text}</p><p>{text}</p></article></body></html>""";
        Encoding encoding = actual == "utf-8" ? new UTF8Encoding(false) : CodePagesEncodingProvider.Instance.GetEncoding(actual)!;
        using var dir = new TempDir();
        Article a = ReadPage(dir, "p.html", encoding.GetBytes(html));
        Assert.True(a.Body.Contains(text, StringComparison.Ordinal), why + ": " + a.Body);
    }

    [Fact]
    public void DatesComeFromTimeElementsThenTheUrlWhenMetadataHasNone()
    {
        using var dir = new TempDir();
        string Page(string head, string header) => $"""
            <html><head>{head}<title>Storm</title></head><body><article><header><h1>Storm closes the harbour</h1>{header}</header>
            <p>The harbour was closed to all shipping on Tuesday as winds reached ninety kilometres an hour along the coast, the port authority said.</p>
            <p>Ferries to the islands were cancelled and will resume when the wind drops, which forecasters expect on Thursday morning.</p></article></body></html>
            """;
        Assert.Equal("2020-11-17", ReadPage(dir, "a.html", Encoding.UTF8.GetBytes(Page("", "<time datetime=\"2020-11-17T08:00:00-05:00\">Tuesday</time>"))).Published);
        Assert.Equal("2019-06-02", ReadPage(dir, "b.html", Encoding.UTF8.GetBytes(Page("<link rel=canonical href=\"https://news.example.org/2019/06/02/storm\">", ""))).Published);
        Assert.Equal("2018-01-09", ReadPage(dir, "c.html", Encoding.UTF8.GetBytes(Page("", "<span class=\"post-date\">Posted on January 9, 2018</span>"))).Published);
        Assert.Null(ReadPage(dir, "d.html", Encoding.UTF8.GetBytes(Page("", ""))).Published);
    }

    [Fact]
    public void BrokenPagesAreSkippedWithTheirReason()
    {
        using var dir = new TempDir();
        Assert.Equal("binary file", Problem(WriteBytes(dir, "a.html", [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x00, 0x00])));
        Assert.StartsWith("not valid gzip", Problem(WriteBytes(dir, "b.html.gz", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xFF, 0xFF, 0xFF, 0xFF])));
        Assert.Equal("no article text found in the page", Problem(WriteBytes(dir, "c.html", Encoding.UTF8.GetBytes("<html><head><title>x</title></head><body></body></html>"))));
        Assert.Equal("empty file", Problem(WriteBytes(dir, "d.html.gz", Gzipped([]))));
    }

    [Fact]
    public void FramesSavedWithAPageAreItsPartsNotArticles()
    {
        using var dir = new TempDir();
        WriteBytes(dir, "Flood.html", Encoding.UTF8.GetBytes(NewsPage));
        Directory.CreateDirectory(Path.Combine(dir.Path, "Flood_files"));
        SourceFile frame = WriteBytes(dir, "Flood_files/ad-frame.html", Encoding.UTF8.GetBytes(NewsPage));
        Assert.Equal("part of the saved page Flood.html (a frame saved with it), not an article", Problem(frame));
        // Without the page beside it, a folder ending in _files is just a folder.
        Directory.CreateDirectory(Path.Combine(dir.Path, "Other_files"));
        Assert.Null(Problem(WriteBytes(dir, "Other_files/story.html", Encoding.UTF8.GetBytes(NewsPage))));
        Assert.Equal("Flood waters rise in the valley", ReadPage(dir, "Flood.html", Encoding.UTF8.GetBytes(NewsPage)).Title);
    }

    [Fact]
    public void PagesWithoutAnArticleAreSkippedWithTheirReason()
    {
        using var dir = new TempDir();
        string ad = "<html><head><title>Advertisement</title></head><body><div><p>Advertisement</p><a href=\"https://ads.example.com/c\"><img src=\"ad.gif\"></a></div></body></html>";
        Assert.Equal("no article in the page: only 1 word of text (an ad frame, a menu or an empty page)", Problem(WriteBytes(dir, "ad.html", Encoding.UTF8.GetBytes(ad))));
        string redirect = "<html><head><meta http-equiv=\"refresh\" content=\"0; url=https://www.example.org/news/story\"></head><body><p>You are being redirected to the new address of this story. If nothing happens, follow the link below to read it on our new site.</p></body></html>";
        Assert.Equal("a redirect page (to https://www.example.org/news/story), not an article", Problem(WriteBytes(dir, "moved.html", Encoding.UTF8.GetBytes(redirect))));
        var menu = new StringBuilder("<html><body><div class=\"content\"><p>Sections of the site, updated daily, with every story we publish.</p><ul>");
        foreach (string section in (string[])["World news and analysis", "Business and markets today", "Sport results and fixtures", "Science and environment", "Culture, books and film", "Travel guides and reviews", "Opinion and letters", "Weather forecast for the week"])
            menu.Append("<li><a href=\"/x\">").Append(section).Append("</a></li>");
        menu.Append("</ul></div></body></html>");
        Assert.StartsWith("no article in the page", Problem(WriteBytes(dir, "menu.html", Encoding.UTF8.GetBytes(menu.ToString()))));
    }

    [Fact]
    public void APageThatTakesTooLongIsSkippedAsTimedOut()
    {
        using var dir = new TempDir();
        var page = new StringBuilder("<html><body><article>");
        for (int i = 0; i < 3000; i++)
            page.Append("<div><p>Paragraph ").Append(i).Append(" of a very long page, with words, commas, and more words.</p></div>");
        page.Append("</article></body></html>");
        var hurried = new HtmlArticleReader(TimeSpan.FromMilliseconds(1));
        ReadItem item = Assert.Single(hurried.Read(WriteBytes(dir, "long.html", Encoding.UTF8.GetBytes(page.ToString()))));
        Assert.Equal("timed out: extraction took longer than 0 s", item.Problem?.Reason);
    }

    private static string? Problem(SourceFile file) => Assert.Single(Reader.Read(file)).Problem?.Reason;
}
