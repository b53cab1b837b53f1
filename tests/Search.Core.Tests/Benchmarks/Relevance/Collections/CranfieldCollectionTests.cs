using Search.Core.Evaluation;
using Search.Benchmarks.Relevance.Collections;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Benchmarks.Relevance.Collections;

public class CranfieldCollectionTests
{
    private const string Documents = """
        .I 1
        .T
        experimental investigation of the aerodynamics of a
        wing in a slipstream .
        .A
        brenckman,m.
        .B
        j. ae. scs. 25, 1958, 324.
        .W
        experimental investigation of the aerodynamics of a
        wing in a slipstream .
          an experimental study .
        .I 2
        .T
        empty abstract .
        .A
        .B
        .W
        .I 3
        .T
        garbled .
        .W
        first part .
        .A
        second part .
        .W
        third part .
        """;

    [Fact]
    public void Reads_documents_with_title_author_and_abstract_as_body()
    {
        var docs = CranfieldCollection.ParseDocuments(new StringReader(Documents));
        Assert.Equal(["1", "2", "3"], docs.Select(d => d.Id));
        Assert.Equal("experimental investigation of the aerodynamics of a wing in a slipstream .", docs[0].Title);
        Assert.Equal("brenckman,m.", docs[0].Author);
        Assert.Equal("experimental investigation of the aerodynamics of a wing in a slipstream . an experimental study .", docs[0].Body);
        // An empty abstract falls back to the title; an empty author is null.
        Assert.Equal("empty abstract .", docs[1].Body);
        Assert.Null(docs[1].Author);
        // Markers after .W are dropped, their text kept in the body.
        Assert.Equal("first part . second part . third part .", docs[2].Body);
        Assert.Null(docs[2].Author);
    }

    [Fact]
    public void Numbers_queries_by_position_not_by_their_I_number()
    {
        var queries = CranfieldCollection.ParseQueries(new StringReader(".I 001\n.W\nwhat similarity\nlaws .\n.I 004\n.W\nheat conduction .\n"));
        Assert.Equal([new EvaluationQuery("1", "what similarity laws ."), new EvaluationQuery("2", "heat conduction .")], queries);
    }

    [Fact]
    public void Converts_relevance_codes_to_grades_where_higher_is_better()
    {
        var judgements = CranfieldCollection.ParseRelevance(new StringReader("1 184 1\n1 29 2 \n1 31 3\n1 12 4\n1 486 -1\n"));
        Assert.Equal([4, 3, 2, 1, CranfieldCollection.SourceDocumentGrade], judgements.Select(j => j.Grade));
        Assert.Equal(4, CranfieldCollection.SourceDocumentGrade);
    }

    [Theory]
    [InlineData("1 184 2\n1 29 5\n", 2, "code 5")]
    [InlineData("1 184\n", 1, "three integers")]
    [InlineData("1 184 2\n1 184 3\n", 2, "judged twice")]
    public void Reports_malformed_relevance_lines(string text, int line, string problem)
    {
        var e = Assert.Throws<EvaluationFormatException>(() => CranfieldCollection.ParseRelevance(new StringReader(text)));
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message);
    }

    [SharedFact]
    public void Converts_the_shared_collection()
    {
        var cran = CranfieldCollection.Load(SharedCorpus.Path("corpora", "relevance", "cran"));
        Assert.Equal(1400, cran.Documents.Count);
        Assert.Equal(Enumerable.Range(1, 1400).Select(i => i.ToString()), cran.Documents.Select(d => d.Id));
        Assert.Equal(225, cran.Queries.Count);
        Assert.Equal(1837, cran.Judgements.Count);
        // Two records are blank in the source file; they are kept so ids stay 1..1400.
        Assert.Equal(["471", "995"], cran.Documents.Where(d => d.Body.Length == 0).Select(d => d.Id));

        var ids = cran.Documents.Select(d => d.Id).ToHashSet();
        var queryIds = cran.Queries.Select(q => q.Id).ToHashSet();
        Assert.All(cran.Judgements, j => Assert.Contains(j.DocId, ids));
        Assert.All(cran.Judgements, j => Assert.Contains(j.QueryId, queryIds));
        Assert.Equal(225, cran.Judgements.Select(j => j.QueryId).Distinct().Count());

        // Query 3 is ".I 004" (heat conduction in composite slabs); its source document (code -1)
        // is 485, "linear heat flow in a composite slab".
        var query3 = cran.Queries[2];
        Assert.Equal("3", query3.Id);
        Assert.StartsWith("what problems of heat conduction in composite slabs", query3.Text);
        var source = Assert.Single(cran.Judgements, j => j.QueryId == "3" && j.DocId == "485");
        Assert.Equal(CranfieldCollection.SourceDocumentGrade, source.Grade);
        Assert.StartsWith("linear heat flow in a composite slab", cran.Documents[484].Title);
    }
}
