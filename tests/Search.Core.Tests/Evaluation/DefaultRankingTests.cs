using Search.Benchmarks.Relevance;
using Search.Core.Evaluation.Collections;
using Search.Core.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Search.Core.Tests.Evaluation;

/// <summary>
/// The bar: on both test collections our default ranking (as `search eval` runs it) is at
/// least as good as plain Lucene BM25 over one body field with StandardAnalyzer, on nDCG@10 and MAP.
/// Same code as `tests/Search.Benchmarks -- relevance`, which produces the table in docs/relevance-history.md.
/// </summary>
public sealed class DefaultRankingTests(ITestOutputHelper output)
{
    public static TheoryData<string> Collections => new() { "time", "cran" };

    [SharedTheory]
    [MemberData(nameof(Collections))]
    public void Default_ranking_is_at_least_as_good_as_the_plain_lucene_baseline(string folder)
    {
        var source = SharedCorpus.Path("corpora", "relevance", folder);
        var collection = folder == "time" ? TimeCollection.Load(source) : CranfieldCollection.Load(source);
        using var work = new TempDir();
        var run = new RelevanceRun(collection, work.Path);

        var baseline = run.Baseline().Mean;
        var report = run.Evaluate();
        var ours = report.Mean;
        output.WriteLine($"{run.Name}: baseline nDCG@10 {baseline.Ndcg10:0.0000} MAP {baseline.Map:0.0000}; default nDCG@10 {ours.Ndcg10:0.0000} MAP {ours.Map:0.0000}");

        Assert.True(ours.Ndcg10 >= baseline.Ndcg10, $"{run.Name}: nDCG@10 {ours.Ndcg10:0.0000} < baseline {baseline.Ndcg10:0.0000}");
        Assert.True(ours.Map >= baseline.Map, $"{run.Name}: MAP {ours.Map:0.0000} < baseline {baseline.Map:0.0000}");
        // Every judged query is answered: nothing is averaged in as a missing query.
        Assert.Equal(run.Qrels.QueryIds.Count, report.Queries.Count(q => !q.Missing));
    }
}
