using PuppeteerSharp;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>The page's facets in the system's Chromium on an index with many values in one
/// dimension (an archive's authors or tags run to hundreds).</summary>
public sealed class PageFacetTests : CorpusPage
{
    private const int Tags = 250;

    protected override void WriteCorpus() =>
        File.WriteAllLines(Path.Combine(Corpus, "lanterns.jsonl"), Enumerable.Range(0, Tags).Select(i =>
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["id"] = $"lantern-{i}",
                ["title"] = $"Lantern festival, night {i}",
                ["body"] = $"Paper lanterns lit the river on night {i} of the festival.",
                ["tags"] = new[] { $"tag-{i:D3}" },
            })));

    [BrowserFact]
    public async Task Show_more_shows_every_value_it_promised()
    {
        var page = await Browser!.NewPageAsync();
        await page.GoToAsync(Server.Url + "/?q=lantern", WaitUntilNavigation.Networkidle0);
        await page.WaitForSelectorAsync("fieldset[data-dim=tags] button.more");
        Assert.Equal(10, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('fieldset[data-dim=tags] .facet-value').length"));
        Assert.Equal($"Show {Tags - 10} more", await page.EvaluateExpressionAsync<string>("document.querySelector('fieldset[data-dim=tags] button.more').textContent"));
        await page.ClickAsync("fieldset[data-dim=tags] button.more");
        await page.WaitForFunctionAsync("() => !document.querySelector('fieldset[data-dim=tags] button.more')");
        Assert.Equal(Tags, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('fieldset[data-dim=tags] .facet-value').length"));
    }
}
