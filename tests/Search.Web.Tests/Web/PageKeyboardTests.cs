using PuppeteerSharp;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>The page by keyboard alone in the system's Chromium: ticking a facet value, picking a
/// month on the timeline and removing a chip draw the page anew, and the focus must stay where the
/// keyboard user was, not fall back to the top of the page.</summary>
public sealed class PageKeyboardTests : CorpusPage
{
    protected override void WriteCorpus() =>
        File.WriteAllLines(Path.Combine(Corpus, "ferries.jsonl"), Enumerable.Range(0, 12).Select(i =>
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["id"] = $"ferry-{i}",
                ["title"] = $"Ferry crossing {i} delayed by fog",
                ["body"] = $"The morning ferry of day {i} waited two hours in the harbour for the fog to lift.",
                ["section"] = i % 2 == 0 ? "Harbour" : "Weather",
                ["published"] = $"2021-{i % 4 + 1:D2}-1{i % 9}",
            })));

    /// <summary>What has the focus: a facet value by its label, a bar by its month, a chip by its text.</summary>
    private static Task<string> Focused(IPage page) => page.EvaluateExpressionAsync<string>("""
        (a => a.matches('input[type=checkbox]') ? 'facet ' + a.labels[0].textContent + (a.checked ? ' ticked' : '')
            : a.matches('.bar') ? 'bar ' + a.getAttribute('data-value')
            : a.matches('.chip') ? 'chip ' + a.firstChild.textContent : a.tagName)(document.activeElement)
        """);

    /// <summary>Presses <paramref name="key"/> on <paramref name="focus"/> (a script expression) and waits until the
    /// page's URL is <paramref name="urlIs"/> (a script condition on location.search) and the
    /// page is drawn.</summary>
    private static async Task Press(IPage page, string focus, string key, string urlIs)
    {
        await page.EvaluateExpressionAsync(focus + ".focus()");
        await page.Keyboard.PressAsync(key);
        await page.WaitForFunctionAsync("() => " + urlIs);
        await page.WaitForNetworkIdleAsync();
    }

    // A browser and three redraws: seconds, so in the long run.
    [BrowserFact(LongRun = true)]
    public async Task A_facet_a_bar_and_a_chip_chosen_by_keyboard_keep_the_focus_in_place()
    {
        var page = await Browser!.NewPageAsync();
        await page.GoToAsync(Server.Url + "/?q=ferry", WaitUntilNavigation.Networkidle0);

        await Press(page, "[...document.querySelectorAll('fieldset[data-dim=section] input')].find(i => i.labels[0].textContent === 'weather')", " ", "location.search.includes('filter=section%3Dweather')");
        Assert.Equal("facet weather ticked", await Focused(page));

        await Press(page, "document.querySelector(\"#timeline .bar[data-value='2021-02']\")", "Enter", "location.search.includes('range=2021-02..2021-02')");
        Assert.Equal("bar 2021-02", await Focused(page));

        await Press(page, "document.querySelector('#chips .chip')", "Enter", "!location.search.includes('filter=')");
        Assert.Equal("chip date: 2021-02", await Focused(page));
    }
}
