using PuppeteerSharp;
using Search.Core.Indexing;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>The page's facets in the system's Chromium on an index with many values in one
/// dimension (an archive's authors or tags run to hundreds).</summary>
public sealed class PageFacetTests : IAsyncLifetime, IDisposable
{
    private const int Tags = 250;
    private readonly TempDir _dir = new();
    private SocketServer _server = null!;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        string corpus = Directory.CreateDirectory(Path.Combine(_dir.Path, "corpus")).FullName;
        File.WriteAllLines(Path.Combine(corpus, "lanterns.jsonl"), Enumerable.Range(0, Tags).Select(i =>
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["id"] = $"lantern-{i}",
                ["title"] = $"Lantern festival, night {i}",
                ["body"] = $"Paper lanterns lit the river on night {i} of the festival.",
                ["tags"] = new[] { $"tag-{i:D3}" },
            })));
        string index = Path.Combine(_dir.Path, "index");
        IndexBuilder.Build(new BuildOptions { Roots = new[] { corpus }, IndexPath = index });
        _server = await SocketServer.Start(index);
        _browser = await SystemBrowser.Launch();
    }

    public async Task DisposeAsync()
    {
        if (_browser != null)
            await _browser.CloseAsync();
        await _server.DisposeAsync();
    }

    public void Dispose() => _dir.Dispose();

    [BrowserFact]
    public async Task Show_more_shows_every_value_it_promised()
    {
        var page = await _browser!.NewPageAsync();
        await page.GoToAsync(_server.Url + "/?q=lantern", WaitUntilNavigation.Networkidle0);
        await page.WaitForSelectorAsync("fieldset[data-dim=tags] button.more");
        Assert.Equal(10, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('fieldset[data-dim=tags] .facet-value').length"));
        Assert.Equal($"Show {Tags - 10} more", await page.EvaluateExpressionAsync<string>("document.querySelector('fieldset[data-dim=tags] button.more').textContent"));
        await page.ClickAsync("fieldset[data-dim=tags] button.more");
        await page.WaitForFunctionAsync("() => !document.querySelector('fieldset[data-dim=tags] button.more')");
        Assert.Equal(Tags, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('fieldset[data-dim=tags] .facet-value').length"));
    }
}
