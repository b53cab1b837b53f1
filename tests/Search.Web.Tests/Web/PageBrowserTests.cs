using PuppeteerSharp;
using PuppeteerSharp.Input;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>
/// The page in a real browser (the system's Chromium, headless, driven by PuppeteerSharp) against
/// the server on a real socket: search, facets, the timeline, the back button, the article view,
/// and an article whose title is HTML staying text. Also writes the README's screenshot.
/// </summary>
[Collection(WebCorpusCollection.Name)]
public sealed class PageBrowserTests(WebCorpus corpus) : IAsyncLifetime
{
    private SocketServer _server = null!;
    private IBrowser? _browser;
    private readonly List<string> _dialogs = new();

    public async Task InitializeAsync()
    {
        _server = await SocketServer.Start(corpus.IndexPath);
        _browser = await SystemBrowser.Launch();
    }

    public async Task DisposeAsync()
    {
        if (_browser != null)
            await _browser.CloseAsync();
        await _server.DisposeAsync();
    }

    private async Task<IPage> Open(string path, int width = 1200, int height = 900)
    {
        var page = await _browser!.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
        page.Dialog += async (_, e) =>
        {
            _dialogs.Add(e.Dialog.Message);
            await e.Dialog.Dismiss();
        };
        await page.GoToAsync(_server.Url + path, WaitUntilNavigation.Networkidle0);
        return page;
    }

    private static Task<T> Js<T>(IPage page, string expression) => page.EvaluateExpressionAsync<T>(expression);

    private static async Task WaitForUrl(IPage page, Func<string, bool> ok, string what)
    {
        for (int i = 0; i < 100 && !ok(page.Url); i++)
            await Task.Delay(50);
        Assert.True(ok(page.Url), $"{what}: the URL is {page.Url}");
    }

    private static async Task<string> SummaryAfterSearch(IPage page)
    {
        await page.WaitForFunctionAsync("() => document.querySelector('#summary').textContent.length > 0");
        return await Js<string>(page, "document.querySelector('#summary').textContent");
    }

    [BrowserFact]
    public async Task Search_facet_timeline_back_and_article()
    {
        var page = await Open("/");
        // `/` focuses the search box.
        await page.Keyboard.PressAsync("/");
        Assert.Equal("q", await Js<string>(page, "document.activeElement.id"));
        await page.Keyboard.TypeAsync("election");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#results .hit");
        await WaitForUrl(page, u => u.Contains("q=election"), "after searching");
        string all = await SummaryAfterSearch(page);
        Assert.StartsWith("71 ", all);
        Assert.True(await Js<int>(page, "document.querySelectorAll('#results .hit mark').length") > 0);

        // A facet value: the results narrow to it and it shows as a removable chip.
        await page.ClickAsync("fieldset[data-dim=source] .facet-value:nth-child(2) input");
        await WaitForUrl(page, u => u.Contains("filter=source"), "after clicking a facet value");
        await page.WaitForSelectorAsync("#chips .chip");
        string chip = await Js<string>(page, "document.querySelector('#chips .chip').textContent");
        Assert.StartsWith("source: ", chip);
        string source = chip["source: ".Length..].TrimEnd('×');
        await page.WaitForFunctionAsync("() => !document.querySelector('#summary').textContent.startsWith('71 ')");
        var sources = await Js<string[]>(page, "[...document.querySelectorAll('#results .hit .source')].map(e => e.textContent)");
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.Equal(source, s));
        await page.ClickAsync("#chips .chip");
        await WaitForUrl(page, u => !u.Contains("filter="), "after removing the chip");

