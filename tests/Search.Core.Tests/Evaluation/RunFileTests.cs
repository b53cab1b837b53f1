using Search.Core.Evaluation;
using Xunit;

namespace Search.Core.Tests.Evaluation;

public class RunFileTests
{
    private static IReadOnlyDictionary<string, IReadOnlyList<(string DocId, float Score)>> Parse(string text) =>
        RunFile.Parse(new StringReader(text), "test.run");

    [Fact]
    public void Reads_trec_run_lines_grouped_by_query_ignoring_rank_and_tag()
    {
        var run = Parse("1 Q0 d3 1 12.5 xapian\n\n1 Q0 d1 7 3 xapian\n2\tQ0\td9\t1\t-1.25e1\tother\n");
        Assert.Equal([("d3", 12.5f), ("d1", 3f)], run["1"]);
        Assert.Equal([("d9", -12.5f)], run["2"]);
    }

    [Theory]
    [InlineData("1 Q0 d1 1 2.0\n", 1, "expected 6 fields")]
    [InlineData("1 Q0 d1 1 2.0 t\n1 Q0 d2 2 NaN t\n", 2, "score 'NaN' is not a number")]
    [InlineData("1 Q0 d1 1 2.0 t\n1 Q0 d1 2 1.0 t\n", 2, "document d1 is retrieved twice for query 1 (first on line 1)")]
    public void Reports_malformed_lines_with_their_number(string text, int line, string problem)
    {
        var e = Assert.Throws<EvaluationFormatException>(() => Parse(text));
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"test.run:{line}: ", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Scores_by_score_not_by_the_rank_column_and_counts_judged_queries_it_lacks_as_zero()
    {
        var qrels = new Qrels([new Judgement("1", "a", 1), new Judgement("2", "b", 1)]);
        // The rank column says b first; the scores say a first, which trec_eval follows.
        var report = RunFile.Evaluate(Parse("1 Q0 b 1 1.0 t\n1 Q0 a 2 2.0 t\n"), qrels);
        Assert.Equal(1.0, report.Queries.Single(q => q.QueryId == "1").Metrics.Map, 6);
        Assert.True(report.Queries.Single(q => q.QueryId == "2").Missing);
        Assert.Equal(0.5, report.Mean.Map, 6);
    }

    [Fact]
    public void Writes_what_it_reads()
    {
        var writer = new StringWriter();
        RunFile.Write(writer, "7", [("x", 3.25f), ("y", 1f)], "mine");
        Assert.Equal("7 Q0 x 1 3.25 mine\n7 Q0 y 2 1 mine\n", writer.ToString());
        Assert.Equal([("x", 3.25f), ("y", 1f)], Parse(writer.ToString())["7"]);
    }
}
