using PuppeteerSharp;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>A query the page cannot read, in the system's Chromium: the character the error's
/// position names is the one marked, after an emoji too (positions count characters as seen).</summary>
public sealed class PageQueryErrorTests : CorpusPage
{
    protected override void WriteCorpus() =>
        File.WriteAllText(Path.Combine(Corpus, "a.txt"), "Tram strike\n\nTram drivers stopped work over the new timetable.\n");

    [BrowserFact(LongRun = true)]
    public async Task The_mark_falls_on_the_character_the_error_names_after_an_emoji()
    {
        var page = await Browser!.NewPageAsync();
        await page.GoToAsync(Server.Url + "/?q=" + Uri.EscapeDataString("🚋 \"russ* putin\""), WaitUntilNavigation.Networkidle0);
        Assert.Equal("*", await page.EvaluateExpressionAsync<string>("document.querySelector('#q-error .at').textContent"));
    }
}
