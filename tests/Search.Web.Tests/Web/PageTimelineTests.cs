using PuppeteerSharp;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>The timeline in the system's Chromium on matches that are few but years apart.</summary>
public sealed class PageTimelineTests : CorpusPage
{

    protected override void WriteCorpus()
    {
        // Three months with matches, 2001-03 to 2020-06: 232 months apart.
        File.WriteAllLines(Path.Combine(Corpus, "comets.jsonl"), new[] { "2001-03-04", "2019-11-20", "2020-06-04" }.Select((date, i) =>
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["id"] = $"comet-{i}",
                ["title"] = $"Comet sighting number {i}",
                ["body"] = "Observers saw a bright comet low over the hills after midnight.",
                ["published"] = date,
            })));
    }

    [BrowserFact]
    public async Task Matches_spanning_more_than_48_months_are_counted_per_year()
    {
        var page = await Browser!.NewPageAsync();
        await page.GoToAsync(Server.Url + "/?q=comet", WaitUntilNavigation.Networkidle0);
        await page.WaitForSelectorAsync("#timeline .bar");
        Assert.Equal("Matching articles per year", await page.EvaluateExpressionAsync<string>("document.querySelector('#timeline h2').textContent"));
        var years = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#timeline .bar')].map(b => b.dataset.value)");
        Assert.Equal(Enumerable.Range(2001, 20).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), years);
        await page.ClickAsync("#timeline .bar[data-value='2001']");
        for (int i = 0; i < 100 && !page.Url.Contains("range=2001..2001", StringComparison.Ordinal); i++)
            await Task.Delay(50);
        Assert.Contains("range=2001..2001", page.Url);
        await page.WaitForFunctionAsync("() => document.querySelector('#summary').textContent.startsWith('1 ')");
    }
}
