using System.Text;
using Search.Core.Ingest;
using Search.Core.Ingest.Html;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Html;

/// <summary>Saved pages as folders of them really hold them: the article hidden from a browser
/// that runs scripts, error and bot-check pages, markup nested thousands deep, pages stored in
/// UTF-16 without a byte-order mark or with NULs in them, AMP furniture, comment forms, bylines
/// run together or broken over lines, graph-style JSON-LD, keyword lists as sections, titles that
/// are the site's name (the QA pass on hostile pages).</summary>
public sealed class HostilePageTests
{
    private static readonly HtmlArticleReader Reader = new();

    private static readonly string[] Paragraphs =
    [
        "The regional council voted on Thursday to close three rural schools at the end of the academic year, despite protests from parents who gathered outside the town hall.",
        "Council leader Maria Lopez said falling pupil numbers had left the schools running at less than half capacity, and that the savings would be spent on teachers elsewhere.",
        "Parents said children as young as five would face bus journeys of more than an hour each way, and vowed to challenge the decision in court.",
    ];

    private static readonly string Body = string.Join("\n\n", Paragraphs);

    private static string Ps => string.Concat(Paragraphs.Select(p => $"<p>{p}</p>"));

    private static Article Read(string name, string html) => Read(name, Encoding.UTF8.GetBytes(html));

    private static Article Read(string name, byte[] bytes)
    {
        using var dir = new TempDir();
        return ReadOne(Reader, WriteBytes(dir, name, bytes));
    }

    private static string? Problem(string name, string html)
    {
        using var dir = new TempDir();
        return Assert.Single(Reader.Read(WriteBytes(dir, name, Encoding.UTF8.GetBytes(html)))).Problem?.Reason;
    }

    [Fact]
    public void An_article_a_page_keeps_in_noscript_or_a_template_is_read_as_a_browser_without_scripts_shows_it()
    {
        // Readability drops both elements: such pages were "no article text found".
        Article noscript = Read("noscript.html", $"<html><head><title>Museum returns stolen paintings | Art Weekly</title></head><body><div id=app></div><script>render()</script><noscript><article><h1>Museum returns stolen paintings</h1><p class=byline>By Clara Wu</p>{Ps}</article></noscript></body></html>");
        Assert.Equal(Body, noscript.Body);
        Assert.Equal("Museum returns stolen paintings", noscript.Title);
        Assert.Equal("Clara Wu", noscript.Author);
        Article template = Read("template.html", $"<html><head><title>Museum returns stolen paintings</title></head><body><div id=app>Loading…</div><template id=story><article>{Ps}</article></template></body></html>");
        Assert.Equal(Body, template.Body);
        // A page that shows its article keeps it: a noscript's "enable JavaScript" is not read.
        Article shown = Read("shown.html", $"<html><head><title>Schools to close</title></head><body><article>{Ps}</article><noscript><p>Please enable JavaScript to view the comments powered by our partner, which needs scripts to run in your browser.</p></noscript></body></html>");
        Assert.Equal(Body, shown.Body);
    }

    [Theory]
    [InlineData("Page not found | City Times", "<h1>404 - Page not found</h1><p>Sorry, the page you are looking for does not exist or has been moved. Try searching our site or go back to the home page.</p>")]
    [InlineData("Just a moment...", "<h1>Checking your browser before accessing example.com.</h1><p>This process is automatic. Your browser will redirect to your requested content shortly. Please allow up to 5 seconds.</p>")]
    [InlineData("City Times", "<h1>403 Forbidden</h1><p>You don't have permission to access this resource on this server. If you think this is a mistake, contact the site's administrator.</p>")]
    [InlineData("Access Denied", "<h1>Access Denied</h1><p>You don't have permission to access this page on this server. Reference number 18.6f2e1602.1701234567.abcdef for your records.</p>")]
    public void Error_and_bot_check_pages_are_skipped_with_their_reason(string title, string body)
    {
        string? reason = Problem("dead-link.html", $"<html><head><title>{title}</title></head><body>{body}</body></html>");
        Assert.StartsWith("an error page (", reason);
        Assert.EndsWith("), not an article", reason);
    }

