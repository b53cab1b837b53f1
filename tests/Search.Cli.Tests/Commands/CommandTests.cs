using System.Text.Json;
using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Commands;

/// <summary>The commands as a user runs them: output, JSON shapes, exit codes, messages.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class CommandTests
{
    private const string Seed = "000_9ea3fcf4dd3ee866.txt";
    private readonly SeedIndexFixture _f;

    public CommandTests(SeedIndexFixture f) => _f = f;

    [Fact]
    public void Index_reports_added_then_unchanged()
    {
        Assert.Equal(0, _f.FirstBuild.Code);
        Assert.Contains("296 added", _f.FirstBuild.Out);
        Assert.Contains("1 ignored", _f.FirstBuild.Out);
        var again = SearchCli.InProcess("index", RepoPaths.Seeds, "--index", _f.Index, "--json");
        Assert.Equal(0, again.Code);
        using var json = JsonDocument.Parse(again.Out);
        Assert.Equal(296, json.RootElement.GetProperty("articles_unchanged").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("articles_added").GetInt32());
        Assert.Equal(296, json.RootElement.GetProperty("documents_in_index").GetInt32());
        Assert.Equal(4, json.RootElement.GetProperty("files_scanned").GetInt32());
    }

    [Fact]
    public void Query_json_has_the_documented_shape()
    {
        var run = SearchCli.InProcess("query", "kazakh", "fsb", "--index", _f.Index, "--json");
        Assert.Equal(0, run.Code);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(new[] { "query", "total", "collapsed", "articles", "took_ms", "offset", "hits", "suggestion", "any_words", "filters" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("kazakh fsb", root.GetProperty("query").GetString());
        var hit = root.GetProperty("hits").EnumerateArray().First();
        Assert.Equal(new[] { "id", "score", "title", "source", "author", "published", "section", "url", "snippet", "cluster", "copies" }, hit.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, hit.GetProperty("copies").GetInt32()); // the seeds hold no copies
        Assert.Matches("^[0-9a-f]{16}$", hit.GetProperty("cluster").GetString());
        Assert.Equal(Seed, hit.GetProperty("id").GetString());
        Assert.Equal("2 Kazakhs Killed in Russian Anti-Terror Operation", hit.GetProperty("title").GetString());
        Assert.Contains("<mark>Kazakh</mark>", hit.GetProperty("snippet").GetString());
    }

    [Fact]
    public void Query_text_output_lists_hits_without_colour_when_redirected()
    {
        var run = SearchCli.InProcess("query", "\"islamic state\"", "--index", _f.Index, "--limit", "3");
        Assert.Equal(0, run.Code);
        Assert.Contains("results for '\"islamic state\"'", run.Out);
        Assert.Contains("**Islamic State**", run.Out);
        Assert.DoesNotContain("\u001b[", run.Out);
    }

    [Fact]
    public void Facets_and_filters_in_json()
    {
        var run = SearchCli.InProcess("query", "*", "--index", _f.Index, "--json", "--facet", "year", "--facet", "source", "--filter", "source=en.wikinews.org", "--limit", "0");
        Assert.Equal(0, run.Code);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(295, json.RootElement.GetProperty("total").GetInt32());
        var years = json.RootElement.GetProperty("facets").GetProperty("year").EnumerateArray().ToList();
        Assert.Equal(295, years.Sum(y => y.GetProperty("count").GetInt32()));
        var sources = json.RootElement.GetProperty("facets").GetProperty("source").EnumerateArray().ToList();
        Assert.Contains(sources, s => s.GetProperty("value").GetString() == "themoscowtimes.com" && !s.GetProperty("selected").GetBoolean());
        Assert.Equal("en.wikinews.org", json.RootElement.GetProperty("filters").GetProperty("source")[0].GetString());
    }

    [Theory]
    [InlineData("kazakh AND", "'AND' at the end needs a word or phrase after it (position 10)")]
    [InlineData("\"islamic state", "unbalanced quote")]
    [InlineData("title:*", "cannot start with '*'")]
    public void Unparseable_query_exits_2_with_one_line(string query, string message)
    {
        var run = SearchCli.InProcess("query", query, "--index", _f.Index);
        Assert.Equal(2, run.Code);
        Assert.Contains(message, run.Err);
        Assert.Single(run.Err.TrimEnd().Split('\n'));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Missing_index_exits_1_with_a_clear_message()
    {
        var run = SearchCli.InProcess("query", "kazakh", "--index", Path.Combine(_f.Dir, "nowhere"));
        Assert.Equal(1, run.Code);
        Assert.StartsWith("search: no index at", run.Err);
        Assert.Single(run.Err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Stats_of_an_index_without_a_date_says_none_instead_of_dashes()
    {
        using var dir = new TempDir();
        // The Moscow Times article of seeds/ states no date.
        File.Copy(Path.Combine(RepoPaths.Seeds, Seed), dir.Sub("undated.txt"));
        string index = dir.Sub("index");
        Assert.Equal(0, SearchCli.InProcess("index", dir.Sub("undated.txt"), "--index", index).Code);
        var run = SearchCli.InProcess("stats", "--index", index);
        Assert.Equal(0, run.Code);
        string dates = run.Out.Split('\n').Single(l => l.StartsWith("dates", StringComparison.Ordinal));
        Assert.Equal("dates      none: the article is undated", dates.TrimEnd());
    }

    [Fact]
    public void Stats_of_an_index_its_last_build_emptied_says_it_holds_no_article()
    {
        using var dir = new TempDir();
        string folder = dir.Sub("archive");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(RepoPaths.Seeds, Seed), Path.Combine(folder, "article.txt"));
        string index = dir.Sub("index");
        Assert.Equal(0, SearchCli.InProcess("index", folder, "--index", index).Code);
        // The article replaced by a file that is no article: the rebuild leaves an empty index.
        File.Delete(Path.Combine(folder, "article.txt"));
        File.WriteAllText(Path.Combine(folder, "README"), "notes");
        SearchCli.InProcess("index", "--rebuild", folder, "--index", index);
        var run = SearchCli.InProcess("stats", "--index", index);
        Assert.Equal(0, run.Code);
        var lines = run.Out.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains("articles   0 in 0 segments", lines.Single(l => l.StartsWith("articles", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal("dates      none: the index holds no article", lines.Single(l => l.StartsWith("dates", StringComparison.Ordinal)));
        Assert.Equal("fields     none", lines.Single(l => l.StartsWith("fields", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_date_in_a_query_on_an_index_without_dates_says_why_nothing_matches()
    {
        using var dir = new TempDir();
        File.Copy(Path.Combine(RepoPaths.Seeds, Seed), dir.Sub("undated.txt"));
        string index = dir.Sub("index");
        Assert.Equal(0, SearchCli.InProcess("index", dir.Sub("undated.txt"), "--index", index).Code);
        // The article's own words find it; with a date, nothing can, and the output says why.
        Assert.Contains("1 result", SearchCli.InProcess("query", "kazakh", "--index", index).Out, StringComparison.Ordinal);
        var run = SearchCli.InProcess("query", "kazakh published:2019", "--index", index, "--json");
        Assert.Equal(0, run.Code);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("no article in this index has a date", StringComparison.Ordinal));
        // An index with dates: a year none was published in is simply no result.
        var dated = SearchCli.InProcess("query", "kazakh published:1999", "--index", _f.Index, "--json");
        using var datedJson = JsonDocument.Parse(dated.Out);
        Assert.Equal(0, datedJson.RootElement.GetProperty("total").GetInt32());
        Assert.False(datedJson.RootElement.TryGetProperty("notes", out var notes) && notes.GetArrayLength() > 0);
        // Sorted newest first, every undated article ties: the order is the ranking's, and it says so.
        var sorted = SearchCli.InProcess("query", "kazakh", "--sort", "newest", "--index", index);
        Assert.Contains("newest first is the ranking's order", sorted.Out + sorted.Err, StringComparison.Ordinal);
        var sortedDated = SearchCli.InProcess("query", "kazakh", "--sort", "newest", "--index", _f.Index);
        Assert.DoesNotContain("ranking's order", sortedDated.Out + sortedDated.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_from_the_environment_variable()
    {
        Environment.SetEnvironmentVariable("SEARCH_INDEX", _f.Index);
        try
        {
            var run = SearchCli.InProcess("stats", "--json");
            Assert.Equal(0, run.Code);
            using var json = JsonDocument.Parse(run.Out);
            Assert.Equal(296, json.RootElement.GetProperty("documents").GetInt32());
            Assert.Equal("2019-01-04", json.RootElement.GetProperty("dates").GetProperty("oldest").GetString());
            Assert.Equal(1, json.RootElement.GetProperty("dates").GetProperty("undated").GetInt32());
            Assert.Equal(9, json.RootElement.GetProperty("dimensions").EnumerateObject().Count());
        }
        finally
        {
            Environment.SetEnvironmentVariable("SEARCH_INDEX", null);
        }
    }

    [Fact]
    public void Show_prints_every_field()
    {
        var run = SearchCli.InProcess("show", Seed, "--index", _f.Index, "--json");
        Assert.Equal(0, run.Code);
        using var json = JsonDocument.Parse(run.Out);
        var a = json.RootElement;
        Assert.Equal("themoscowtimes.com", a.GetProperty("source").GetString());
        Assert.Equal("AFP", a.GetProperty("author").GetString());
        Assert.Equal("https://www.themoscowtimes.com/author/afp-2", a.GetProperty("author_url").GetString());
        Assert.Equal("gov.kz", a.GetProperty("links")[0].GetString());
        Assert.Equal("U.S. Embassy in Moscow Warns of 'Imminent' Terrorist Attack", a.GetProperty("related")[0].GetString());
        Assert.Contains("Islamic State-Khorasan Province", a.GetProperty("body").GetString());

        var text = SearchCli.InProcess("show", Seed, "--index", _f.Index);
        Assert.Contains("2 Kazakhs Killed in Russian Anti-Terror Operation", text.Out);
        Assert.Contains("places:", text.Out);

        var missing = SearchCli.InProcess("show", "no-such-id", "--index", _f.Index);
        Assert.Equal(1, missing.Code);
        Assert.Contains("no article with id 'no-such-id'", missing.Err);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("query", "--bogus")]
    [InlineData("query", "x", "--limit", "many")]
    [InlineData("query", "x", "--sort", "sideways")]
    public void Bad_command_lines_exit_2(params string[] args)
    {
        var run = SearchCli.InProcess(args.Concat(new[] { "--index", _f.Index }).ToArray());
        Assert.Equal(2, run.Code);
        Assert.StartsWith("search: ", run.Err);
    }

    [Fact]
    public void A_choice_is_read_in_any_case_as_a_facet_is()
    {
        string Ids(string sort) => string.Join(",", JsonDocument.Parse(SearchCli.InProcess("query", "russia", "--index", _f.Index, "--json", "--sort", sort).Out)
            .RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.Equal(Ids("oldest"), Ids("Oldest"));
        Assert.NotEqual(Ids("oldest"), Ids("NEWEST"));
    }

    [Fact]
    public void Bad_filter_is_a_usage_error()
    {
        var run = SearchCli.InProcess("query", "*", "--index", _f.Index, "--filter", "placeRussia");
        Assert.Equal(2, run.Code);
        Assert.Contains("DIMENSION=VALUE", run.Err);
        var unknown = SearchCli.InProcess("query", "*", "--index", _f.Index, "--facet", "colour");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("unknown facet 'colour'", unknown.Err);
    }
}
