using Search.Core.Evaluation;
using Xunit;
using static Search.Core.Tests.Evaluation.EvaluationTestData;

namespace Search.Core.Tests.Evaluation;

/// <summary>Every expected value below is worked out by hand in the comment above it.</summary>
public class TrecMetricsTests
{
    private const int Precision = 6;

    // Judged: d1, d2, d5 relevant (3 relevant), d3 judged not relevant. d4 and d6 are unjudged.
    // Run: d1 d4 d2 d3 d6  →  grades 1 0 1 0 0  (unjudged d4, d6 count as not relevant).
    private static readonly Qrels Binary = Qrels(("q", "d1", 1), ("q", "d2", 1), ("q", "d3", 0), ("q", "d5", 1));
    private static MetricValues BinaryRun => TrecMetrics.Compute(TrecRunOrder.Rank(Run("d1", "d4", "d2", "d3", "d6")), Binary.Find("q")!);

    [Fact]
    public void P10_divides_by_ten_even_when_fewer_are_retrieved() =>
        // 2 relevant in the top 10, 5 retrieved: 2 / 10.
        Assert.Equal(0.2, BinaryRun.P10, Precision);

    [Fact]
    public void Recall100_counts_unretrieved_relevant_documents() =>
        // 2 of the 3 relevant (d5 is never retrieved).
        Assert.Equal(2.0 / 3, BinaryRun.Recall100, Precision);

    [Fact]
    public void Map_divides_by_all_relevant_documents() =>
        // Precision at each relevant: rank 1 → 1/1, rank 3 → 2/3; sum 5/3 over 3 relevant = 5/9.
        Assert.Equal(5.0 / 9, BinaryRun.Map, Precision);

    [Fact]
    public void Mrr_is_one_over_the_first_relevant_rank()
    {
        Assert.Equal(1.0, BinaryRun.Mrr, Precision);
        // d4 (unjudged) and d3 (judged 0) first, d2 at rank 3: 1/3.
        var later = TrecMetrics.Compute(TrecRunOrder.Rank(Run("d4", "d3", "d2")), Binary.Find("q")!);
        Assert.Equal(1.0 / 3, later.Mrr, Precision);
    }

    [Fact]
    public void Ndcg10_binary_uses_log2_of_rank_plus_one()
    {
        // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3) + 1/log2(4) = 2.130930; 1.5 / 2.130930.
        Assert.Equal(0.703918, BinaryRun.Ndcg10, Precision);
    }

    [Fact]
    public void Ndcg10_graded_uses_grades_as_gains_and_an_ideal_from_all_judged_documents()
    {
        // a=3, b=2, c=1, d=0. Run c b x a: grades 1 2 0 3 (x unjudged).
        // DCG   = 1/log2(2) + 2/log2(3) + 3/log2(5)       = 1 + 1.261860 + 1.292030 = 3.553889
        // ideal = 3/log2(2) + 2/log2(3) + 1/log2(4)       = 3 + 1.261860 + 0.5      = 4.761860
        // nDCG  = 0.746324. Binary measures see a, b, c alike (grade ≥ 1).
        var qrels = Qrels(("q", "a", 3), ("q", "b", 2), ("q", "c", 1), ("q", "d", 0));
        var m = TrecMetrics.Compute(TrecRunOrder.Rank(Run("c", "b", "x", "a")), qrels.Find("q")!);
        Assert.Equal(0.746324, m.Ndcg10, Precision);
        // AP: ranks 1, 2, 4 → (1 + 1 + 3/4) / 3.
        Assert.Equal(2.75 / 3, m.Map, Precision);
        Assert.Equal(0.3, m.P10, Precision);
        Assert.Equal(1.0, m.Recall100, Precision);
    }

