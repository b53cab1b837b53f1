using System.Text.Json;
using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Commands;

/// <summary>The command-line habits users rely on, kept on System.CommandLine: a word starting with
/// a single '-' is a word, an unknown `--option` is an error and not a query word, a repeated option
/// keeps its last value, after `--` everything is a word, and bad lines exit 2 with one line.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class CommandLineConventionsTests
{
    private readonly SeedIndexFixture _f;

    public CommandLineConventionsTests(SeedIndexFixture f) => _f = f;

    private long Total(params string[] args)
    {
        var run = SearchCli.InProcess(args.Concat(new[] { "--index", _f.Index, "--json" }).ToArray());
        Assert.True(run.Code == 0, run.Err);
        return JsonDocument.Parse(run.Out).RootElement.GetProperty("total").GetInt64();
    }

    [Fact]
    public void A_single_dash_word_is_a_negation_not_an_option()
    {
        long all = Total("query", "*");
        long russia = Total("query", "russia");
        Assert.True(russia > 0);
        Assert.Equal(all - russia, Total("query", "-russia"));
        // Not -r -u -s -s -i -a bundled, and not help: -h alone asks for help, -hat is a word.
        Assert.Equal(all - Total("query", "hat"), Total("query", "-hat"));
    }

    [Fact]
    public void An_unknown_option_is_an_error_naming_it()
    {
        var run = SearchCli.InProcess("query", "russia", "--limt", "3", "--index", _f.Index);
        Assert.Equal(2, run.Code);
        Assert.Equal("search: unknown option --limt (see `search help query`)\n", run.Err.Replace("\r\n", "\n"));
        Assert.Equal("", run.Out);
    }

    /// <summary>`search --limt 5` opens the console, which said "console takes no words; to run a
    /// query, use `search query --limt 5`", a command that fails the same way.</summary>
    [Fact]
    public void An_unknown_option_of_the_console_is_named_not_taken_for_query_words()
    {
        var run = SearchCli.InProcess("--limt", "5", "--index", _f.Index);
        Assert.Equal(2, run.Code);
        Assert.Equal("search: unknown option --limt (see `search help console`)\n", run.Err.Replace("\r\n", "\n"));
        // Words are still words: the console says how to run them as a query.
        var words = SearchCli.InProcess("console", "-russia", "--index", _f.Index);
        Assert.Equal(2, words.Code);
        Assert.Contains("to run a query, use `search query -russia`", words.Err);
    }

    [Fact]
    public void A_repeated_option_keeps_its_last_value_and_after_a_double_dash_all_are_words()
    {
        var run = SearchCli.InProcess("query", "*", "--limit", "5", "--limit", "1", "--index", _f.Index, "--json");
        Assert.Equal(1, JsonDocument.Parse(run.Out).RootElement.GetProperty("hits").GetArrayLength());
        var words = SearchCli.InProcess("query", "--index", _f.Index, "--json", "--", "-h");
        Assert.Equal(0, words.Code);
        Assert.Equal("-h", JsonDocument.Parse(words.Out).RootElement.GetProperty("query").GetString());
    }
}
