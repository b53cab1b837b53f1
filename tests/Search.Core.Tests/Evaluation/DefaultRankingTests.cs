using Search.Benchmarks.Relevance;
using Search.Benchmarks.Relevance.Collections;
using Search.Core.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Search.Core.Tests.Evaluation;

/// <summary>
/// On ADI (82 documents, 35 queries: seconds), our default ranking, as `search eval` runs it, is at
/// least as good as the plain Lucene.Net peer of the relevance benchmark (BM25 defaults,
/// EnglishAnalyzer, title+body), in nDCG@10 and MAP. The same code as `tests/Search.Benchmarks --
/// relevance`, which compares all five collections with Xapian too (docs/relevance.md).
/// </summary>
public sealed class DefaultRankingTests(ITestOutputHelper output)
{
    [SharedFact]
    public void Default_ranking_is_at_least_as_good_as_plain_lucene_on_adi()
    {
        var collection = CommonFormatCollection.Load(SharedCorpus.Path("corpora", "relevance", "adi"), "adi");
        using var work = new TempDir();
        var run = new RelevanceRun(collection, work.Path);

        var lucene = run.Score(LucenePeer.Run(collection)).Mean;
        var report = run.Evaluate();
        var ours = report.Mean;
        output.WriteLine($"adi: Lucene nDCG@10 {lucene.Ndcg10:0.0000} MAP {lucene.Map:0.0000}; default nDCG@10 {ours.Ndcg10:0.0000} MAP {ours.Map:0.0000}");

        Assert.True(ours.Ndcg10 >= lucene.Ndcg10, $"nDCG@10 {ours.Ndcg10:0.0000} < Lucene {lucene.Ndcg10:0.0000}");
        Assert.True(ours.Map >= lucene.Map, $"MAP {ours.Map:0.0000} < Lucene {lucene.Map:0.0000}");
        // Every judged query is answered: nothing is averaged in as a missing query.
        Assert.Equal(run.Qrels.QueryIds.Count, report.Queries.Count(q => !q.Missing));
    }
}