        // The timeline: a click on a bar filters to its month.
        await page.WaitForSelectorAsync("#timeline .bar:not(.zero)");
        string month = await Js<string>(page, "document.querySelector('#timeline .bar:not(.zero)').dataset.value");
        int count = int.Parse(await Js<string>(page, "document.querySelector('#timeline .bar:not(.zero)').getAttribute('aria-label').split(': ')[1].split(' ')[0]"));
        await page.ClickAsync("#timeline .bar:not(.zero)");
        await WaitForUrl(page, u => u.Contains("range=" + month), "after clicking a bar");
        await page.WaitForFunctionAsync($"() => document.querySelector('#summary').textContent.startsWith('{count} ')");
        var dates = await Js<string[]>(page, "[...document.querySelectorAll('#results .hit time')].map(e => e.getAttribute('datetime'))");
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.StartsWith(month, d));

        // Dragging across bars selects a range of months.
        var boxes = await page.QuerySelectorAllAsync("#timeline .bar");
        var first = await boxes[0].BoundingBoxAsync();
        var last = await boxes[^1].BoundingBoxAsync();
        await page.Mouse.MoveAsync(first.X + first.Width / 2, first.Y + first.Height - 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(last.X + last.Width / 2, last.Y + last.Height - 2, new MoveOptions { Steps = 10 });
        await page.Mouse.UpAsync();
        string firstMonth = await boxes[0].EvaluateFunctionAsync<string>("b => b.dataset.value");
        string lastMonth = await boxes[^1].EvaluateFunctionAsync<string>("b => b.dataset.value");
        await WaitForUrl(page, u => u.Contains($"range={firstMonth}..{lastMonth}"), "after dragging across the timeline");
        await page.WaitForFunctionAsync("() => document.querySelector('#summary').textContent.startsWith('70 ')");

        // Back: the single month again, then no date at all.
        await page.GoBackAsync();
        await WaitForUrl(page, u => u.Contains("range=" + month + ".." + month), "after going back");
        await page.WaitForFunctionAsync($"() => document.querySelector('#summary').textContent.startsWith('{count} ')");
        await page.GoBackAsync();
        await WaitForUrl(page, u => !u.Contains("range="), "after going back twice");
        await page.WaitForFunctionAsync("() => document.querySelector('#summary').textContent.startsWith('71 ')");

        // The article view: whole text, matches marked, its file, related articles.
        string title = await Js<string>(page, "document.querySelector('#results .hit h3 a').textContent");
        await page.ClickAsync("#results .hit h3 a");
        await WaitForUrl(page, u => u.Contains("article="), "after opening an article");
        await page.WaitForFunctionAsync("() => !document.querySelector('#article').hidden && document.querySelector('#article h1')");
        Assert.Equal(title, await Js<string>(page, "document.querySelector('#article h1').textContent"));
        Assert.True(await Js<int>(page, "document.querySelectorAll('#article .body mark').length") > 0);
        Assert.Contains("wikinews_20", await Js<string>(page, "document.querySelector('#article dl').textContent"));
        await page.WaitForFunctionAsync("() => document.querySelector('#article section:last-child li')");
        await page.GoBackAsync();
        await page.WaitForSelectorAsync("#results .hit");
        Assert.True(await Js<bool>(page, "document.querySelector('#article').hidden"));
    }

    [BrowserFact]
    public async Task An_article_titled_with_html_shows_the_characters_and_runs_nothing()
    {
        var page = await Open("/?q=zeppelin");
        await page.WaitForSelectorAsync("#results .hit");
        Assert.Equal(WebCorpus.HostileTitle, await Js<string>(page, "document.querySelector('#results .hit h3 a').textContent"));
        Assert.Equal("<i>press</i>", await Js<string>(page, "document.querySelector('#results .hit .source').textContent"));
        Assert.Equal(0, await Js<int>(page, "document.querySelectorAll('img, script:not([src]), b, i').length"));

        await page.ClickAsync("#results .hit h3 a");
        await page.WaitForFunctionAsync("() => document.querySelector('#article h1')");
        Assert.Equal(WebCorpus.HostileTitle, await Js<string>(page, "document.querySelector('#article h1').textContent"));
        Assert.Contains("<script>alert(2)</script>", await Js<string>(page, "document.querySelector('#article .body').textContent"));
        Assert.Equal(0, await Js<int>(page, "document.querySelectorAll('img, script:not([src]), b, i').length"));
        Assert.Equal(2, await Js<int>(page, "document.querySelectorAll('#article .body mark').length"));
        await Task.Delay(300);
        Assert.Empty(_dialogs);
    }

    [BrowserFact]
    public async Task A_query_that_cannot_be_read_shows_where_and_copies_expand()
    {
        var page = await Open("/?q=election");
        await page.WaitForSelectorAsync("#facets fieldset");
        await page.EvaluateExpressionAsync("document.querySelector('#q').value = 'election \"no end'");
        await page.ClickAsync("#search-form button[type=submit]");
        await page.WaitForSelectorAsync("#q-error:not([hidden])");
        // The facets of the search before are gone: their counts are not this query's.
        Assert.Equal(0, await Js<int>(page, "document.querySelectorAll('#facets fieldset').length"));
        Assert.Contains("position 10", await Js<string>(page, "document.querySelector('#q-error').textContent"));
        Assert.Equal("\"", await Js<string>(page, "document.querySelector('#q-error .at').textContent"));
        Assert.Equal("true", await Js<string>(page, "document.querySelector('#q').getAttribute('aria-invalid')"));

        await page.GoToAsync(_server.Url + "/?q=valparaiso", WaitUntilNavigation.Networkidle0);
        await page.WaitForSelectorAsync("#results .copies button");
        Assert.StartsWith("+1 copy", await Js<string>(page, "document.querySelector('#results .copies button').textContent"));
        await page.ClickAsync("#results .copies button");
        await page.WaitForSelectorAsync("#results .copies li a");
        Assert.Equal("Valparaiso dock strike strands cargo ships", await Js<string>(page, "document.querySelector('#results .copies li a').textContent"));
    }

    [BrowserFact(LongRun = true)]
    public async Task A_finger_dragged_across_the_timeline_picks_a_range()
    {
        var page = await _browser!.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 390, Height = 844, IsMobile = true, HasTouch = true });
        await page.GoToAsync(_server.Url + "/?q=election", WaitUntilNavigation.Networkidle0);
        await page.WaitForSelectorAsync("#timeline .bar");
        var bars = await page.QuerySelectorAllAsync("#timeline .bar");
        var from = await bars[2].BoundingBoxAsync();
        var to = await bars[8].BoundingBoxAsync();
        string first = await bars[2].EvaluateFunctionAsync<string>("b => b.dataset.value");
        string last = await bars[8].EvaluateFunctionAsync<string>("b => b.dataset.value");
        decimal y = from.Y + from.Height - 2;
        await page.Touchscreen.TouchStartAsync(from.X + from.Width / 2, y);
        for (int step = 1; step <= 10; step++)
            await page.Touchscreen.TouchMoveAsync(from.X + from.Width / 2 + (to.X - from.X) * step / 10, y);
        await page.Touchscreen.TouchEndAsync();
        await WaitForUrl(page, u => u.Contains($"range={first}..{last}"), "after dragging a finger across the timeline");
    }

    [BrowserFact(LongRun = true)]
    public async Task A_page_past_the_last_leads_back_to_the_last()
    {
        // 71 results: 8 pages. A link to page 20 (shared before a build removed articles) and one
        // past the 1,000 pages a search can show both lead back to page 8, with no error.
        foreach (int past in new[] { 20, 5000 })
        {
            var page = await Open($"/?q=election&page={past}");
            await page.WaitForSelectorAsync("#pager a[rel=prev]");
            Assert.Equal(0, await Js<int>(page, "document.querySelectorAll('#messages .error').length"));
            Assert.EndsWith("page=8", await Js<string>(page, "document.querySelector('#pager a[rel=prev]').getAttribute('href')"));
            Assert.True(await Js<bool>(page, "!!document.querySelector('#pager a[aria-label=\"Page 8\"]')"));
            await page.ClickAsync("#pager a[rel=prev]");
            await WaitForUrl(page, u => u.EndsWith("page=8", StringComparison.Ordinal), "after Previous");
            await page.WaitForFunctionAsync("() => document.querySelector('#summary').textContent.includes('showing 71–71')");
            Assert.Equal(1, await Js<int>(page, "document.querySelectorAll('#results .hit').length"));
        }
    }

    [BrowserFact]
    public async Task A_filter_typed_as_people_type_it_shows_ticked_and_unticks()
    {
        var page = await Open("/?q=election&filter=" + Uri.EscapeDataString("place=us"));
        await page.WaitForSelectorAsync("fieldset[data-dim=place] input:checked");
        Assert.StartsWith("48 ", await SummaryAfterSearch(page));
        await page.ClickAsync("fieldset[data-dim=place] input:checked");
        await WaitForUrl(page, u => !u.Contains("filter="), "after unticking the value");
        await page.WaitForFunctionAsync("() => document.querySelector('#summary').textContent.startsWith('71 ')");
    }

    [BrowserFact(LongRun = true)]
    public async Task Readable_at_phone_width_and_the_screenshot_for_the_readme()
    {
        var phone = await Open("/?q=election", width: 390, height: 844);
        await phone.WaitForSelectorAsync("#results .hit");
        // Nothing wider than the screen: no sideways scrolling.
        Assert.True(await Js<int>(phone, "document.documentElement.scrollWidth") <= 390);
        // Every control has a name a screen reader can say.
        Assert.Equal(0, await Js<int>(phone, "[...document.querySelectorAll('input, select, button')].filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim()).length"));

        var page = await Open("/?q=election&filter=" + Uri.EscapeDataString("place=United States"), width: 1200, height: 900);
        await page.WaitForSelectorAsync("#results .hit");
        await page.WaitForSelectorAsync("#timeline .bar");
        string path = Screenshot.Target();
        await page.ScreenshotAsync(path);
        Assert.True(new FileInfo(path).Length > 10_000);
    }
}

/// <summary>Where the page's screenshot goes: docs/images/serve.png when that file is missing or
/// SEARCH_UPDATE_SCREENSHOT=1 (so a test run leaves the checkout clean), else the test output folder.</summary>
public static class Screenshot
{
    public static string Target()
    {
        string docs = Path.Combine(RepoPaths.Root, "docs", "images", "serve.png");
        bool update = Environment.GetEnvironmentVariable("SEARCH_UPDATE_SCREENSHOT") == "1" || !File.Exists(docs);
        string path = update ? docs : Path.Combine(AppContext.BaseDirectory, "serve.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
