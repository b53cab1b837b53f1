using System.Text.Json;
using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Commands;

/// <summary>--help on every command, `search --index DIR`, facet lists that say what they leave
/// out, and messages in the right number and wording.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class HelpAndWordingTests
{
    private readonly SeedIndexFixture _f;

    public HelpAndWordingTests(SeedIndexFixture f) => _f = f;

    [Theory]
    [InlineData("index")]
    [InlineData("query")]
    [InlineData("q")]
    [InlineData("show")]
    [InlineData("stats")]
    [InlineData("eval")]
    [InlineData("console")]
    [InlineData("check")]
    [InlineData("related")]
    [InlineData("duplicates")]
    [InlineData("help")]
    public void Every_command_answers_help_without_running(string command)
    {
        // A missing index and missing arguments do not matter: --help never runs the command.
        foreach (string flag in new[] { "--help", "-h" })
        {
            var run = SearchCli.InProcess(command, flag, "--index", Path.Combine(_f.Dir, "nowhere"));
            Assert.Equal(0, run.Code);
            Assert.Equal("", run.Err);
            Assert.StartsWith("usage: search ", run.Out);
            Assert.Contains(command == "q" ? "query" : command, run.Out.Split('\n')[0]);
        }
        Assert.Equal(SearchCli.InProcess(command, "--help").Out, SearchCli.InProcess("help", command).Out);
        Assert.False(Directory.Exists(Path.Combine(_f.Dir, "nowhere")));
    }

    [Fact]
    public void Help_for_an_unknown_command_is_a_usage_error()
    {
        var run = SearchCli.InProcess("help", "frobnicate");
        Assert.Equal(2, run.Code);
        Assert.Contains("commands are console, index, query", run.Err);
    }

    [Fact]
    public void A_mistyped_command_is_named_with_the_commands_there_are()
    {
        var run = SearchCli.InProcess("qeury", "russia", "--index", _f.Index);
        Assert.Equal(2, run.Code);
        Assert.Equal("", run.Out);
        Assert.Equal("search: no command 'qeury'; commands are console, index, query, show, related, duplicates, stats, serve, check, eval, help (see `search help`)\n",
            run.Err.Replace("\r\n", "\n"));
    }

    /// <summary>Words past what a command takes were System.CommandLine's "Unrecognized command
    /// or argument 'b'".</summary>
    [Theory]
    [InlineData("show a b", "show takes one article id, not 'a b'; quote an id that has spaces (see `search help show`)")]
    [InlineData("related a b c", "related takes one article id, not 'a b c'; quote an id that has spaces (see `search help related`)")]
    [InlineData("stats x", "stats takes no words, not 'x' (see `search help stats`)")]
    [InlineData("stats --bogus", "unknown option --bogus (see `search help stats`)")]
    public void Words_a_command_does_not_take_are_one_clear_line(string args, string error)
    {
        var run = SearchCli.InProcess([.. args.Split(' '), "--index", _f.Index]);
        Assert.Equal(2, run.Code);
        Assert.Equal("", run.Out);
        Assert.Equal($"search: {error}\n", run.Err.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Index_option_alone_opens_the_console_on_that_index()
    {
        var run = SearchCli.WithInput("kazakh\n", "--index", _f.Index);
        Assert.Equal(0, run.Code);
        Assert.Contains("1 result for \"kazakh\", showing 1-1", run.Out);
    }

    [Fact]
    public void Counts_are_singular_or_plural_as_they_should_be()
    {
        Assert.Contains("1 result for \"kazakh\"", SearchCli.InProcess("query", "kazakh", "--index", _f.Index).Out);
        Assert.Contains("2 results for \"fsb\"", SearchCli.InProcess("query", "fsb", "--index", _f.Index).Out);
        var stats = SearchCli.InProcess("stats", "--index", _f.Index).Out;
        Assert.DoesNotContain(" 1 values", stats);
        Assert.DoesNotContain(" 1 segments", stats);
    }

    [Fact]
    public void A_quoted_query_is_not_wrapped_in_more_double_quotes()
    {
        var run = SearchCli.InProcess("query", "\"islamic state\"", "--index", _f.Index);
        Assert.Contains("results for '\"islamic state\"'", run.Out);
        Assert.DoesNotContain("\"\"", run.Out);
    }

    [Fact]
    public void Limit_zero_gives_the_count_without_a_page()
    {
        var run = SearchCli.InProcess("query", "government", "--index", _f.Index, "--limit", "0");
        Assert.Matches(@"^\d+ results for ""government"" \(", run.Out);
        Assert.DoesNotContain("none at offset", run.Out);
        var beyond = SearchCli.InProcess("query", "kazakh", "--index", _f.Index, "--offset", "5");
        Assert.Contains("1 result for \"kazakh\"; none at offset 5", beyond.Out);
        // Past the ranked window (10,000) the offset asked for is still the one said.
        var far = SearchCli.InProcess("query", "kazakh", "--index", _f.Index, "--offset", "1000000");
        Assert.Contains("1 result for \"kazakh\"; none at offset 1,000,000", far.Out);
    }

    [Fact]
    public void Facet_lists_say_what_they_leave_out()
    {
        var run = SearchCli.InProcess("query", "*", "--index", _f.Index, "--json", "--facet", "year", "--facet", "place", "--facet-limit", "1", "--limit", "0");
        var root = JsonDocument.Parse(run.Out).RootElement;
        var all = JsonDocument.Parse(SearchCli.InProcess("query", "*", "--index", _f.Index, "--json", "--facet", "year", "--facet", "place", "--facet-limit", "1000", "--limit", "0").Out).RootElement;
        foreach (string dim in new[] { "year", "place" })
        {
            var every = all.GetProperty("facets").GetProperty(dim).EnumerateArray().ToList();
            var shown = root.GetProperty("facets").GetProperty(dim).EnumerateArray().ToList();
            var other = root.GetProperty("facet_other").GetProperty(dim);
            Assert.Single(shown);
            Assert.Equal(every.Count - 1, other.GetProperty("values").GetInt32());
            Assert.Equal(every.Sum(v => v.GetProperty("count").GetInt64()) - shown[0].GetProperty("count").GetInt64(), other.GetProperty("count").GetInt64());
            Assert.Equal(0, all.GetProperty("facet_other").GetProperty(dim).GetProperty("values").GetInt32());
        }
        // Dates keep the newest values.
        string newest = all.GetProperty("facets").GetProperty("year").EnumerateArray().Select(y => y.GetProperty("value").GetString()!).Max(StringComparer.Ordinal)!;
        Assert.Equal(newest, root.GetProperty("facets").GetProperty("year")[0].GetProperty("value").GetString());
        // In text, the left-out values are counted, with the option that shows them.
        var text = SearchCli.InProcess("query", "*", "--index", _f.Index, "--facet", "place", "--facet-limit", "2", "--limit", "0").Out;
        int places = all.GetProperty("facets").GetProperty("place").GetArrayLength();
        Assert.Contains($"… {places - 2} more (--facet-limit {places})", text);
        Assert.DoesNotContain(":facet", text);
    }

    [Fact]
    public void Console_commands_name_themselves_in_their_errors()
    {
        var run = SearchCli.WithInput(":sort bogus\n:limit 20000\n:limit 0\n", "console", "--index", _f.Index);
        Assert.Contains(":sort must be relevance, newest or oldest, not 'bogus'", run.Err);
        Assert.DoesNotContain("--sort", run.Err);
        Assert.Contains(":limit needs a whole number from 0 to 10000", run.Err);
        Assert.Contains("0 results per page", run.Out);
    }

    [Fact]
    public void Console_compact_year_panel_shows_the_newest_years()
    {
        var run = SearchCli.WithInput("*\n", "console", "--index", _f.Index);
        string panel = run.Out[run.Out.LastIndexOf("\nyear", StringComparison.Ordinal)..];
        Assert.Contains("2020", panel);
        Assert.Contains("2019", panel);
        Assert.True(panel.IndexOf("2019", StringComparison.Ordinal) < panel.IndexOf("2020", StringComparison.Ordinal), "years in time order");
    }

    [Fact]
    public void After_a_query_that_does_not_parse_the_console_keeps_the_last_good_one()
    {
        var run = SearchCli.WithInput(":limit 1\ngovernment\nkazakh AND\n:next\n", "console", "--index", _f.Index);
        Assert.Contains("'AND' at the end needs a word or phrase after it", run.Err);
        Assert.Contains("still act on the last query that worked: government", run.Err);
        Assert.Contains("results for \"government\", showing 2-2", run.Out);
        Assert.Single(run.Err.Split('\n'), l => l.Contains("needs a word or phrase")); // :next did not repeat the error

        var first = SearchCli.WithInput("kazakh AND\n:next\n:facet place\n", "console", "--index", _f.Index);
        Assert.Single(first.Err.Split('\n'), l => l.Contains("needs a word or phrase"));
        Assert.Contains("No query yet", first.Out);
    }
}
