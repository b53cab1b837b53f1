using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PuppeteerSharp;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>An article whose own text holds "&lt;mark&gt;…&lt;/mark&gt;": highlights are those
/// strings in snippets (`--json`, the API, the page), so the article's words used to show as
/// matches. Now only the query's matches are highlights, and the article reads as it is written.</summary>
public sealed class LiteralMarkTests : CorpusPage
{
    private const string Id = "tagged";
    private const string Title = "The budget tag"; // a title's tags are taken out when it is read
    private const string Body = "The finance minister said the budget for schools would grow, and the <mark>opposition</mark> said nothing about budget cuts.";

    protected override void WriteCorpus() =>
        File.WriteAllText(Path.Combine(Corpus, "tagged.jsonl"), System.Text.Json.JsonSerializer.Serialize(
            new Dictionary<string, string> { ["id"] = Id, ["title"] = Title, ["body"] = Body, ["published"] = "2020-01-02" }) + "\n");

    [Fact]
    public async Task The_api_and_json_highlight_only_the_matches()
    {
        var search = JsonNode.Parse(await Server.Client.GetStringAsync("/api/search?q=budget"))!;
        string snippet = search["hits"]![0]!["snippet"]!.GetValue<string>();
        AssertOnlyMatchesMarked(snippet, Body);
        var cli = SearchCli.InProcess("query", "budget", "--index", Index, "--json");
        Assert.Equal(snippet, JsonNode.Parse(cli.Out)!["hits"]![0]!["snippet"]!.GetValue<string>());

        var lit = JsonNode.Parse(await Server.Client.GetStringAsync($"/api/articles/{Id}/highlighted?q=budget"))!;
        AssertOnlyMatchesMarked(lit["title"]!.GetValue<string>(), Title);
        AssertOnlyMatchesMarked(lit["body"]!.GetValue<string>(), Body);
    }

    [BrowserFact(LongRun = true)]
    public async Task The_page_marks_only_the_matches_and_shows_the_text_as_written()
    {
        var page = await Browser!.NewPageAsync();
        await page.GoToAsync(Server.Url + "/?q=budget", WaitUntilNavigation.Networkidle0);
        await page.WaitForSelectorAsync("#results .hit");
        Assert.All(await Marks(page, "#results .snippet mark"), m => Assert.Equal("budget", m));
        Assert.Contains("the <mark>opposition</mark> said", await Visible(page, "#results .snippet"));

        await page.GoToAsync(Server.Url + $"/?q=budget&article={Id}", WaitUntilNavigation.Networkidle0);
        await page.WaitForSelectorAsync("#article h1");
        Assert.All(await Marks(page, "#article h1 mark, #article .body mark"), m => Assert.Equal("budget", m));
        Assert.Equal(Title, await Visible(page, "#article h1"));
        Assert.Equal(Body, await Visible(page, "#article .body"));

        // The article without a query: no highlight at all, the text as written.
        await page.GoToAsync(Server.Url + $"/?article={Id}", WaitUntilNavigation.Networkidle0);
        await page.WaitForSelectorAsync("#article h1");
        Assert.Empty(await Marks(page, "#article mark"));
        Assert.Equal(Title, await Visible(page, "#article h1"));
        Assert.Equal(Body, await Visible(page, "#article .body"));
    }

    /// <summary>Split as the page splits: every highlight is the query's word, and without the
    /// markers and the invisible neutraliser the text is the article's.</summary>
    private static void AssertOnlyMatchesMarked(string marked, string original)
    {
        var parts = Regex.Split(marked, "(<mark>|</mark>)");
        var highlighted = parts.Select((p, i) => (p, i)).Where(x => x.i > 0 && parts[x.i - 1] == "<mark>").Select(x => x.p).ToList();
        Assert.NotEmpty(highlighted);
        Assert.All(highlighted, h => Assert.Equal("budget", h));
        Assert.Contains(Strip(marked).Trim('…'), original);
    }

    private static string Strip(string marked) => marked.Replace("<mark>", "").Replace("</mark>", "").Replace("\u2060", "");

    private static Task<string[]> Marks(IPage page, string selector) =>
        page.EvaluateExpressionAsync<string[]>($"[...document.querySelectorAll({System.Text.Json.JsonSerializer.Serialize(selector)})].map(m => m.textContent)");

    /// <summary>The element's text as a reader sees it (the neutraliser shows as nothing).</summary>
    private static async Task<string> Visible(IPage page, string selector) =>
        (await page.EvaluateExpressionAsync<string>($"document.querySelector({System.Text.Json.JsonSerializer.Serialize(selector)}).textContent")).Replace("\u2060", "");
}
