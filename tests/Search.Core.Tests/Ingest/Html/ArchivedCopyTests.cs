using System.Text;
using System.Text.RegularExpressions;
using Search.Core.Ingest;
using Search.Core.Ingest.Html;
using Search.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Html;

/// <summary>Pages saved from a web archive's replay (the Wayback Machine and the archives that run
/// its software) are the articles at the addresses they archive.</summary>
public sealed partial class ArchivedCopyTests
{
    [Theory]
    [InlineData("https://web.archive.org/web/20230518093012/https://www.bbc.com/news/world-europe-65627285", "https://www.bbc.com/news/world-europe-65627285")]
    [InlineData("http://web.archive.org/web/20150724053609id_/http://www.bbc.com/news/world-us-canada-33646704", "http://www.bbc.com/news/world-us-canada-33646704")]
    [InlineData("https://web.archive.org/web/20230518093012/www.lemonde.fr/planete/article/2023/05/17/inondations.html", "http://www.lemonde.fr/planete/article/2023/05/17/inondations.html")]
    [InlineData("https://web.archive.org/web/2019/https:/www.reuters.com/article/us-italy-floods-idUSKBN1", "https://www.reuters.com/article/us-italy-floods-idUSKBN1")]
    [InlineData("https://wayback.archive-it.org/4413/20200301120000/https://www.theguardian.com/world/2020/mar/01/story", "https://www.theguardian.com/world/2020/mar/01/story")]
    [InlineData("https://webarchive.nationalarchives.gov.uk/ukgwa/20230101000000/https://www.gov.uk/government/news/flood-warning", "https://www.gov.uk/government/news/flood-warning")]
    [InlineData("https://arquivo.pt/wayback/20191004150055/https://www.publico.pt/2019/10/04/politica/noticia", "https://www.publico.pt/2019/10/04/politica/noticia")]
    public void A_replay_address_gives_the_address_it_archives(string replay, string original) =>
        Assert.Equal(original, ArchivedCopy.Original(replay));

    [Theory]
    [InlineData("https://www.nytimes.com/2023/05/17/world/europe/italy-floods.html")]
    [InlineData("https://example.com/releases/2023/v1.2/notes")] // a dotted segment after a year: no scheme, no 14-digit time
    [InlineData("https://www.site.com/news/20230518093012/update-on-the-floods")]
    [InlineData("https://www.site.com/story/1234/https-everywhere-explained")]
    [InlineData("not a url")]
    public void An_ordinary_address_is_no_replay(string url) => Assert.Null(ArchivedCopy.Original(url));

    [Fact]
    public void The_seed_article_saved_from_the_wayback_machine_is_the_article_at_its_address()
    {
        string page = SeedPage.Markup(titleSuffix: " - The Moscow Times",
            head: "<link rel=\"canonical\" href=\"https://www.themoscowtimes.com/2024/03/09/2-kazakhs-killed-in-russian-anti-terror-operation-a84396\">");
        Article live = ReadOneText(new HtmlArticleReader(), "page.html", page);
        Article archived = ReadOneText(new HtmlArticleReader(), "page.html", Replayed(page, "20240309184512"));
        Assert.Equal("https://www.themoscowtimes.com/2024/03/09/2-kazakhs-killed-in-russian-anti-terror-operation-a84396", archived.Url);
        Assert.Equal("2024-03-09", archived.Published);
        Assert.Equal((live.Title, live.Url, live.Published, live.Body), (archived.Title, archived.Url, archived.Published, archived.Body));
        Assert.DoesNotContain("captures", archived.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_brief_saved_from_the_wayback_machine_is_its_own_text_not_the_toolbar()
    {
        // The toolbar's collection notice is a longer block of prose than a one-paragraph brief.
        string page = SeedPage.Markup(paragraphs: 1,
            head: "<link rel=\"canonical\" href=\"https://www.themoscowtimes.com/2024/03/09/kazakhstan-confirms-deaths-a84397\">");
        Article brief = ReadOneText(new HtmlArticleReader(), "page.html", Replayed(page, "20240309184512"));
        Assert.Equal(SeedPage.Paragraphs[0], brief.Body);
    }

    [SharedFact]
    public void Real_news_pages_saved_from_the_wayback_machine_read_as_the_pages_themselves()
    {
        // Readability's news test set (real sites' markup), each page as the Wayback Machine
        // replays it: its addresses rewritten and the toolbar inserted.
        string root = SharedCorpus.Path("corpora", "extraction", "readability-news");
        int withUrl = 0;
        foreach (string dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal).Take(16))
        {
            string page = File.ReadAllText(Path.Combine(dir, "source.html"));
            Article live = ReadOneText(new HtmlArticleReader(), "page.html", page);
            Article archived = ReadOneText(new HtmlArticleReader(), "page.html", Replayed(page, "20190412083015"));
            Assert.Equal((live.Title, live.Author, live.Url, live.Published, live.Body), (archived.Title, archived.Author, archived.Url, archived.Published, archived.Body));
            withUrl += live.Url == null ? 0 : 1;
        }
        Assert.True(withUrl >= 8, $"only {withUrl} of the pages state their address");
    }

    /// <summary>A page as the Wayback Machine replays it: every absolute address in an attribute
    /// rewritten to the archive's, and its toolbar after <c>&lt;body&gt;</c>.</summary>
    private static string Replayed(string page, string captured)
    {
        string rewritten = Addresses().Replace(page, m => $"{m.Groups[1].Value}=\"https://web.archive.org/web/{captured}/{m.Groups[2].Value}\"");
        string toolbar = "<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id=\"wm-ipp-base\" lang=\"en\"><div id=\"wm-ipp\"><div id=\"wm-ipp-inside\">" +
            "<form target=\"_top\" method=\"get\" action=\"/web/submit\" id=\"wmtb\"><input type=\"text\" name=\"url\" id=\"wmtbURL\" value=\"\"></form>" +
            "<table><tr><td>APR</td><td title=\"You are here\">MAY</td><td>JUN</td></tr></table><a href=\"/web/*/\">1,342 captures</a>" +
            "<div>COLLECTED BY</div><div>Collection: Media Cloud. Media Cloud: archiving the news, from outlets around the world, at the rate they publish it, every day from the feeds of several thousand news sites and their links.</div>" +
            "</div></div></div><!-- END WAYBACK TOOLBAR INSERT -->";
        int body = rewritten.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        int open = body < 0 ? 0 : rewritten.IndexOf('>', body) + 1;
        return rewritten.Insert(open, toolbar) + $"\n<!--\n     FILE ARCHIVED ON {captured} AND RETRIEVED FROM THE\n     INTERNET ARCHIVE ON 20241201140211.\n-->";
    }

    [GeneratedRegex("\\b(href|src|content)=\"(https?://[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Addresses();
}
