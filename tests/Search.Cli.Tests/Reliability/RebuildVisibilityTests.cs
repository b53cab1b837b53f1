using System.Diagnostics;
using Search.Cli.Tests.Support;
using Search.Core.Indexing;
using Search.Core.Querying;
using Xunit;
using Xunit.Abstractions;

namespace Search.Cli.Tests.Reliability;

/// <summary>
/// Readers see the last complete build (<see cref="BigCorpus"/>: 20,000 articles, built clean):
/// queries made in a loop while `search index --rebuild` runs in a child process (committing every
/// second) only ever see the old complete total or the new one; after `kill -9` of a rebuild the
/// old index keeps answering and says the build stopped; the next `search index` finishes it.
/// </summary>
[Collection(BigCorpusCollection.Name)]
public sealed class RebuildVisibilityTests
{
    private readonly BigCorpus _corpus;
    private readonly ITestOutputHelper _log;

    public RebuildVisibilityTests(BigCorpus corpus, ITestOutputHelper log)
    {
        _corpus = corpus;
        _log = log;
    }

    private static int Total(string index)
    {
        using var searcher = ArticleSearcher.Open(index);
        return searcher.Search(new SearchRequest { Query = "*", Limit = 1, Snippets = false, Collapse = false }).Total;
    }

    [NeedsCorpusToolFact]
    public void Queries_during_a_rebuild_and_after_kill_9_see_only_complete_builds()
    {
        Assert.Equal(0, _corpus.CleanExit);
        string index = _corpus.Scratch("rebuild");
        Directory.CreateDirectory(index);
        foreach (string file in Directory.GetFiles(_corpus.CleanIndex))
            File.Copy(file, Path.Combine(index, Path.GetFileName(file)));
        string extra = _corpus.Scratch("extra");
        Directory.CreateDirectory(extra);
        for (int i = 0; i < 3; i++)
            File.WriteAllText(Path.Combine(extra, $"x{i}.txt"), $"Extra story {i}\n\nAn extra article about rebuilds, number {i}.\n");
        int before = BigCorpus.Docs, after = BigCorpus.Docs + 3;
        Assert.Equal(before, Total(index));

        // Rebuild from the corpus and the extra folder, querying all the while.
        var seen = new List<int>();
        bool sawBuilding = false;
        using (var rebuild = SearchCli.Start("index", _corpus.Corpus, extra, "--index", index, "--rebuild", "--commit-seconds", "1", "--quiet"))
        {
            var clock = Stopwatch.StartNew();
            while (!rebuild.Exited && clock.Elapsed < TimeSpan.FromMinutes(8))
            {
                seen.Add(Total(index));
                sawBuilding |= IndexStatus.Read(index).State == "building";
                Thread.Sleep(100);
            }
            Assert.True(rebuild.Wait(TimeSpan.FromMinutes(1)) == 0, rebuild.Err);
        }
        seen.Add(Total(index));
        _log.WriteLine($"{seen.Count} queries during the rebuild; totals seen: {string.Join(", ", seen.Distinct())}");
        Assert.True(seen.Count > 10, "the rebuild ended before it could be watched");
        Assert.True(sawBuilding, "readers were never told a build was in progress");
        Assert.All(seen, total => Assert.True(total == before || total == after, $"a query saw {total} articles, neither the old {before} nor the new {after}"));
        Assert.Equal(after, seen[^1]);

        // kill -9 of a rebuild (from the corpus alone) after some of its commits: the old index answers.
        long generation = IndexIds.NewestGeneration(index);
        using (var killed = SearchCli.Start("index", _corpus.Corpus, "--index", index, "--rebuild", "--commit-seconds", "1", "--quiet"))
        {
            var clock = Stopwatch.StartNew();
            while (!killed.Exited && IndexIds.NewestGeneration(index) < generation + 2 && clock.Elapsed < TimeSpan.FromMinutes(4))
            {
                Assert.Equal(after, Total(index));
                Thread.Sleep(50);
            }
            Assert.False(killed.Exited, "the rebuild finished before it could be killed");
            killed.Kill();
        }
        Assert.Equal(after, Total(index));
        var status = IndexStatus.Read(index);
        Assert.Equal("stopped", status.State);
        var (code, _, err) = SearchCli.InProcess("query", "said", "--index", index, "--limit", "1");
        Assert.Equal(0, code);
        Assert.Contains("the last build stopped before it finished", err);

        // The next `search index` finishes the rebuild, and then readers see it whole.
        var finish = SearchCli.RunChild(TimeSpan.FromMinutes(8), "index", "--index", index, "--quiet");
        Assert.True(finish.Code == 0, finish.Err);
        Assert.Equal(before, Total(index));
        Assert.Equal("complete", IndexStatus.Read(index).State);
    }
}
