using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Indexing.Writing;

/// <summary>Problems are state: what a build skipped is recorded with its commit and listed by every
/// later build and by the index status until the file is fixed or removed.</summary>
public sealed class ProblemStateTests
{
    private static BuildSummary Build(string root, string index) =>
        IndexBuilder.Build(new BuildOptions { Roots = new[] { root }, IndexPath = index });

    private static int Total(string index, string query = "*")
    {
        using var searcher = ArticleSearcher.Open(index);
        return searcher.Search(new SearchRequest { Query = query, Limit = 1, Snippets = false, Collapse = false }).Total;
    }

    private static string[] Listed(IEnumerable<SkippedItem> skipped) =>
        skipped.Select(k => k.Line is int line ? $"{k.File}:{line}" : k.File).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void One_bad_record_in_each_format_costs_only_itself_and_stays_listed_until_fixed_or_removed()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "in"), index = Path.Combine(dir.Path, "idx");
        dir.File("in/odd.csv", "id,title,body\n1,One,csv one\n2,\"Two,never closed\n3,Berlin,csv berlin three\n");
        dir.File("in/arr.json", "[\n{\"title\":\"a1\",\"body\":\"array one\"},\n{\"title\":\"a2\",\"body\":\"broken, \"x\": 1},\n{\"title\":\"a3\",\"body\":\"array three\"}\n]\n");
        dir.File("in/feed.jsonl", "{\"title\":\"f1\",\"body\":\"feed one\"}\n{\"title\":\"f2\",\n{\"title\":\"f3\",\"body\":\"feed three\"}\n");
        dir.File("in/good.txt", "Good text\n\nA text article about harbours.\n");
        dir.File("in/empty.txt", "");

        string[] expected = ["arr.json:3", "empty.txt", "feed.jsonl:2", "odd.csv:3"];
        var first = Build(root, index);
        Assert.Equal(expected, Listed(first.Skipped));
        Assert.Equal(7, first.DocumentsInIndex); // 2 + 2 + 2 + 1: every good record
        Assert.Equal(1, Total(index, "berlin"));
        Assert.Equal(1, Total(index, "three AND array"));

        // Nothing changed: the next build and the index status list exactly the same problems.
        var second = Build(root, index);
        Assert.Equal(expected, Listed(second.Skipped));
        Assert.Equal(0, second.FilesIndexed);
        Assert.Equal(expected, Listed(IndexStatus.Read(index).Problems.Select(p => p.ToSkipped())));
        Assert.All(second.Skipped.Where(k => k.File == "odd.csv"), k => Assert.Contains("unbalanced quote", k.Reason));

        // Fixing one file re-reads only it, and the list shrinks.
        File.WriteAllText(Path.Combine(root, "odd.csv"), "id,title,body\n1,One,csv one\n2,\"Two\",fixed two\n3,Berlin,csv berlin three\n");
        var third = Build(root, index);
        Assert.Equal(["arr.json:3", "empty.txt", "feed.jsonl:2"], Listed(third.Skipped));
        Assert.Equal(1, third.ArticlesAdded);
        Assert.Equal(1, third.FilesIndexed);
        Assert.Equal(3, third.FilesUnchanged); // odd.csv read; the empty file, holding nothing, is looked at again
        Assert.Equal(8, third.DocumentsInIndex);

        // Removing a file removes its problems.
        File.Delete(Path.Combine(root, "arr.json"));
        File.Delete(Path.Combine(root, "empty.txt"));
        var fourth = Build(root, index);
        Assert.Equal(["feed.jsonl:2"], Listed(fourth.Skipped));
        Assert.Equal(["feed.jsonl:2"], Listed(IndexStatus.Read(index).Problems.Select(p => p.ToSkipped())));
        // Only the lists of kept commits stay on disk.
        Assert.InRange(Directory.GetFiles(index, ".search-problems-*").Length, 1, 3);
    }

    [Fact]
    public void A_file_of_only_bad_records_is_a_skipped_file_so_the_files_add_up()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "in"), index = Path.Combine(dir.Path, "idx");
        dir.File("in/good.txt", "Good text\n\nA text article about harbours.\n");
        dir.File("in/broken.csv", "title,body\n\"Never closed,at all\n");
        dir.File("in/feed.jsonl", "{broken\n{\"title\":\n");

        foreach (var summary in new[] { Build(root, index), Build(root, index) })
        {
            var files = summary.Skipped.Where(k => k.Line == null).ToList();
            Assert.Equal(["broken.csv", "feed.jsonl"], files.Select(k => k.File).Order(StringComparer.Ordinal));
            Assert.Equal("no articles: its only record is bad (below)", files.Single(k => k.File == "broken.csv").Reason);
            Assert.Equal("no articles: all 2 of its records are bad (below)", files.Single(k => k.File == "feed.jsonl").Reason);
            Assert.Equal(3, summary.Skipped.Count(k => k.Line != null)); // the bad records are still listed
            Assert.Equal(summary.FilesScanned, summary.FilesIndexed + summary.FilesUnchanged + summary.FilesIgnored + files.Count);
        }
    }

    [Fact]
    public void A_file_whose_records_all_turn_bad_keeps_its_articles_as_one_that_turns_empty_does()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "in"), index = Path.Combine(dir.Path, "idx");
        dir.File("in/wire.csv", "id,title,body\n1,One,harbour strike\n2,Two,harbour reopens\n");
        dir.File("in/note.txt", "Note\n\nA note about the harbour.\n");
        Build(root, index);
        Assert.Equal(3, Total(index, "harbour"));

        // An export cut short, and a file emptied: neither says its articles are gone.
        File.WriteAllText(Path.Combine(root, "wire.csv"), "id,title,body\n1,\"One,harbour\n");
        File.WriteAllText(Path.Combine(root, "note.txt"), "");
        var broken = Build(root, index);
        Assert.Equal(0, broken.ArticlesRemoved);
        Assert.Equal(3, Total(index, "harbour"));
        Assert.Equal("no articles: its only record is bad (below); the index keeps the 2 articles it had from it",
            broken.Skipped.Single(k => k.File == "wire.csv" && k.Line == null).Reason);
        Assert.Equal("empty file; the index keeps the article it had from it", broken.Skipped.Single(k => k.File == "note.txt").Reason);

        // Still broken next time: read again (not taken as unchanged), still kept, still listed.
        var again = Build(root, index);
        Assert.Equal(0, again.FilesUnchanged);
        Assert.Equal(3, Total(index, "harbour"));

        // Fixed: read again, and what it says now replaces what it said.
        File.WriteAllText(Path.Combine(root, "wire.csv"), "id,title,body\n1,One,harbour strike ends\n");
        var fixedSummary = Build(root, index);
        Assert.Equal(1, fixedSummary.ArticlesRemoved);
        Assert.Equal(2, Total(index, "harbour"));
        Assert.Equal(["note.txt"], Listed(fixedSummary.Skipped));
    }

    [Fact]
    public void A_gzipped_export_cut_between_two_records_is_listed_as_cut_short_and_what_it_holds_is_indexed()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "in"), index = Path.Combine(dir.Path, "idx");
        Directory.CreateDirectory(root);
        string Lines(int from, int to) => string.Concat(Enumerable.Range(from, to - from).Select(i => $"{{\"id\":\"r{i}\",\"title\":\"Harbour {i}\",\"body\":\"harbour strike day {i}\"}}\n"));
        // Two members (as `cat` or a resumed export writes them); the copy stops after the second one's header: the text ends between two records.
        File.WriteAllBytes(Path.Combine(root, "feed.jsonl.gz"), [.. Ingest.ReaderTestKit.Gzipped(Lines(0, 50)), .. Ingest.ReaderTestKit.Gzipped(Lines(50, 100))[..10]]);

        var summary = Build(root, index);
        var skipped = Assert.Single(summary.Skipped);
        Assert.Equal("feed.jsonl.gz", skipped.File);
        Assert.StartsWith("gzip data cut short after ", skipped.Reason);
        Assert.Equal(["feed.jsonl.gz"], summary.Unfinished);
        Assert.Equal(50, Total(index, "harbour"));
    }

    [Fact]
    public void A_rebuild_starts_the_list_afresh()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "in"), index = Path.Combine(dir.Path, "idx");
        dir.File("in/feed.jsonl", "{\"title\":\"f1\",\"body\":\"feed one\"}\n{broken\n");
        Assert.Single(Build(root, index).Skipped);
        File.WriteAllText(Path.Combine(root, "feed.jsonl"), "{\"title\":\"f1\",\"body\":\"feed one\"}\n");
        var rebuilt = IndexBuilder.Build(new BuildOptions { Roots = new[] { root }, IndexPath = index, Rebuild = true });
        Assert.Empty(rebuilt.Skipped);
        Assert.Empty(IndexStatus.Read(index).Problems);
    }

    [Fact]
    public void Nothing_to_index_writes_no_index()
    {
        using var dir = new TempDir();
        dir.File("in/empty.txt", "");
        dir.File("ignored/a.sgm", "<REUTERS>not an article format</REUTERS>");
        string fresh = Path.Combine(dir.Path, "idx");
        var summary = Build(Path.Combine(dir.Path, "in"), fresh);
        Assert.True(summary.NothingWritten);
        Assert.False(Directory.Exists(fresh));

        string emptyFolder = Path.Combine(dir.Path, "given");
        Directory.CreateDirectory(emptyFolder);
        Assert.True(Build(Path.Combine(dir.Path, "ignored"), emptyFolder).NothingWritten);
        Assert.Empty(Directory.EnumerateFileSystemEntries(emptyFolder));
    }
}
