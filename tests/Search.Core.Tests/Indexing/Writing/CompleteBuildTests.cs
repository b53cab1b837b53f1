using Search.Core.Indexing;
using Search.Core.Ingest;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Indexing.Writing;

/// <summary>Readers see the last complete build: a rebuild's own commits (every few milliseconds
/// here) are never what queries answer from, while it runs or after it is stopped.</summary>
public sealed class CompleteBuildTests
{
    private static int Total(string index)
    {
        using var searcher = ArticleSearcher.Open(index);
        return searcher.Search(new SearchRequest { Query = "*", Limit = 1, Snippets = false, Collapse = false }).Total;
    }

    /// <summary>The newest commit readers can list (a segments_N being written is not one yet).</summary>
    private static long NewestGeneration(string index)
    {
        using var dir = IndexStore.OpenDirectory(index);
        try { return Lucene.Net.Index.DirectoryReader.ListCommits(dir)[^1].Generation; }
        catch (IOException) { return -1; }
    }

    [Fact]
    public void A_rebuild_is_invisible_until_it_completes_and_a_stopped_one_leaves_the_old_index_answering()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "idx");
        string small = Path.Combine(dir.Path, "small"), big = Path.Combine(dir.Path, "big");
        Jsonl(dir, "small/a.jsonl", 10);
        Jsonl(dir, "big/b.jsonl", 400, i => $"Cargo note {i} {Guid.NewGuid():N}");
        Assert.Equal(10, RunBuild(index, small).DocumentsInIndex);
        long generation = NewestGeneration(index);

        var seen = new List<int>();
        IndexStatus? during = null;
        using var cancel = new CancellationTokenSource();
        IEnumerable<ReadItem> Slow(IEnumerable<ReadItem> items)
        {
            int n = 0;
            foreach (var item in items)
            {
                if (++n % 50 == 0)
                {
                    Thread.Sleep(60); // let the checkpointer commit part of the rebuild
                    if (n == 100)
                    {
                        // Once the rebuild has committed part of itself, readers are told it runs.
                        var clock = System.Diagnostics.Stopwatch.StartNew();
                        while (NewestGeneration(index) <= generation && clock.Elapsed < TimeSpan.FromSeconds(20))
                            Thread.Sleep(20);
                        during = IndexStatus.Read(index);
                    }
                    seen.Add(Total(index));
                }
                if (n == 300)
                    cancel.Cancel();
                yield return item;
            }
        }
        var stopped = RunBuild(new BuildOptions
        {
            Roots = new[] { big }, IndexPath = index, Rebuild = true, Threads = 1,
            CommitInterval = TimeSpan.FromMilliseconds(20), WrapItems = (_, items) => Slow(items), ReadWholeLimit = 0,
        }, cancel.Token);
        Assert.True(stopped.Interrupted);
        Assert.InRange(stopped.DocumentsInIndex, 1, 399); // the rebuild did commit part of itself
        Assert.All(seen, total => Assert.Equal(10, total));
        Assert.Equal("building", during!.State);
        Assert.Contains("in progress", during.Notice);

        // Stopped: the old index still answers, and says the build did not finish.
        Assert.Equal(10, Total(index));
        var status = IndexStatus.Read(index);
        Assert.Equal("stopped", status.State);
        Assert.Contains("run `search index` to finish", status.Notice);

        // The next build finishes the rebuild; then, in one step, readers see it.
        var finished = RunBuild(index, big);
        Assert.False(finished.Interrupted);
        Assert.Equal(400, Total(index));
        Assert.Null(IndexStatus.Read(index).Notice);
    }

    [Fact]
    public void A_first_build_stopped_half_way_answers_from_what_it_committed_and_says_so()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "idx");
        Jsonl(dir, "big/b.jsonl", 200);
        using var cancel = new CancellationTokenSource();
        IEnumerable<ReadItem> StopAt(IEnumerable<ReadItem> items)
        {
            int n = 0;
            foreach (var item in items)
            {
                if (++n == 100)
                {
                    Thread.Sleep(100);
                    cancel.Cancel();
                }
                yield return item;
            }
        }
        var summary = RunBuild(new BuildOptions
        {
            Roots = new[] { Path.Combine(dir.Path, "big") }, IndexPath = index, Threads = 1,
            CommitInterval = TimeSpan.FromMilliseconds(20), WrapItems = (_, items) => StopAt(items), ReadWholeLimit = 0,
        }, cancel.Token);
        Assert.True(summary.Interrupted);
        Assert.Equal(summary.DocumentsInIndex, Total(index));
        Assert.Equal("first-build-stopped", IndexStatus.Read(index).State);
    }
}
