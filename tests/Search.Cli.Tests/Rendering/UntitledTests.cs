using System.Text.Json;
using Search.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Rendering;

/// <summary>An article without a title (an export of bodies alone) shows as "(untitled)" where a
/// title goes, as the web page shows it; it was an empty line after the hit's number.</summary>
public sealed class UntitledTests
{
    [Fact]
    public void Hits_related_articles_and_the_article_say_untitled_and_json_keeps_the_empty_title()
    {
        using var dir = new TempDir();
        // The seed article's paragraphs as records of a CSV with a body column only.
        var paragraphs = File.ReadAllText(RepoPaths.SeedArticle).Split("\n\n").Select(p => p.ReplaceLineEndings(" ").Trim())
            .Where(p => p.Length > 80 && !p.StartsWith("http", StringComparison.Ordinal)).Take(4).ToList();
        Assert.Equal(4, paragraphs.Count);
        string csv = Path.Combine(dir.Path, "bodies.csv");
        File.WriteAllLines(csv, ["body", .. paragraphs.Select(p => "\"" + p.Replace("\"", "\"\"") + "\"")]);
        string index = Path.Combine(dir.Path, "index");
        Assert.Equal(0, SearchCli.InProcess("index", csv, "--index", index).Code);

        var hits = SearchCli.InProcess("query", "Kazakhstan", "--index", index);
        Assert.Equal(0, hits.Code);
        Assert.Contains("  1. (untitled)", hits.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(hits.Out.Split('\n'), l => l.TrimEnd() is "1." or "  1.");
        var show = SearchCli.InProcess("show", "bodies.csv#1", "--index", index);
        Assert.StartsWith("(untitled)", show.Out, StringComparison.Ordinal);
        var related = SearchCli.InProcess("related", "bodies.csv#1", "--index", index);
        Assert.StartsWith("Related to (untitled) bodies.csv#1", related.Out, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(SearchCli.InProcess("query", "Kazakhstan", "--index", index, "--json").Out);
        Assert.All(json.RootElement.GetProperty("hits").EnumerateArray(), h => Assert.Equal("", h.GetProperty("title").GetString()));
    }
}
