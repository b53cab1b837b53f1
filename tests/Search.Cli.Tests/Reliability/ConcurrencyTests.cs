using Xunit;
using Xunit.Abstractions;

namespace Search.Cli.Tests.Reliability;

/// <summary>
/// What users see while a build runs (observed by <see cref="BigCorpus"/> during its clean build of
/// 20,000 articles in a child process): a second build is refused with exit code 3 and a clear
/// message, and does no harm; queries, one-off and from an open searcher, answer from the last commit.
/// </summary>
[Collection(BigCorpusCollection.Name)]
public sealed class ConcurrencyTests
{
    private readonly BigCorpus _corpus;

    public ConcurrencyTests(BigCorpus corpus, ITestOutputHelper log)
    {
        _corpus = corpus;
        log.WriteLine($"clean build of {BigCorpus.Docs:N0} articles: {corpus.CleanSeconds:F1} s; query during build total={corpus.QueryTotalDuringBuild}; searcher totals {string.Join(", ", corpus.SearcherTotalsDuringBuild)}");
    }

    [NeedsCorpusToolFact]
    public void A_second_build_while_one_runs_exits_3_with_a_clear_message_and_does_no_harm()
    {
        Assert.True(_corpus.SawCommitWhileRunning, "the build finished before it could be probed");
        var (code, _, err) = _corpus.SecondBuild!;
        Assert.Equal(3, code);
        Assert.Contains("is being written by another process", err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.True(_corpus.BuildStillRunningAfterSecond, "the first build should still be running after the refused second one");
        // No harm: the first build finished normally with every article exactly once.
        Assert.Equal(0, _corpus.CleanExit);
        Assert.Equal(BigCorpus.Docs, _corpus.CleanIds.All.Count);
        Assert.Equal(0, _corpus.CleanIds.Duplicates);
    }

    [NeedsCorpusToolFact]
    public void Queries_answer_from_the_last_commit_while_a_build_runs()
    {
        Assert.True(_corpus.SawCommitWhileRunning, "the build finished before it could be probed");
        var (code, _, err) = _corpus.QueryDuringBuild!;
        Assert.True(code == 0, $"query during the build exited {code}: {err}");
        Assert.InRange(_corpus.QueryTotalDuringBuild, 1, BigCorpus.Docs);
        Assert.Null(_corpus.SearcherError);
        Assert.NotEmpty(_corpus.SearcherTotalsDuringBuild);
        // Each refresh sees a commit: never fewer articles than before, never more than the corpus.
        for (int i = 1; i < _corpus.SearcherTotalsDuringBuild.Count; i++)
            Assert.True(_corpus.SearcherTotalsDuringBuild[i] >= _corpus.SearcherTotalsDuringBuild[i - 1]);
        Assert.All(_corpus.SearcherTotalsDuringBuild, t => Assert.InRange(t, 1, BigCorpus.Docs));
    }
}
