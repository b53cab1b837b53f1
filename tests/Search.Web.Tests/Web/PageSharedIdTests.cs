using PuppeteerSharp;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>The article view of an id two files share (two exports numbering their records alike),
/// in the system's Chromium: the reader is asked to pick a file, in words for a reader, and each
/// link opens its article.</summary>
public sealed class PageSharedIdTests : CorpusPage
{
    protected override void WriteCorpus()
    {
        foreach (string export in new[] { "morning", "evening" })
            File.WriteAllText(Path.Combine(Corpus, export + ".jsonl"), System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["id"] = "17",
                ["title"] = $"Tram strike in the {export} edition",
                ["body"] = $"The {export} edition reported that tram drivers stopped work over the new timetable.",
            }) + "\n");
    }

    [BrowserFact(LongRun = true)]
    public async Task An_id_two_files_share_asks_the_reader_to_pick_one_and_each_link_opens_its_article()
    {
        var page = await Browser!.NewPageAsync();
        await page.GoToAsync(Server.Url + "/?q=tram&article=17", WaitUntilNavigation.Networkidle0);
        Assert.Equal("2 articles from different files have the id 17: pick one.",
            await page.EvaluateExpressionAsync<string>("document.querySelector('#article .message').textContent"));
        Assert.Equal(["evening.jsonl", "morning.jsonl"], await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#article li a')].map(a => a.textContent)"));

        await page.ClickAsync("#article li a");
        await page.WaitForSelectorAsync("#article h1");
        Assert.Equal("Tram strike in the evening edition", await page.EvaluateExpressionAsync<string>("document.querySelector('#article h1').textContent"));
    }
}
