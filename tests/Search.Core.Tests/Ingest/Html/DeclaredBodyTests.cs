using System.Text;
using System.Text.Json;
using Search.Core.Ingest.Html;
using Xunit;

namespace Search.Core.Tests.Ingest.Html;

/// <summary>A page's JSON-LD <c>articleBody</c> stands in for the text the page does not show.</summary>
public sealed class DeclaredBodyTests
{
    private static readonly string[] Sentences =
    [
        "Dock workers voted on Thursday to end a three-week strike that had halted most container traffic through the port.",
        "The union said the new contract raises wages by eight percent over three years and limits automation at two terminals.",
        "Shipping companies said it would take about ten days to clear the backlog of vessels waiting offshore.",
        "The strike had cost local businesses an estimated forty million dollars a week, according to the chamber of commerce.",
        "City officials said they would review the port's emergency plans before the next round of talks in the spring.",
    ];

    private static string Page(string visible, string declared) =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Port strike ends after three weeks</title>" +
        "<script type=\"application/ld+json\">" +
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = "Port strike ends after three weeks",
            ["author"] = new Dictionary<string, string> { ["@type"] = "Person", ["name"] = "Maria Lopez" },
            ["articleBody"] = declared,
        }) +
        "</script></head><body>" + visible + "<script src=\"/app.js\"></script></body></html>";

    private static ExtractedPage Extract(string html) => HtmlExtractor.Extract(Encoding.UTF8.GetBytes(html));

    [Fact]
    public void A_page_whose_text_a_script_draws_gets_the_declared_text()
    {
        var page = Extract(Page("<div id=\"root\">Loading…</div>", string.Join(" ", Sentences)));
        Assert.Null(page.NotAnArticle);
        Assert.Equal(string.Join(" ", Sentences), page.Body);
        Assert.Equal("Port strike ends after three weeks", page.Title);
        Assert.Equal("Maria Lopez", page.Metadata.Author);
    }

    [Fact]
    public void A_teaser_gives_way_to_the_whole_declared_text_a_summary_does_not_replace_the_page()
    {
        string teaser = $"<article><h1>Port strike ends after three weeks</h1><p>{Sentences[0]}</p><p>Subscribe to read more.</p></article>";
        var paywalled = Extract(Page(teaser, string.Join("\n", Sentences)));
        Assert.Equal(string.Join("\n\n", Sentences), paywalled.Body);

        string whole = $"<article><h1>Port strike ends after three weeks</h1>{string.Concat(Sentences.Select(s => $"<p>{s}</p>"))}</article>";
        var shown = Extract(Page(whole, Sentences[0] + " " + Sentences[1]));
        Assert.Equal(string.Join("\n\n", Sentences), shown.Body);
    }

    [Fact]
    public void Markup_in_the_declared_text_becomes_paragraphs()
    {
        string declared = string.Concat(Sentences.Select(s => $"<p>{s}</p>"));
        Assert.Equal(string.Join("\n\n", Sentences), DeclaredBody.ToText(declared));
        Assert.Equal(string.Join("\n\n", Sentences), Extract(Page("<div id=\"root\"></div>", declared)).Body);
    }

    [Fact]
    public void A_few_declared_words_do_not_make_an_empty_page_an_article()
    {
        var page = Extract(Page("<div id=\"root\">Loading…</div>", "Dock workers end their strike."));
        Assert.True(page.Body.Length == 0 || page.NotAnArticle != null);
        Assert.Null(DeclaredBody.Instead("Dock workers end their strike.", ""));
    }
}
