using Search.Core.Indexing;
using Search.Core.Ingest;
using Search.Core.Ingest.Html;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Ingest.Html;

public sealed class MarkupInFieldsTests
{
    private static Article Applied(string title, string body)
    {
        var article = new Article { Title = title, Body = body };
        MarkupInFields.Apply(article);
        return article;
    }

    [Fact]
    public void Markup_becomes_paragraphs_and_entities_their_characters()
    {
        var a = Applied("Council&#8217;s <em>budget</em>", "<p>The council <strong>approved</strong> it.</p>\n<p>Libraries &amp; <a href=\"https://x.org\">parks</a> gain.</p>");
        Assert.Equal("Council\u2019s budget", a.Title);
        Assert.Equal("The council approved it.\n\nLibraries & parks gain.", a.Body);
        Assert.Equal("Line one\n\nline two", Applied("t", "Line one<br/>line two").Body);
        Assert.Equal("Tom & Jerry", Applied("Tom &amp; Jerry", "x").Title);
    }

    [Theory]
    [InlineData("Cyprus Minerals Co <CYPM> said it would buy USAir Group Inc's <U> stake.")] // Reuters' tickers
    [InlineData("If x < y and y > z, then AT&T's Q&A says nothing.")]
    [InlineData("Use the <title> element; & so on.")]
    public void Plain_text_with_angle_brackets_stays_as_it_is(string text)
    {
        Assert.Equal(text, Applied(text, text).Body);
        Assert.Equal(text, Applied(text, text).Title);
    }

    [Fact]
    public void A_WordPress_export_and_its_API_read_as_text()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "archive");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "wp.csv"),
            "post_title,post_content,post_date\n\"Harbour reopens\",\"<p>The harbour <em>reopened</em> today.</p><p>Ships &amp; ferries are back.</p>\",2024-05-02 10:00:00\n");
        File.WriteAllText(Path.Combine(root, "posts.json"), """
            [{"id": 7, "date": "2024-05-03T09:00:00", "link": "https://news.example.org/2024/05/03/budget/",
              "title": {"rendered": "Council&#8217;s budget passes"},
              "content": {"rendered": "<p>The city council <strong>approved</strong> the budget.</p>\n<p>It funds libraries &amp; parks.</p>", "protected": false},
              "excerpt": {"rendered": "<p>The council approved the budget.</p>"}}]
            """);
        string index = Path.Combine(dir.Path, "index");
        RunBuild(new BuildOptions { Roots = [root], IndexPath = index });

        using var searcher = ArticleSearcher.Open(index);
        var csv = searcher.Get("wp.csv#1")!;
        Assert.Equal(("Harbour reopens", "The harbour reopened today.\n\nShips & ferries are back.", "2024-05-02"), (csv.Title, csv.Body, csv.Published));
        var api = searcher.Get("7")!;
        Assert.Equal(("Council\u2019s budget passes", "The city council approved the budget.\n\nIt funds libraries & parks."), (api.Title, api.Body));
        Assert.Equal("https://news.example.org/2024/05/03/budget/", api.Url);
        Assert.Equal(0, searcher.Search(new SearchRequest { Query = "strong" }).Total);
        Assert.Equal(0, searcher.Search(new SearchRequest { Query = "href" }).Total);
        Assert.Equal(1, searcher.Search(new SearchRequest { Query = "ferries" }).Total);
    }
}
