using System.Text.Json;
using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Commands;

/// <summary>`search index`, `search check` and what an index remembers of where it came from.</summary>
public sealed class IndexCommandTests : IDisposable
{
    private readonly TempDir _tmp = new();
    private string Dir => _tmp.Path;

    public void Dispose() => _tmp.Dispose();

    private string Folder(string name, params (string File, string Text)[] files)
    {
        string root = Path.Combine(Dir, name);
        foreach (var (file, text) in files)
        {
            string full = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        return root;
    }

    [Fact]
    public void Dates_left_unread_for_want_of_a_date_order_are_counted_with_the_option_that_reads_them()
    {
        string archive = Folder("slashed", ("news.csv",
            "title,body,date\nStorm,The storm hit the coast.,07/03/2021\nFloods,Rivers rose.,2021-03-09\nFire,A barn burned.,05/04/2021\nQuake,The ground shook.,31/03/2021\n"));
        var built = SearchCli.InProcess("index", archive, "--index", Path.Combine(Dir, "i1"));
        Assert.Equal(0, built.Code);
        // 31/03/2021 reads one way only, and ISO dates always: two are left unread.
        Assert.Contains("dates:    2 left unread, like 07/03/2021", built.Out);
        Assert.Contains("--date-order dmy", built.Out);

        var json = SearchCli.InProcess("index", archive, "--index", Path.Combine(Dir, "i2"), "--json");
        using var doc = JsonDocument.Parse(json.Out);
        var ambiguous = doc.RootElement.GetProperty("ambiguous_dates");
        Assert.Equal(2, ambiguous.GetProperty("count").GetInt32());
        Assert.Equal("07/03/2021", ambiguous.GetProperty("example").GetString());

        string ordered = Path.Combine(Dir, "i3");
        var withOrder = SearchCli.InProcess("index", archive, "--index", ordered, "--date-order", "dmy");
        Assert.DoesNotContain("left unread", withOrder.Out);
        var storm = SearchCli.InProcess("query", "storm", "--index", ordered, "--json");
        Assert.Contains("\"published\": \"2021-03-07\"", storm.Out);
    }

    [Fact]
    public void Dates_that_are_no_date_are_counted_apart_from_ambiguous_ones()
    {
        string archive = Folder("bad-dates", ("news.jsonl",
            "{\"title\": \"Storm\", \"body\": \"The storm hit.\", \"date\": \"soon\"}\n" +
            "{\"title\": \"Floods\", \"body\": \"Rivers rose.\", \"date\": \"2019-13-45\"}\n" +
            "{\"title\": \"Fire\", \"body\": \"A barn burned.\", \"date\": \"07/03/2021\"}\n" +
            "{\"title\": \"Quake\", \"body\": \"The ground shook.\", \"date\": \"2021-03-31\"}\n"));
        var built = SearchCli.InProcess("index", archive, "--index", Path.Combine(Dir, "u1"));
        Assert.Equal(0, built.Code);
        Assert.Contains("dates:    1 left unread, like 07/03/2021", built.Out);
        Assert.Contains("dates:    2 not read, like \"soon\": not a date, or one that cannot exist", built.Out);

        var json = SearchCli.InProcess("index", archive, "--index", Path.Combine(Dir, "u2"), "--json");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal(2, doc.RootElement.GetProperty("unread_dates").GetProperty("count").GetInt32());
        Assert.Equal("soon", doc.RootElement.GetProperty("unread_dates").GetProperty("example").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("ambiguous_dates").GetProperty("count").GetInt32());

        // With a date order, the ambiguous date is read and the other two are still not dates.
        var ordered = SearchCli.InProcess("index", archive, "--index", Path.Combine(Dir, "u3"), "--date-order", "dmy");
        Assert.DoesNotContain("left unread", ordered.Out);
        Assert.Contains("dates:    2 not read", ordered.Out);
    }

    [Fact]
    public void Index_with_no_path_refreshes_only_the_folders_the_index_was_built_from()
    {
        string archive = Folder("archive", ("a.txt", "Harbour news\n\nThe harbour reopened after the storm.\n"), ("b.txt", "Canal news\n\nThe canal froze.\n"));
        string index = Path.Combine(Dir, "index");
        Assert.Equal(0, SearchCli.InProcess("index", archive, "--index", index).Code);

        File.WriteAllText(Path.Combine(archive, "c.txt"), "Tram news\n\nThe trams are back.\n");
        var refresh = SearchCli.InProcess("index", "--index", index, "--json");
        Assert.Equal(0, refresh.Code);
        using var json = JsonDocument.Parse(refresh.Out);
        var root = json.RootElement;
        Assert.Equal(new[] { archive }, root.GetProperty("roots").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(1, root.GetProperty("articles_added").GetInt32());
        Assert.Equal(2, root.GetProperty("articles_unchanged").GetInt32());
        Assert.Equal(3, root.GetProperty("documents_in_index").GetInt32()); // no sample articles mixed in

        var stats = SearchCli.InProcess("stats", "--index", index);
        Assert.Contains($"built from {archive}: 3 files, 3 articles", stats.Out);
        var show = SearchCli.InProcess("show", "c.txt", "--index", index, "--json");
        using var article = JsonDocument.Parse(show.Out);
        Assert.Equal(Path.Combine(archive, "c.txt"), article.RootElement.GetProperty("path").GetString());
    }

    /// <summary>`--rebuild PATH` keeps only PATH, as documented; the articles of the index's other
    /// folders went with the old index while the summary said "0 removed" and named none of them
    /// (the error for other analysis settings says "add --rebuild", which users add to the command
    /// they typed, with its one path).</summary>
    [Fact]
    public void A_rebuild_of_fewer_folders_names_the_folders_it_leaves_out()
    {
        string archive = Folder("archive", ("a.txt", "Harbour news\n\nThe harbour reopened after the storm.\n"));
        string more = Folder("more", ("b.txt", "Canal news\n\nThe canal froze.\n"));
        string index = Path.Combine(Dir, "index");
        Assert.Equal(0, SearchCli.InProcess("index", archive, more, "--index", index).Code);

        var rebuilt = SearchCli.InProcess("index", archive, "--rebuild", "--index", index);
        Assert.Equal(0, rebuilt.Code);
        Assert.Contains($"Left out: {more}: not among the paths given to --rebuild, so their articles are no longer in the index", rebuilt.Out);
        Assert.Contains("index:    1 article ", rebuilt.Out);

        // A rebuild of every folder, named or recorded, leaves nothing out and says nothing.
        Assert.Equal(0, SearchCli.InProcess("index", more, "--index", index).Code);
        Assert.DoesNotContain("Left out", SearchCli.InProcess("index", "--rebuild", "--index", index).Out);
        Assert.DoesNotContain("Left out", SearchCli.InProcess("index", Dir, "--rebuild", "--index", index).Out);
    }

    [Fact]
    public void Without_a_path_or_an_index_nothing_is_built_and_the_message_says_what_to_do()
    {
        string index = Path.Combine(Dir, "none");
        var run = SearchCli.InProcess("index", "--index", index);
        Assert.Equal(2, run.Code);
        Assert.Contains("search index PATH", run.Err);
        Assert.Contains("--samples", run.Err);
        Assert.False(Directory.Exists(index));
        var query = SearchCli.InProcess("query", "harbour", "--index", index);
        Assert.Equal(1, query.Code);
        Assert.Contains("--samples", query.Err);
        Assert.False(Directory.Exists(index));
    }

    /// <summary>`search index "$ARCHIVE"` with the variable unset said "unexpected error:
    /// ArgumentException: The value cannot be an empty string."</summary>
    [Fact]
    public void An_empty_path_is_a_command_line_error()
    {
        string archive = Folder("archive", ("a.txt", "Harbour news\n\nThe harbour reopened.\n"));
        string index = Path.Combine(Dir, "index");
        foreach (var args in new[] { new[] { "index", "", "--index", index }, new[] { "index", archive, " ", "--index", index } })
        {
            var run = SearchCli.InProcess(args);
            Assert.Equal(2, run.Code);
            Assert.Equal("search: a PATH to index is empty (an unset shell variable?); name a folder or file of articles", run.Err.Trim().Split('\n')[0]);
            Assert.DoesNotContain("unexpected", run.Err);
        }
        Assert.False(Directory.Exists(index));

        // --index "$DIR" with DIR unset: ./index was built or searched, which nobody named.
        foreach (var args in new[] { new[] { "index", archive, "--index", "" }, new[] { "query", "harbour", "--index", " " } })
        {
            var run = SearchCli.InProcess(args);
            Assert.Equal(2, run.Code);
            Assert.StartsWith("search: --index is empty (an unset shell variable?)", run.Err.Trim(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Samples_are_indexed_when_asked_for_and_ignored_files_are_named()
    {
        string index = Path.Combine(Dir, "samples");
        var run = SearchCli.InProcess("index", "--samples", "--index", index);
        Assert.Equal(0, run.Code);
        Assert.Contains("296 added", run.Out);
        Assert.Contains("1 ignored (1 .md: not an article format)", run.Out);
        Assert.Contains("  NOTICE.md", run.Out);
        var again = SearchCli.InProcess("index", "--index", index, "--json");
        using var json = JsonDocument.Parse(again.Out);
        Assert.Equal(new[] { "NOTICE.md" }, json.RootElement.GetProperty("ignored").EnumerateArray().Select(e => e.GetString()));
        // Nothing changed: no article file is read; only the ignored NOTICE.md is looked at again.
        Assert.Equal(new FileInfo(Path.Combine(RepoPaths.Seeds, "NOTICE.md")).Length, json.RootElement.GetProperty("bytes").GetInt64());
        Assert.Equal(296, json.RootElement.GetProperty("articles_unchanged").GetInt32());
    }

    [Fact]
    public void Show_asks_which_file_when_ids_collide_and_check_reports_a_healthy_index()
    {
        string exports = Folder("exports", ("a.csv", "id,title,body\n1,Harbour,The harbour reopened.\n"), ("b.csv", "id,title,body\n1,Canal,The canal froze.\n"));
        string index = Path.Combine(Dir, "ids");
        var build = SearchCli.InProcess("index", exports, "--index", index);
        Assert.Equal(0, build.Code);
        Assert.Contains("1 id is shared by articles of different files", build.Out);
        Assert.Contains("1: a.csv, b.csv", build.Out);

        var ambiguous = SearchCli.InProcess("show", "1", "--index", index);
        Assert.Equal(1, ambiguous.Code);
        Assert.Contains("2 articles have the id '1', from a.csv, b.csv; add --file FILE", ambiguous.Err);
        var picked = SearchCli.InProcess("show", "1", "--file", "b.csv", "--index", index);
        Assert.Equal(0, picked.Code);
        Assert.Contains("The canal froze.", picked.Out);

        var check = SearchCli.InProcess("check", "--index", index, "--json");
        Assert.Equal(0, check.Code);
        using var json = JsonDocument.Parse(check.Out);
        Assert.True(json.RootElement.GetProperty("healthy").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("articles").GetInt32());
    }

    /// <summary>`search check` on an index of one article said "(1 articles)".</summary>
    [Fact]
    public void Check_counts_one_article_in_the_singular()
    {
        string index = Path.Combine(Dir, "one");
        Assert.Equal(0, SearchCli.InProcess("index", Folder("single", ("a.txt", "Harbour\n\nThe harbour froze.\n")), "--index", index).Code);
        var check = SearchCli.InProcess("check", "--index", index);
        Assert.Equal(0, check.Code);
        Assert.Equal($"{index}: no damage found (1 article)", check.Out.Trim());
    }

    [Fact]
    public void Files_of_one_name_under_two_roots_are_named_by_path_when_show_asks_which()
    {
        string north = Folder("north", ("x.txt", "North harbour\n\nThe north harbour reopened.\n"));
        string south = Folder("south", ("x.txt", "South harbour\n\nThe south harbour froze.\n"));
        string index = Path.Combine(Dir, "two-roots");
        Assert.Equal(0, SearchCli.InProcess("index", north, south, "--index", index).Code);

        var ambiguous = SearchCli.InProcess("show", "x.txt", "--index", index);
        Assert.Equal(1, ambiguous.Code);
        string northPath = Path.Combine(north, "x.txt"), southPath = Path.Combine(south, "x.txt");
        Assert.Contains($"2 articles have the id 'x.txt', from {northPath}, {southPath}; add --file FILE", ambiguous.Err);
        var picked = SearchCli.InProcess("show", "x.txt", "--file", southPath, "--index", index);
        Assert.Equal(0, picked.Code);
        Assert.Contains("The south harbour froze.", picked.Out);
    }

    /// <summary>`:show #N` and `:related #N` took hit N's id and looked it up again, finding the
    /// article of whichever file sorts first: with two files numbering their rows 1, 2, 3, the
    /// console showed another article than the hit; `search related` picked one silently.</summary>
    [Fact]
    public void Related_and_the_console_keep_to_the_article_meant_when_ids_collide()
    {
        string exports = Folder("shared-ids",
            ("a.csv", "id,title,body\n1,Harbour reopens,The harbour reopened to ferries on Monday after the storm sank three fishing boats at their moorings in the port.\n"),
            ("b.csv", "id,title,body\n1,Canal freezes,The canal froze over for the first time in twenty years and skaters took to the ice between the locks.\n"));
        string index = Path.Combine(Dir, "shared-ids-index");
        Assert.Equal(0, SearchCli.InProcess("index", exports, "--index", index).Code);

        var ambiguous = SearchCli.InProcess("related", "1", "--index", index);
        Assert.Equal(1, ambiguous.Code);
        Assert.Contains("2 articles have the id '1', from a.csv, b.csv; add --file FILE", ambiguous.Err);
        var picked = SearchCli.InProcess("related", "1", "--file", "b.csv", "--index", index);
        Assert.Equal(0, picked.Code);
        Assert.StartsWith("Related to Canal freezes 1", picked.Out);

        // "canal" finds b.csv's article only: hit #1 is that one, whatever a.csv holds under the same id.
        var console = SearchCli.WithInput("canal\n:show #1\n:related #1\n:show 1\n", "console", "--index", index);
        Assert.Equal(0, console.Code);
        Assert.Contains("1 result for \"canal\"", console.Out);
        Assert.Contains("file:      b.csv (record 1)", console.Out);
        Assert.DoesNotContain("a.csv", console.Out);
        Assert.Contains("Related to Canal freezes 1", console.Out);
        Assert.Contains("search: 2 articles have the id '1', from a.csv, b.csv; find the one you mean (file:a.csv) and use :show #N", console.Err);
    }
}
