using Search.Cli.Commands;
using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Commands;

/// <summary>What Ctrl-C says when the build's last commit does not finish within the stop budget:
/// what the index keeps, read from the index. A first build stopped before its first commit was
/// told "the index keeps its last commit" and "work already committed is kept" of an index with
/// no commit, which `search stats` then called "not a search index".</summary>
public sealed class StoppedAtOnceTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private (string Root, string Index) Built()
    {
        string root = Path.Combine(_tmp.Path, "news");
        Directory.CreateDirectory(root);
        for (int i = 0; i < 3; i++)
            File.WriteAllText(Path.Combine(root, $"{i}.txt"), $"Story {i}\n\nThe council met on day {i} and voted on the harbour plan.\n");
        string index = Path.Combine(_tmp.Path, "index");
        Assert.Equal(0, SearchCli.InProcess("index", root, "--index", index).Code);
        return (root, index);
    }

    [Fact]
    public void An_index_with_a_commit_is_said_to_keep_it_with_the_unfinished_files()
    {
        var (root, index) = Built();
        var lines = StoppedAtOnce.Lines([root], index, ["big.jsonl"]).ToList();
        Assert.Equal($"Interrupted {root} into {index}: stopped at once, without waiting for the last commit; the index keeps its last commit", lines[0]);
        Assert.StartsWith("Unfinished: big.jsonl: what was committed of it is indexed", lines[1]);
        Assert.Equal("Run `search index` again to finish: work already committed is kept.", lines[2]);
    }

    [Fact]
    public void A_first_build_stopped_before_its_first_commit_is_said_to_keep_nothing()
    {
        var (root, index) = Built();
        // What a first build stopped before its first commit leaves: segment files, Lucene's
        // write.lock, no commit point.
        foreach (string commit in Directory.GetFiles(index, "segments*"))
            File.Delete(commit);
        File.WriteAllBytes(Path.Combine(index, "write.lock"), []);
        var lines = StoppedAtOnce.Lines([root], index, ["0.txt"]).ToList();
        Assert.Equal([
            $"Interrupted {root} into {index}: stopped at once, before the build's first commit: no article is indexed yet",
            "Run `search index` again: it starts the build afresh.",
        ], lines);

        // Stopped while writing its first commit point: nothing committed either.
        string segments = Path.Combine(index, "segments_1");
        File.WriteAllBytes(segments, new byte[20]);
        Assert.Contains("before the build's first commit", StoppedAtOnce.Lines([root], index, []).First());

        // And the next run does start afresh, with every article.
        File.Delete(segments);
        var again = SearchCli.InProcess("index", root, "--index", index);
        Assert.Equal(0, again.Code);
        Assert.Contains("articles: 3 added", again.Out);
    }

    [Fact]
    public void Queries_and_stats_on_a_first_build_stopped_before_its_first_commit_say_so()
    {
        var (_, index) = Built();
        // What a killed first build leaves: segment files and its marker, naming a process that
        // has gone; no commit point. Queries called the folder "not a search index".
        foreach (string commit in Directory.GetFiles(index, "segments*"))
            File.Delete(commit);
        using (var gone = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            gone.WaitForExit();
            File.WriteAllText(Path.Combine(index, Search.Core.Indexing.Writing.BuildMarker.FileName), gone.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (string[] command in (string[][])[["stats", "--index", index], ["query", "council", "--index", index]])
        {
            var run = SearchCli.InProcess(command);
            Assert.NotEqual(0, run.Code);
            Assert.Contains($"index at {index} has nothing to search yet: its first build was stopped before its first commit; run `search index` again", run.Err);
        }
    }
}
