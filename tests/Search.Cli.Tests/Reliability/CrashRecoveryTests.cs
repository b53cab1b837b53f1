using System.Diagnostics;
using Search.Core.Querying;
using Search.Cli.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Search.Cli.Tests.Reliability;

/// <summary>
/// Crash safety for real: the CLI builds the 20,000-article corpus in a child process that is
/// killed with SIGKILL at several points (no Dispose, no rollback, a stale write.lock left behind).
/// After each kill the index must open and answer queries with a committed state: no duplicate
/// article, nothing that a clean build lacks, nothing lost that an earlier kill had committed. Each
/// re-run resumes (the stale lock does not block it); the last one completes, and its id set must
/// equal the clean build's exactly.
/// </summary>
[Collection(BigCorpusCollection.Name)]
public sealed class CrashRecoveryTests
{
    private readonly BigCorpus _corpus;
    private readonly ITestOutputHelper _log;

    public CrashRecoveryTests(BigCorpus corpus, ITestOutputHelper log)
    {
        _corpus = corpus;
        _log = log;
    }

    [NeedsCorpusToolFact]
    public void A_build_killed_at_any_moment_keeps_its_last_commit_and_a_rerun_completes_it_exactly()
    {
        Assert.Equal(0, _corpus.CleanExit);
        var clean = _corpus.CleanIds.Set;
        Assert.Equal(BigCorpus.Docs, clean.Count);
        string index = _corpus.Scratch("crashed");
        var total = Stopwatch.StartNew();

        // When to kill each run: before any commit (startup and scan), right at a commit, then
        // mid-way through later stretches of work.
        var kills = new (string Name, Func<SearchCli.Child, Stopwatch, bool> Now)[]
        {
            ("0.4 s after start (before any commit)", (_, t) => t.Elapsed > TimeSpan.FromSeconds(0.4)),
            ("at the first new commit", (_, _) => NewCommit(index)),
            ("1.5 s after start", (_, t) => t.Elapsed > TimeSpan.FromSeconds(1.5)),
            ("3 s after start", (_, t) => t.Elapsed > TimeSpan.FromSeconds(3)),
            ("6 s after start", (_, t) => t.Elapsed > TimeSpan.FromSeconds(6)),
            ("right after the next commit + 0.3 s", (_, t) => NewCommit(index) && Pause(300)),
        };
        int committed = 0;
        _lastGeneration = -1;
        foreach (var (name, now) in kills)
        {
            _lastGeneration = IndexIds.NewestGeneration(index);
            using var child = SearchCli.Start("index", _corpus.Corpus, "--index", index, "--commit-seconds", "1", "--quiet");
            var clock = Stopwatch.StartNew();
            while (!child.Exited && !now(child, clock))
                Thread.Sleep(20);
            bool finishedFirst = child.Exited;
            child.Kill();
            string stale = Path.Combine(index, "write.lock");
            _log.WriteLine($"killed {name} after {clock.Elapsed.TotalSeconds:F1} s{(finishedFirst ? " (had already finished)" : "")}; write.lock left: {File.Exists(stale)}");
            Assert.True(finishedFirst || child.Process.ExitCode != 0, "a killed process should not report success");

            if (!IndexIds.HasCommit(index))
            {
                // Killed before the first commit: nothing to keep, and the CLI says so clearly.
                var (code, _, err) = SearchCli.InProcess("query", "said", "--index", index);
                Assert.Equal(1, code);
                Assert.DoesNotContain("unexpected", err);
                Assert.Equal(0, committed);
                continue;
            }
            var ids = IndexIds.Read(index);
            Assert.True(ids.Duplicates == 0, $"after kill {name}: {ids.Duplicates} duplicate ids");
            Assert.True(ids.Set.IsSubsetOf(clean), $"after kill {name}: ids a clean build does not have");
            Assert.True(ids.All.Count >= committed, $"after kill {name}: {ids.All.Count} articles, fewer than the {committed} committed before");
            committed = ids.All.Count;
            _log.WriteLine($"  index opens with {committed:N0} articles (commit generation {ids.Generation})");

            // It opens through the product and answers queries from that commit.
            using (var searcher = ArticleSearcher.Open(index))
            {
                Assert.Equal(committed, searcher.Search(new SearchRequest { Query = "*", Limit = 1 }).Total);
                var hit = searcher.Search(new SearchRequest { Query = "said", Limit = 1 });
                Assert.True(hit.Total > 0);
            }
            var (qcode, _, qerr) = SearchCli.InProcess("query", "news", "--index", index, "--limit", "1");
            Assert.True(qcode == 0, qerr);
        }
        Assert.True(committed > 0, "no kill happened after a commit: the schedule needs a bigger corpus or earlier kills");
        Assert.True(committed < BigCorpus.Docs, "every kill came after the build had finished: kill earlier");

        // The stale write.lock of the last killed run does not block the re-run, which completes the work.
        var rerun = SearchCli.RunChild(TimeSpan.FromMinutes(8), "index", _corpus.Corpus, "--index", index, "--commit-seconds", "1", "--quiet");
        Assert.True(rerun.Code == 0, $"re-run exited {rerun.Code}: {rerun.Err}");
        var final = IndexIds.Read(index);
        Assert.Equal(0, final.Duplicates);
        Assert.True(final.Set.SetEquals(clean),
            $"missing {clean.Except(final.Set).Count()} (e.g. {clean.Except(final.Set).FirstOrDefault()}), extra {final.Set.Except(clean).Count()}");
        Assert.Contains("unchanged", rerun.Out);
        _log.WriteLine($"re-run completed: {final.All.Count:N0} articles, equal to the clean build; crash test took {total.Elapsed.TotalSeconds:F1} s (clean build {_corpus.CleanSeconds:F1} s)");
    }

    private long _lastGeneration = -1;

    private bool NewCommit(string index) => IndexIds.NewestGeneration(index) > _lastGeneration;

    private static bool Pause(int ms)
    {
        Thread.Sleep(ms);
        return true;
    }
}