    [Fact]
    public void An_article_whose_headline_reads_like_an_error_stays_an_article()
    {
        // Only the whole title (or a part between separators) counts, and only on a short page.
        Article a = Read("lost.html", $"<html><head><title>Missing hiker not found after three-day search</title></head><body><article>{Ps}</article></body></html>");
        Assert.Equal("Missing hiker not found after three-day search", a.Title);
        string longer = string.Concat(Enumerable.Repeat(Ps, 3));
        Assert.Equal("Not Found", Read("book.html", $"<html><head><title>Not Found</title></head><body><article><h1>Not Found</h1>{longer}</article></body></html>").Title);
    }

    [Fact]
    public void Markup_nested_thousands_deep_reads_with_its_paragraphs_and_is_flattened_first()
    {
        // Unclosed tags in a loop (a template's bug) and tables in tables, nested past the parser's
        // own limit of 511 levels: at 16,000 and 20,000 elements Readability took 5-12 s each, and
        // bigger pages of the kind ran out of time. Flattened below 128 levels they take milliseconds.
        string unclosed = $"<html><head><title>Schools to close</title></head><body>{string.Concat(Enumerable.Repeat("<div><font>", 1500))}{Ps}</body></html>";
        string tables = $"<html><head><title>Schools to close</title></head><body>{string.Concat(Enumerable.Repeat("<table><tr><td>", 1000))}{Ps}{string.Concat(Enumerable.Repeat("</td></tr></table>", 1000))}</body></html>";
        foreach (string html in (string[])[unclosed, tables])
        {
            Assert.Equal(Body, Read("deep.html", html).Body);
            var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            Assert.True(Depth(doc.Body!) > 500);
            DeepMarkup.Limit(doc.Body!);
            Assert.InRange(Depth(doc.Body!), DeepMarkup.MaxDepth, DeepMarkup.MaxDepth + 3);
        }
    }

    private static int Depth(AngleSharp.Dom.IElement root)
    {
        int max = 0;
        var stack = new Stack<(AngleSharp.Dom.IElement, int)>([(root, 0)]);
        while (stack.Count > 0)
        {
            (AngleSharp.Dom.IElement e, int d) = stack.Pop();
            max = Math.Max(max, d);
            foreach (AngleSharp.Dom.IElement c in e.Children)
                stack.Push((c, d + 1));
        }
        return max;
    }

