using System.Text.Json;
using System.Text.RegularExpressions;
using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Rendering;

/// <summary>Results, facet panels and whole articles fit the terminal's width, with and without
/// colour, and are broken only between words.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed partial class WrappingTests
{
    private const string Seed = "000_9ea3fcf4dd3ee866.txt";
    private readonly SeedIndexFixture _f;

    public WrappingTests(SeedIndexFixture f) => _f = f;

    /// <summary>The line as it shows: colour codes take no columns.</summary>
    private static string Visible(string line) => Ansi().Replace(line, "");

    private static void AssertFits(string output, int width)
    {
        foreach (string line in output.Split('\n').Select(l => Visible(l.TrimEnd('\r'))))
            if (!line.StartsWith("http", StringComparison.Ordinal)) // a cited URL is never cut, so it can be copied
                Assert.True(line.Length <= width, $"{line.Length} columns > {width}: '{line}'");
    }

    /// <summary>Every word shown is a whole word of <paramref name="source"/>: a word broken at
    /// the end of a line would show as two pieces that are not.</summary>
    private static void AssertWholeWords(IEnumerable<string> lines, string source)
    {
        var words = source.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        foreach (string line in lines)
            foreach (string word in Visible(line).Replace("**", "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                Assert.True(words.Contains(word), $"'{word}' is not a whole word of the text (line: '{line}')");
    }

    [Theory]
    [InlineData(40, false)]
    [InlineData(40, true)]
    [InlineData(100, false)]
    [InlineData(100, true)]
    public void Show_wraps_the_article_at_word_boundaries_with_matches_highlighted(int width, bool color)
    {
        var run = SearchCli.Terminal(width, color, "kazakh\n:show 1\n", "console", "--index", _f.Index);
        Assert.Equal(0, run.Code);
        AssertFits(run.Out, width);
        var article = JsonDocument.Parse(SearchCli.InProcess("show", Seed, "--index", _f.Index, "--json").Out).RootElement;
        string body = article.GetProperty("body").GetString()!;
        string title = article.GetProperty("title").GetString()!;
        // The article starts at its title; its body follows the first blank line after it.
        var lines = run.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int titleAt = lines.FindIndex(l => Visible(l).StartsWith(title[..10], StringComparison.Ordinal));
        int bodyAt = lines.FindIndex(titleAt, l => l.Length == 0) + 1;
        var bodyLines = lines.Skip(bodyAt).Where(l => l.Length > 0 && !Visible(l).StartsWith("http", StringComparison.Ordinal)).ToList();
        AssertWholeWords(bodyLines, body);
        // The body is all there: its words in order, whatever the line breaks.
        Assert.Equal(string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', string.Join(' ', bodyLines.Select(l => Visible(l).Replace("**", ""))).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        // The query's matches are highlighted in the body: bold yellow on colour, **word** without.
        string shown = string.Join('\n', bodyLines);
        if (color)
            Assert.Contains("\u001b[1;33mKazakh\u001b[0m", shown);
        else
        {
            Assert.Contains("**Kazakh**", shown);
            Assert.DoesNotContain("\u001b[", run.Out);
            Assert.All(bodyLines, l => Assert.True(Regex.Count(l, @"\*\*") % 2 == 0, $"unbalanced ** on '{l}'"));
        }
    }

    [Theory]
    [InlineData(40, false)]
    [InlineData(40, true)]
    [InlineData(100, false)]
    [InlineData(100, true)]
    public void Results_and_facet_panel_fit_the_width(int width, bool color)
    {
        var run = SearchCli.Terminal(width, color, "", "query", "government", "--index", _f.Index, "--limit", "5",
            "--facet", "place", "--facet", "source", "--facet", "year");
        Assert.Equal(0, run.Code);
        AssertFits(run.Out, width);
        var json = JsonDocument.Parse(SearchCli.InProcess("query", "government", "--index", _f.Index, "--limit", "5", "--json").Out).RootElement;
        string source = string.Join(' ', json.GetProperty("hits").EnumerateArray().SelectMany(h => new[]
        {
            h.GetProperty("title").GetString(), h.GetProperty("snippet").GetString()!.Replace("<mark>", "").Replace("</mark>", ""),
            h.GetProperty("source").GetString(), h.GetProperty("published").GetString(), h.GetProperty("id").GetString(), "·",
        }.Where(s => s != null)));
        // Hit lines (rank, title, metadata, snippet) break between words only.
        var hitLines = run.Out.Split('\n').SkipWhile(l => !Visible(l).StartsWith("  1.", StringComparison.Ordinal))
            .TakeWhile(l => !Visible(l).StartsWith("place", StringComparison.Ordinal)).Where(l => l.Trim().Length > 0)
            .Select(l => Regex.Replace(Visible(l), @"^\s*\d+\.", "")).ToList();
        Assert.NotEmpty(hitLines);
        AssertWholeWords(hitLines, source);
        // Facet rows keep their counts on the row: nothing wraps.
        var facetRows = run.Out.Split('\n').Select(Visible).Where(l => l.Contains('█')).ToList();
        Assert.NotEmpty(facetRows);
        Assert.All(facetRows, r => Assert.Matches(@"\d\s*$", r));
    }

    [Fact]
    public void Without_colour_highlight_markers_count_toward_the_width()
    {
        // At 100 columns the snippet of a query matching many words is dense with ** markers.
        var run = SearchCli.Terminal(100, false, "", "query", "russia OR moscow OR government OR police", "--index", _f.Index, "--limit", "10");
        Assert.Contains("**", run.Out);
        AssertFits(run.Out, 100);
    }

    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    private static partial Regex Ansi();
}