    [Fact]
    public void Ndcg10_ignores_ranks_after_ten_and_cuts_the_ideal_at_ten()
    {
        // 12 relevant documents retrieved in ranks 1..12: the top 10 are ideal, so nDCG@10 = 1.
        var docs = Enumerable.Range(1, 12).Select(i => $"r{i:00}").ToArray();
        var qrels = new Qrels(docs.Select(d => new Judgement("q", d, 1)));
        var all = TrecMetrics.Compute(TrecRunOrder.Rank(Run(docs)), qrels.Find("q")!);
        Assert.Equal(1.0, all.Ndcg10, Precision);
        Assert.Equal(1.0, all.P10, Precision);

        // One relevant document (grade 2) at rank 11 behind ten unjudged ones: nothing in the top 10.
        var late = Qrels(("q", "hit", 2));
        var run = Enumerable.Range(1, 10).Select(i => $"n{i:00}").Append("hit").ToArray();
        var m = TrecMetrics.Compute(TrecRunOrder.Rank(Run(run)), late.Find("q")!);
        Assert.Equal(0.0, m.Ndcg10, Precision);
        Assert.Equal(0.0, m.P10, Precision);
        Assert.Equal(1.0, m.Recall100, Precision);
        Assert.Equal(1.0 / 11, m.Map, Precision);
        Assert.Equal(1.0 / 11, m.Mrr, Precision);
    }

    [Fact]
    public void Recall100_ignores_ranks_after_one_hundred()
    {
        // Relevant r1 at rank 1 and r2 at rank 101: recall_100 = 1/2, but map sees both:
        // (1/1 + 2/101) / 2.
        var qrels = Qrels(("q", "r1", 1), ("q", "r2", 1));
        var run = new[] { "r1" }.Concat(Enumerable.Range(1, 99).Select(i => $"n{i:000}")).Append("r2").ToArray();
        var m = TrecMetrics.Compute(TrecRunOrder.Rank(Run(run)), qrels.Find("q")!);
        Assert.Equal(0.5, m.Recall100, Precision);
        Assert.Equal((1 + 2.0 / 101) / 2, m.Map, Precision);
    }

    [Fact]
    public void Score_ties_are_measured_in_trec_eval_order()
    {
        // d10 and d9 tie at the top; only d10 is relevant. trec_eval puts d9 first ("d9" > "d10"),
        // so the relevant document is at rank 2, whichever order the engine returned them in.
        var qrels = Qrels(("q", "d10", 1));
        foreach (var run in new[] { new[] { ("d10", 5f), ("d9", 5f) }, new[] { ("d9", 5f), ("d10", 5f) } })
        {
            var m = TrecMetrics.Compute(TrecRunOrder.Rank(run), qrels.Find("q")!);
            Assert.Equal(0.5, m.Mrr, Precision);
            Assert.Equal(0.5, m.Map, Precision);
            // DCG = 1/log2(3); ideal = 1.
            Assert.Equal(1 / Math.Log2(3), m.Ndcg10, Precision);
        }
    }

    [Fact]
    public void Negative_grades_are_judged_but_not_relevant()
    {
        // trec_eval reads rel < 0 as "in the pool, not judged": never relevant, not in num_rel.
        var qrels = Qrels(("q", "a", -1), ("q", "b", 1));
        var judgements = qrels.Find("q")!;
        Assert.Equal(1, judgements.RelevantCount);
        var m = TrecMetrics.Compute(TrecRunOrder.Rank(Run("a", "b")), judgements);
        Assert.Equal(0.5, m.Mrr, Precision);
        Assert.Equal(1 / Math.Log2(3), m.Ndcg10, Precision);
    }

    [Fact]
    public void A_query_without_relevant_documents_scores_zero()
    {
        var qrels = Qrels(("q", "a", 0), ("q", "b", 0));
        var m = TrecMetrics.Compute(TrecRunOrder.Rank(Run("a", "b")), qrels.Find("q")!);
        Assert.Equal(MetricValues.Zero, m);
    }

    [Fact]
    public void An_empty_run_scores_zero()
    {
        var m = TrecMetrics.Compute([], Binary.Find("q")!);
        Assert.Equal(MetricValues.Zero, m);
    }
}
