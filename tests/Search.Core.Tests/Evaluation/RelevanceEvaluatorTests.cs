using System.Text.Json;
using Search.Core.Evaluation;
using Xunit;
using static Search.Core.Tests.Evaluation.EvaluationTestData;

namespace Search.Core.Tests.Evaluation;

public class RelevanceEvaluatorTests
{
    private const int Precision = 6;

    /// <summary>A search that answers from a fixed table of query text → run, recording calls.</summary>
    private sealed class FakeSearch(Dictionary<string, (string, float)[]> runs)
    {
        public List<(string Text, int Depth)> Calls { get; } = new();

        public (string DocId, float Score)[] Search(string text, int depth)
        {
            Calls.Add((text, depth));
            return runs.GetValueOrDefault(text) ?? [];
        }
    }

    [Fact]
    public void Averages_over_every_judged_query_counting_missing_and_empty_ones_as_zero()
    {
        // q1: relevant at rank 1 → every measure but P@10 is 1.
        // q2: judged, but nothing relevant → evaluated, scores 0 (trec_eval keeps such queries).
        // q3: judged, the engine finds nothing → 0.
        // q4: judged, absent from the queries file → missing, 0 (trec_eval -c).
        // q5: no judgements → ignored: not run, not averaged.
        var qrels = Qrels(("q1", "a", 1), ("q2", "a", 0), ("q3", "a", 1), ("q4", "a", 1));
        var queries = new[] { new EvaluationQuery("q1", "one"), new("q2", "two"), new("q3", "three"), new("q5", "five") };
        var search = new FakeSearch(new() { ["one"] = Run("a", "b"), ["two"] = Run("a") });

        var report = RelevanceEvaluator.Evaluate(queries, qrels, search.Search, depth: 50);

        Assert.Equal(["q1", "q2", "q3", "q4"], report.Queries.Select(q => q.QueryId));
        Assert.Equal(4, report.QueriesAveraged);
        Assert.Equal(["q5"], report.UnjudgedQueryIds);
        Assert.Equal(["q4"], report.MissingQueryIds);
        Assert.Equal(["one", "two", "three"], search.Calls.Select(c => c.Text));
        Assert.All(search.Calls, c => Assert.Equal(50, c.Depth));

        Assert.Equal(0.25, report.Mean.Mrr, Precision);
        Assert.Equal(0.25, report.Mean.Map, Precision);
        Assert.Equal(0.25, report.Mean.Ndcg10, Precision);
        Assert.Equal(0.25, report.Mean.Recall100, Precision);
        Assert.Equal(0.1 / 4, report.Mean.P10, Precision);

        var q1 = report.Queries[0];
        Assert.Equal((2, 1, 1, false), (q1.Retrieved, q1.Relevant, q1.RelevantRetrieved, q1.Missing));
        var q4 = report.Queries[3];
        Assert.Equal((0, 1, true), (q4.Retrieved, q4.Relevant, q4.Missing));
    }

    [Fact]
    public void Cuts_the_run_at_depth_even_if_the_search_returns_more()
    {
        // Relevant d4, d5 at ranks 4 and 5. Depth 5: AP = (1/4 + 2/5) / 2 = 0.325. Depth 3: nothing.
        var qrels = Qrels(("q", "d4", 1), ("q", "d5", 1));
        var queries = new[] { new EvaluationQuery("q", "text") };
        var search = new FakeSearch(new() { ["text"] = Run("d1", "d2", "d3", "d4", "d5") });

        var deep = RelevanceEvaluator.Evaluate(queries, qrels, search.Search, depth: 5);
        Assert.Equal(0.325, deep.Mean.Map, Precision);
        Assert.Equal(1.0, deep.Mean.Recall100, Precision);

        var shallow = RelevanceEvaluator.Evaluate(queries, qrels, search.Search, depth: 3);
        Assert.Equal(3, shallow.Queries[0].Retrieved);
        Assert.Equal(0, shallow.Queries[0].RelevantRetrieved);
        Assert.Equal(MetricValues.Zero, shallow.Mean);
    }

    [Fact]
    public void No_judged_queries_gives_zero_means()
    {
        var report = RelevanceEvaluator.Evaluate([new EvaluationQuery("q", "t")], Qrels(), (_, _) => [], 10);
        Assert.Equal(0, report.QueriesAveraged);
        Assert.Equal(MetricValues.Zero, report.Mean);
    }

    [Fact]
    public void Rejects_repeated_query_ids() =>
        Assert.Throws<ArgumentException>(() => RelevanceEvaluator.Evaluate(
            [new EvaluationQuery("q", "a"), new EvaluationQuery("q", "b")], Qrels(("q", "d", 1)), (_, _) => [], 10));

    [Fact]
    public void Serializes_with_the_documented_json_names()
    {
        var report = RelevanceEvaluator.Evaluate([new EvaluationQuery("q", "t")], Qrels(("q", "a", 1)), (_, _) => Run("a"), 10);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(report));
        var mean = json.RootElement.GetProperty("mean");
        Assert.Equal(["ndcg_10", "map", "p_10", "recall_100", "mrr"], mean.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.0, mean.GetProperty("mrr").GetDouble());
        Assert.Equal(10, json.RootElement.GetProperty("depth").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("queries_averaged").GetInt32());
        Assert.Equal("q", json.RootElement.GetProperty("queries")[0].GetProperty("query_id").GetString());
    }
}
