using Search.Core.Indexing;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Indexing.Writing;

/// <summary>Commits inside one big file, and what an interrupted build leaves.</summary>
public sealed class CheckpointerTests
{
    /// <summary>Slows a reader down so that a build of a few thousand records spans several commits.</summary>
    private static IEnumerable<Search.Core.Ingest.ReadItem> Slowly(IEnumerable<Search.Core.Ingest.ReadItem> items, Action<int>? afterEach = null)
    {
        int n = 0;
        foreach (var item in items)
        {
            if (++n % 100 == 0)
                Thread.Sleep(15);
            yield return item;
            afterEach?.Invoke(n);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void One_big_file_is_committed_part_way_and_an_interrupted_build_is_completed_by_the_next(int threads)
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        string file = Jsonl(dir, "feed/news.jsonl", 4000);
        string root = Path.GetDirectoryName(file)!;
        using var cancel = new CancellationTokenSource();
        int commitsSeen = 0;
        var interrupted = RunBuild(new BuildOptions
        {
            Roots = new[] { root }, IndexPath = index, Threads = threads, ReadWholeLimit = 0,
            CommitInterval = TimeSpan.FromMilliseconds(100),
            // Stop (as Ctrl-C does) once commits have happened inside the file.
            WrapItems = (_, items) => Slowly(items, n =>
            {
                if (n % 200 == 0 && Directory.GetFiles(index, "segments_*").Length > 0 && ++commitsSeen >= 3)
                    cancel.Cancel();
            }),
        }, cancel.Token);
        Assert.True(interrupted.Interrupted);
        Assert.Equal(new[] { "news.jsonl" }, interrupted.Unfinished);
        int kept = Read(index).Articles.Count;
        Assert.InRange(kept, 1, 3999);
        Assert.Equal(kept, interrupted.DocumentsInIndex);

        var rerun = RunBuild(index, root);
        Assert.False(rerun.Interrupted);
        Assert.Equal(kept, rerun.ArticlesUnchanged);
        Assert.Equal(4000 - kept, rerun.ArticlesAdded);
        var (articles, duplicates) = Read(index);
        Assert.Equal(0, duplicates);
        Assert.Equal(Enumerable.Range(1, 4000).Select(i => "n" + i).Order(), articles.Keys.Select(k => k.Id).Order());
    }

    /// <summary>Checkpoints follow the text written, not the clock: with time out of the way (an
    /// hour), 4,000 records of about 230 characters (0.92 M) and a commit every 0.1 MB of text make
    /// up to nine commits inside the one file; with the work interval off, only the build's own.</summary>
    [LongFact] // 4,000 records read slowly, two builds: 8-10 s
    public void Checkpoints_come_after_every_interval_of_text_written()
    {
        using var dir = new TempDir();
        string root = HarbourFeed(dir);
        Assert.Equal(0, Checkpoints(dir, root, 0, "by-time"));
        Assert.InRange(Checkpoints(dir, root, 0.1, "by-work"), 4, 9);
    }

    /// <summary>The same 0.92 M characters of text: at an interval of 0.9 MB, the interval is reached
    /// with 2% of the file left, and the build's own last commit is moments away: no checkpoint
    /// (there was one, a flush and a commit more). At 0.5 MB, almost half is left: one.</summary>
    [LongFact] // 4,000 records read slowly, two builds: 8-10 s
    public void No_checkpoint_comes_just_before_the_builds_own_last_commit()
    {
        using var dir = new TempDir();
        string root = HarbourFeed(dir);
        Assert.Equal(0, Checkpoints(dir, root, 0.9, "just-over"));
        Assert.Equal(1, Checkpoints(dir, root, 0.5, "twice-over"));
    }

    /// <summary>4,000 records of about 230 characters (0.92 M) in one JSON Lines file.</summary>
    private static string HarbourFeed(TempDir dir)
    {
        string body = new string('x', 10) + string.Concat(Enumerable.Repeat(" harbour", 25));
        return Path.GetDirectoryName(Jsonl(dir, "feed/news.jsonl", 4000, _ => body))!;
    }

    /// <summary>Checkpoints of a build of <paramref name="root"/> at <paramref name="mb"/> MB of text
    /// per commit, time out of the way (an hour), counted as they are made: the index's commit
    /// generation also counts the commit of merges Lucene finishes as the writer closes, which
    /// comes or not with the load.</summary>
    private static int Checkpoints(TempDir dir, string root, double mb, string name)
    {
        int checkpoints = 0;
        var summary = RunBuild(new BuildOptions
        {
            Roots = new[] { root }, IndexPath = Path.Combine(dir.Path, name), Threads = 2, ReadWholeLimit = 0,
            CommitTextMB = mb, CommitInterval = TimeSpan.FromHours(1),
            WrapItems = (_, items) => Slowly(items),
            AfterCheckpoint = () => Interlocked.Increment(ref checkpoints),
        });
        Assert.Equal(4000, summary.DocumentsInIndex);
        return checkpoints;
    }

    [Fact]
    public void A_previous_builds_unfinished_file_stays_listed_until_a_build_finishes_it()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        string feed = Path.GetDirectoryName(Jsonl(dir, "feed/news.jsonl", 400))!;
        string other = Path.GetDirectoryName(dir.File("other/note.txt", "Trams\n\nThe trams are back.\n"))!;
        RunBuild(new BuildOptions { Roots = new[] { feed }, IndexPath = index, ReadWholeLimit = 0, WrapItems = (_, items) => FailAfter(items, 100) });
        // A build of another folder commits without touching the unfinished file: it stays listed.
        Assert.Equal(new[] { Path.Combine(feed, "news.jsonl") }, RunBuild(index, other).Unfinished);
        var rerun = RunBuild(index, feed);
        Assert.Equal(300, rerun.ArticlesAdded);
        Assert.Empty(rerun.Unfinished);
    }
}
