using Search.Core.Evaluation;
using Xunit;

namespace Search.Core.Tests.Evaluation;

public class QueriesFileTests
{
    private static IReadOnlyList<EvaluationQuery> Parse(string text) => QueriesFile.Parse(new StringReader(text), "test.tsv");

    [Fact]
    public void Reads_id_tab_text_lines_skipping_blank_ones()
    {
        var queries = Parse("1\tnuclear test ban\n\n 22 \t  kennedy\tberlin  \r\n");
        Assert.Equal([new EvaluationQuery("1", "nuclear test ban"), new EvaluationQuery("22", "kennedy\tberlin")], queries);
    }

    [Theory]
    [InlineData("1\tok\n2 no tab here\n", 2, "found no tab")]
    [InlineData("\t text\n", 1, "empty or contains white space")]
    [InlineData("a b\ttext\n", 1, "empty or contains white space")]
    [InlineData("1\tok\n1\tagain\n", 2, "query 1 repeats line 1")]
    public void Reports_malformed_lines_with_their_number(string text, int line, string problem)
    {
        var e = Assert.Throws<EvaluationFormatException>(() => Parse(text));
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message);
        Assert.StartsWith($"test.tsv:{line}: ", e.Message);
    }

    [Fact]
    public void A_query_with_no_text_is_skipped_with_a_warning_naming_its_line()
    {
        var warnings = new List<string>();
        var queries = QueriesFile.Parse(new StringReader("1\tok\n\n3\t   \n4\tfine\n"), "test.tsv", warnings.Add);
        Assert.Equal(["1", "4"], queries.Select(q => q.Id));
        Assert.Equal(["test.tsv:3: query 3 has no text; skipped"], warnings);
        // Its id still counts: repeating it later is an error, not a silent second definition.
        var e = Assert.Throws<EvaluationFormatException>(() => Parse("3\t\n3\tagain\n"));
        Assert.Contains("query 3 repeats line 1", e.Message);
    }

    [Fact]
    public void Writes_what_it_reads()
    {
        var queries = new[] { new EvaluationQuery("1", "what similarity laws"), new EvaluationQuery("2", "heat flow") };
        var writer = new StringWriter();
        QueriesFile.Write(writer, queries);
        Assert.Equal("1\twhat similarity laws\n2\theat flow\n", writer.ToString());
        Assert.Equal(queries, Parse(writer.ToString()));
    }

    [Fact]
    public void Refuses_to_write_text_with_line_breaks() =>
        Assert.Throws<ArgumentException>(() => QueriesFile.Write(new StringWriter(), [new EvaluationQuery("1", "a\nb")]));
}
