using System.Diagnostics;
using System.Text.Json.Nodes;
using PuppeteerSharp;
using Search.Core.Indexing;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>The page in the system's Chromium while a build adds articles beside the server: what
/// the page shows follows the index, not what it saw first.</summary>
public sealed class LivePageTests : CorpusPage
{

    protected override void WriteCorpus()
    {
        for (int month = 1; month <= 4; month++)
            Write($"airship-{month}", $"Airship sighted over the bay, part {month}", $"2020-{month:D2}-10");
    }

    private void Write(string id, string title, string date) =>
        File.AppendAllText(Path.Combine(Corpus, "airships.jsonl"), System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["id"] = id,
            ["title"] = title,
            ["body"] = "An airship drifted slowly over the bay while fishing boats came in.",
            ["published"] = date,
        }) + "\n");

    [BrowserFact(LongRun = true)] // a build beside the open page: 5 s
    public async Task A_date_range_and_the_timeline_take_in_a_month_a_build_added()
    {
        var page = await Browser!.NewPageAsync();
        await page.GoToAsync(Server.Url + "/?q=airship&range=2020-01..2020-12", WaitUntilNavigation.Networkidle0);
        await page.WaitForFunctionAsync("() => document.querySelector('#summary').textContent.startsWith('4 ')");

        // A build beside the server adds an article in a month the range covers but no article had.
        Write("airship-6", "Airship returns in June", "2020-06-10");
        IndexBuilder.Build(new BuildOptions { Roots = new[] { Corpus }, IndexPath = Index });
        var clock = Stopwatch.StartNew();
        while (JsonNode.Parse(await Server.Client.GetStringAsync("/api/search?q=airship&limit=0"))!["total"]!.GetValue<int>() < 5)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the server did not pick up the build in 10 s");
            await Task.Delay(100);
        }

        // Searching again (the same words, the same range) finds it and its month has a bar.
        string summary = "";
        for (clock.Restart(); clock.Elapsed < TimeSpan.FromSeconds(10) && !summary.StartsWith("5 ", StringComparison.Ordinal); await Task.Delay(300))
        {
            await page.ClickAsync("#search-form button[type=submit]");
            await Task.Delay(300);
            summary = await page.EvaluateExpressionAsync<string>("document.querySelector('#summary').textContent");
        }
        Assert.StartsWith("5 ", summary);
        Assert.Contains("Airship returns in June", await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#results .hit h3')].map(h => h.textContent)"));
        Assert.Contains("2020-06", await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#timeline .bar:not(.zero)')].map(b => b.dataset.value)"));
    }
}