    [Fact]
    public void Deep_markup_is_flattened_below_the_limit_without_losing_text_order_or_paragraphs()
    {
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            "<body><div><div><div><section><div class=x><p>One <b><i>two</i></b> <a href=/x>three</a></p><div>Four</div><script>no()</script><h2>Five</h2>six</div></section></div></div></div></body>");
        int unwrapped = DeepMarkup.Limit(doc.Body!, maxDepth: 2);
        Assert.True(unwrapped > 0);
        Assert.Equal("One two three\n\nFour\n\nFive\n\nsix", HtmlText.ToText(doc.Body!));
        Assert.NotNull(doc.Body!.QuerySelector("a[href='/x']"));
        Assert.DoesNotContain("no()", doc.Body.TextContent);
    }

    [Fact]
    public void Pages_in_utf16_without_a_byte_order_mark_or_with_nuls_in_them_are_read_not_called_binary()
    {
        string html = $"<html><head><meta charset=utf-16><title>Café owners “furious” over tax</title></head><body><article>{Ps}</article></body></html>";
        Article le = Read("unicode.html", Encoding.Unicode.GetBytes(html));
        Assert.Equal("Café owners “furious” over tax", le.Title);
        Assert.Equal(Body, le.Body);
        Assert.Equal(Body, Read("unicode-be.htm", Encoding.BigEndianUnicode.GetBytes(html)).Body);
        byte[] withNuls = Encoding.UTF8.GetBytes(html.Replace("</p>", "\0</p>", StringComparison.Ordinal) + new string('\0', 3000));
        Article nuls = Read("padded.html", withNuls);
        Assert.Equal(Body, nuls.Body);
        // Bytes that are no page at all stay binary.
        using var dir = new TempDir();
        byte[] noise = new byte[4096];
        new Random(7).NextBytes(noise);
        noise[0] = 0;
        Assert.Equal("binary file", Assert.Single(Reader.Read(WriteBytes(dir, "noise.html", noise))).Problem?.Reason);
    }

    [Fact]
    public void Amp_furniture_ad_labels_share_lines_and_comment_forms_are_not_article_text()
    {
        string amp = $"<!doctype html><html ⚡ lang=en><head><title>Schools to close</title></head><body><amp-sidebar id=s layout=nodisplay><ul><li><a href=/>Home</a></li></ul></amp-sidebar><article><h1>Schools to close</h1>{Paragraphs[0]}<p>{Paragraphs[0]}</p><amp-ad width=300 height=250 type=doubleclick><div placeholder>Advertisement</div></amp-ad><p>{Paragraphs[1]}</p><p>Story continues below advertisement</p><p>{Paragraphs[2]}</p><amp-social-share type=twitter></amp-social-share><amp-consent id=c layout=nodisplay><p>We use cookies to improve your experience on our website.</p></amp-consent></article></body></html>";
        Article a = Read("amp.html", amp.Replace($"<h1>Schools to close</h1>{Paragraphs[0]}", "<h1>Schools to close</h1>", StringComparison.Ordinal));
        Assert.Equal(Body, a.Body);

        string blog = $"<html><head><title>Schools to close</title></head><body><div><h1>Schools to close</h1>{Ps}<p>Share this: <a href=#>Facebook</a> <a href=#>X</a></p><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p><p>Jim says: the council has ignored the villages for years and this is the result of it.</p><h3>You may also like</h3><p><a href=/x>District hires a new superintendent after a long search</a></p></div></body></html>";
        Assert.Equal(Body, Read("blog.html", blog).Body);
    }

    [Theory]
    [InlineData("JANE DOE AND JOHN SMITH", "JANE DOE, JOHN SMITH")]
    [InlineData("Jane DoeJohn Smith", "Jane Doe, John Smith")] // two bylines' elements run together
    [InlineData("Sam LeeAna Ruiz", "Sam Lee, Ana Ruiz")]
    [InlineData("Jane MacDonald", "Jane MacDonald")]
    [InlineData("Jane VanDyke", "Jane VanDyke")]
    [InlineData("Jane Doe; John Smith", "Jane Doe, John Smith")]
    [InlineData("Jane Doe and the Associated Press", "Jane Doe, The Associated Press")]
    [InlineData("ByJane Doe", "Jane Doe")] // "By<br>Jane Doe" as bare text
    [InlineData("Byron Smith", "Byron Smith")]
    [InlineData("From news services", "")]
    [InlineData("Staff and agencies", "")]
    [InlineData("From staff and wire reports", "")]
    public void Bylines_are_split_into_people_and_labels_are_dropped(string raw, string expected) =>
        Assert.Equal(expected, Bylines.Clean(raw));

    [Fact]
    public void A_byline_broken_over_lines_reads_as_its_name_without_the_role_under_it()
    {
        Article a = Read("byline.html", $"<html><head><title>Schools to close</title></head><body><article><h1>Schools to close</h1><div class=byline>By<br>Jane Doe<br>Senior Reporter</div>{Ps}</article></body></html>");
        Assert.Equal("Jane Doe", a.Author);
    }

    [Fact]
    public void A_json_ld_author_given_by_reference_to_a_node_of_its_graph_is_read()
    {
        // As WordPress SEO plugins write it: the article's author is {"@id": …}, the person a node.
        string ld = """{"@context":"https://schema.org","@graph":[{"@type":"WebSite","@id":"https://coast.example/#website","name":"Coast News"},{"@type":"NewsArticle","headline":"Harbour reopens after dredging","author":{"@id":"https://coast.example/#/schema/person/1"},"publisher":{"@id":"https://coast.example/#organization"},"datePublished":"2022-07-08"},{"@type":"Person","@id":"https://coast.example/#/schema/person/1","name":"Ana Ruiz"},{"@type":"Organization","@id":"https://coast.example/#organization","name":"Coast News"}]}""";
        Article a = Read("graph.html", $"<html><head><title>Harbour reopens after dredging</title><script type=application/ld+json>{ld}</script></head><body><article>{Ps}</article></body></html>");
        Assert.Equal("Ana Ruiz", a.Author);
        Assert.Equal("Coast News", a.Source);
        Assert.Equal("2022-07-08", a.Published);
    }

    [Theory]
    [InlineData("port, shipping, expansion, regulators, business, economy", null)] // keywords, however short
    [InlineData("Home > News > Business", "News")]
    [InlineData("html", null)]
    [InlineData("index.php", null)]
    [InlineData("Business", "Business")]
    [InlineData("Smart News, Smart News Science", "Smart News")]
    public void Sections_are_labels_not_keyword_lists_or_file_names(string raw, string? expected) =>
        Assert.Equal(expected, Sections.Label(raw));

    [Fact]
    public void Titles_lose_the_section_before_the_site_name_and_a_title_that_is_only_the_site_gives_way_to_the_headline()
    {
        string site = "<meta property='og:site_name' content='Harbour Herald'>";
        Assert.Equal("Dockworkers vote to strike over pay", Read("a.html", $"<html><head><title>Dockworkers vote to strike over pay | Business | Harbour Herald</title>{site}</head><body><article>{Ps}</article></body></html>").Title);
        Assert.Equal("Dockworkers vote to strike over pay", Read("b.html", $"<html><head><title>Harbour Herald</title>{site}</head><body><article><h1>Dockworkers vote to strike over pay</h1>{Ps}</article></body></html>").Title);
        // Nothing better: the start of the text, as for a page without a title.
        Assert.StartsWith("The regional council voted on Thursday", Read("c.html", $"<html><head><title>Harbour Herald</title>{site}</head><body><article>{Ps}</article></body></html>").Title);
        // A short part after a pipe that is not the site's stays: it may be the headline's own.
        Assert.Equal("Strike vote | What happens next", Read("d.html", $"<html><head><title>Strike vote | What happens next</title>{site}</head><body><article>{Ps}</article></body></html>").Title);
    }

    [Fact]
    public void The_unix_epoch_is_no_publication_date()
    {
        Article a = Read("epoch.html", $"<html><head><title>Schools to close</title><meta property='article:published_time' content='1970-01-01T00:00:00Z'><link rel=canonical href='https://news.example/2020/11/03/schools-to-close'></head><body><article>{Ps}</article></body></html>");
        Assert.Equal("2020-11-03", a.Published); // the URL's date, the next source
    }

    [Fact]
    public void A_saved_single_file_page_knows_where_it_was_saved_from_while_it_is_read()
    {
        // The title's "| Daily" is the domain's name (daily.example), and the URL dates the page.
        string page = $"<html><head><meta charset=utf-8><title>Café owners protest the new tax | Daily</title></head><body><article>{Ps}</article></body></html>";
        string mhtml = "MIME-Version: 1.0\r\nSnapshot-Content-Location: https://daily.example/2022/05/01/cafe-tax\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Convert.ToBase64String(Encoding.UTF8.GetBytes(page), Base64FormattingOptions.InsertLineBreaks) + "\r\n--B--\r\n";
        using var dir = new TempDir();
        Article a = ReadOne(new MhtmlArticleReader(), WriteBytes(dir, "cafe.mhtml", Encoding.ASCII.GetBytes(mhtml)));
        Assert.Equal("Café owners protest the new tax", a.Title);
        Assert.Equal("2022-05-01", a.Published);
        Assert.Equal("https://daily.example/2022/05/01/cafe-tax", a.Url);
    }
}
