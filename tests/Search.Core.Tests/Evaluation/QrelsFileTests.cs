using Search.Core.Evaluation;
using Xunit;

namespace Search.Core.Tests.Evaluation;

public class QrelsFileTests
{
    private static Qrels Parse(string text) => QrelsFile.Parse(new StringReader(text), "test.qrels");

    [Fact]
    public void Reads_whitespace_separated_lines_skipping_blank_ones()
    {
        var qrels = Parse("1 0 doc-a 2\n\n1\t0\tdoc-b  0\n2 Q0 doc-a -1\n   \n");
        Assert.Equal(["1", "2"], qrels.QueryIds);
        Assert.Equal(2, qrels.Find("1")!.GradeOf("doc-a"));
        Assert.Equal(0, qrels.Find("1")!.GradeOf("doc-b"));
        Assert.Equal(-1, qrels.Find("2")!.GradeOf("doc-a"));
        Assert.Equal(1, qrels.Find("1")!.RelevantCount);
        Assert.Equal(0, qrels.Find("2")!.RelevantCount);
        Assert.Null(qrels.Find("3"));
    }

    [Theory]
    [InlineData("1 0 a 1\n1 0 b\n", 2, "expected 4 fields")]
    [InlineData("1 0 a 1 extra\n", 1, "expected 4 fields")]
    [InlineData("\n1 0 a high\n", 2, "relevance 'high' is not an integer")]
    [InlineData("1 0 a 1\n1 0 b 1\n1 0 a 2\n", 3, "judged twice for query 1 (first on line 1)")]
    public void Reports_malformed_lines_with_their_number(string text, int line, string problem)
    {
        var e = Assert.Throws<EvaluationFormatException>(() => Parse(text));
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message);
        Assert.StartsWith($"test.qrels:{line}: ", e.Message);
        Assert.IsAssignableFrom<FormatException>(e);
    }

    [Fact]
    public void Writes_what_it_reads()
    {
        var judgements = new[] { new Judgement("1", "d1", 3), new Judgement("1", "d2", 0), new Judgement("2", "d1", -1) };
        var writer = new StringWriter();
        QrelsFile.Write(writer, judgements);
        Assert.Equal("1 0 d1 3\n1 0 d2 0\n2 0 d1 -1\n", writer.ToString());
        Assert.Equal(judgements, Parse(writer.ToString()).All);
    }

    [Fact]
    public void Refuses_to_write_ids_with_spaces() =>
        Assert.Throws<ArgumentException>(() => QrelsFile.Write(new StringWriter(), [new Judgement("1", "d 1", 1)]));
}
