using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Interactive;

/// <summary>The console driven through stdin, as scripts (and people piping input) use it.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class ConsoleTests
{
    private readonly SeedIndexFixture _f;

    public ConsoleTests(SeedIndexFixture f) => _f = f;

    [Fact]
    public void End_to_end_through_a_real_process()
    {
        var run = SearchCli.Process("kazakh\n:show 1\n", "console", "--index", _f.Index);
        Assert.Equal(0, run.Code);
        Assert.Contains("1 result for \"kazakh\"", run.Out);
        Assert.Contains("  1. 2 Kazakhs Killed in Russian Anti-Terror Operation", run.Out);
        // :show 1 prints the whole article, metadata and body.
        Assert.Contains("author:    AFP", run.Out);
        Assert.Contains("The FSB on Thursday claimed to have put an end to the activities", run.Out);
        Assert.DoesNotContain("\u001b[", run.Out);
        Assert.Equal("", run.Err);
    }

    [Fact]
    public void Past_the_ranked_window_hit_numbers_and_next_say_pages_stop_there()
    {
        using var dir = new TempDir();
        const int Notes = 10_005; // short notes: below the length copies are looked for at
        dir.File("notes.jsonl", string.Concat(Enumerable.Range(1, Notes).Select(i => $"{{\"id\": \"n{i}\", \"title\": \"Harbour note {i}\", \"body\": \"Harbour log entry number {i}.\"}}\n")));
        string index = dir.Sub("index");
        Assert.Equal(0, SearchCli.InProcess("index", dir.Sub("notes.jsonl"), "--index", index).Code);
        var run = SearchCli.WithInput(":limit 1\n*\n:show #10003\n:related #10003\n", "console", "--index", index);
        Assert.Equal(0, run.Code);
        Assert.Contains("10,005 results for \"*\", showing 1-1", run.Out);
        string[] errors = run.Err.Replace("\r\n", "\n").TrimEnd().Split('\n');
        Assert.Equal(2, errors.Length);
        Assert.All(errors, e => Assert.StartsWith("search: hit #10003 is past hit 10,000, where ranked pages stop (the last result has 10,005 hits)", e));
        Assert.DoesNotContain("no hit", run.Err);

        // :next stops at the window's end instead of paging on through empty pages.
        var paging = SearchCli.WithInput(":limit 5000\n*\n:next\n:next\n:prev\n", "console", "--index", index);
        Assert.Equal("", paging.Err);
        Assert.Contains("showing 5001-10000", paging.Out);
        Assert.Contains("Pages stop at hit 10,000; for every hit, in order: search query QUERY --all --jsonl", paging.Out);
        Assert.DoesNotContain("asked for hits 10,001", paging.Out);
        Assert.Equal(2, paging.Out.Split("showing 1-5000").Length - 1); // :prev goes straight back to the first page
    }

    /// <summary>A query pasted with an escape sequence in it (`ESC ] 0 ; x BEL` retitles a terminal
    /// window) was echoed raw under its error, to the terminal, with the caret misplaced.</summary>
    [Fact]
    public void A_query_error_echoes_control_characters_as_marks_with_the_caret_in_place()
    {
        var run = SearchCli.WithInput("russia \u001b]0;x\u0007 (\n:show zz\u001b[2J\n", "console", "--index", _f.Index);
        Assert.Equal(0, run.Code);
        Assert.DoesNotContain('\u001b', run.Err);
        Assert.DoesNotContain('\u0007', run.Err);
        string[] lines = run.Err.Replace("\r\n", "\n").Split('\n');
        int at = Array.FindIndex(lines, l => l.Contains("'(' at position 15 is never closed", StringComparison.Ordinal));
        Assert.Equal("        russia ␛]0;x␇ (", lines[at + 1]);
        Assert.Equal("        " + new string(' ', 14) + "^", lines[at + 2]);
        Assert.Contains("no article with id 'zz␛[2J'", run.Err);
    }

    /// <summary>Positions counted UTF-16 units: after an emoji they were one too far. They count
    /// characters as seen, and the caret still lands under the character named.</summary>
    [Fact]
    public void A_query_error_after_an_emoji_counts_it_as_one_character()
    {
        var run = SearchCli.WithInput("\U0001F600 russia (\n", "console", "--index", _f.Index);
        string[] lines = run.Err.Replace("\r\n", "\n").Split('\n');
        int at = Array.FindIndex(lines, l => l.Contains("'(' at position 10 is never closed", StringComparison.Ordinal));
        Assert.True(at >= 0, run.Err);
        Assert.Equal("        " + new string(' ', Search.Cli.Rendering.Cells.Of("\U0001F600 russia ")) + "^", lines[at + 2]);
    }

    /// <summary>With `:limit 0` (counts and facets only) `:related #1` asked for 0 articles and said
    /// "Nothing related found."</summary>
    [Fact]
    public void Related_after_limit_zero_lists_related_articles()
    {
        var run = SearchCli.WithInput(":limit 0\nkazakh\n:related #1\n", "console", "--index", _f.Index);
        Assert.Equal(0, run.Code);
        string related = run.Out[run.Out.IndexOf("Related to 2 Kazakhs", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Nothing related found", related);
        Assert.Contains("\n  1. ", related);
        Assert.Contains("\n 10. ", related);
    }

    [Fact]
    public void A_script_saved_with_a_byte_order_mark_runs_its_first_line()
    {
        var run = SearchCli.WithInput("\uFEFF:limit 1\r\nrussia\r\n", "console", "--index", _f.Index);
        Assert.Equal(0, run.Code);
        Assert.Equal("", run.Err);
        Assert.StartsWith("1 result per page.", run.Out);
        Assert.Contains("12 results for \"russia\", showing 1-1", run.Out);
    }

    [Fact]
    public void Commands_paging_sorting_filters_and_errors_keep_the_console_open()
    {
        string script = string.Join('\n',
            ":limit 2",
            "government",
            ":next",
            ":prev",
            ":sort newest",
            ":bogus",
            "kazakh AND",
            ":filter place=Russia",
            ":filters",
            "*",
            ":unfilter place",
            ":facet year",
            ":show no-such-id",
            "kazakstan",
            ":quit",
            "this line is never read");
        var run = SearchCli.WithInput(script + "\n", "console", "--index", _f.Index);
        Assert.Equal(0, run.Code);
        string o = run.Out;
        Assert.Contains("results for \"government\", showing 1-2", o);
        Assert.Contains("results for \"government\", showing 3-4", o);
        Assert.Contains("unknown command ':bogus'", run.Err);
        Assert.Contains("'AND' at the end needs a word or phrase after it", run.Err);
        Assert.Contains("filters: place=Russia", o);
        Assert.Contains("  place = Russia", o);
        Assert.Contains("year", o);
        Assert.Contains("2020", o);
        Assert.Contains("no article with id 'no-such-id'", run.Err);
        Assert.Contains("Did you mean: kazakhstan", o);
        Assert.DoesNotContain("never read", o);
    }

    [Fact]
    public void Console_without_an_index_says_how_to_build_one_and_builds_nothing()
    {
        string index = Path.Combine(_f.Dir, "no-index");
        var run = SearchCli.WithInput("fsb\n", "console", "--index", index);
        Assert.Equal(1, run.Code);
        Assert.Contains("no index at", run.Err);
        Assert.Contains("search index PATH", run.Err);
        // The command it suggests builds the samples where the console looked, not in ./index.
        Assert.Contains($"`search console --samples --index {index}`", run.Err);
        Assert.False(Directory.Exists(index));
    }

    [Fact]
    public void Console_with_samples_builds_the_index_from_seeds_when_missing()
    {
        string index = Path.Combine(_f.Dir, "fresh-index");
        var run = SearchCli.WithInput("fsb\n", "console", "--samples", "--index", index);
        Assert.Equal(0, run.Code);
        Assert.Contains("building it from", run.Err);
        Assert.Contains("Indexed 296 articles", run.Err);
        Assert.Contains("results for \"fsb\"", run.Out);
    }
}
