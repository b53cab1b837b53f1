using Search.Core.Evaluation;
using Search.Benchmarks.Relevance.Collections;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Benchmarks.Relevance.Collections;

public class TimeCollectionTests
{
    private const string Sample = """

        *TEXT 017 01/04/63 PAGE 020

        THE ALLIES AFTER NASSAU

        IN DECEMBER 1960 .

        *TEXT 018    01/04/63    PAGE 021

        BERLIN .
        *TEXT 431 08/30 63 PAGE 026
        TYPO IN THE HEADER DATE .
        *STOP
        IGNORED
        """;

    [Fact]
    public void Reads_articles_with_text_number_ids_dates_and_collapsed_text()
    {
        var docs = TimeCollection.ParseDocuments(new StringReader(Sample));
        Assert.Equal(["017", "018", "431"], docs.Select(d => d.Id));
        Assert.Equal("THE ALLIES AFTER NASSAU IN DECEMBER 1960 .", docs[0].Body);
        Assert.Equal("1963-01-04", docs[0].Published);
        Assert.Equal("1963-08-30", docs[2].Published);
        Assert.Null(docs[0].Title);
    }

    [Theory]
    [InlineData("*TEXT 017 01/04/63 PAGE 020\nA\n*TEXT 017 01/11/63 PAGE 001\nB\n", 3, "TEXT 017 appears twice")]
    [InlineData("*TEXT x\nA\n", 1, "malformed header")]
    [InlineData("stray\n*TEXT 017 01/04/63 PAGE 020\n", 1, "before the first *TEXT")]
    public void Reports_malformed_articles_with_line_numbers(string text, int line, string problem)
    {
        var e = Assert.Throws<EvaluationFormatException>(() => TimeCollection.ParseDocuments(new StringReader(text)));
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Reads_queries_with_find_numbers_as_ids()
    {
        var queries = TimeCollection.ParseQueries(new StringReader("*FIND      1\n\n KENNEDY AND\n\nDIEM .\n\n*FIND     02\n\nLODGE .\n"));
        Assert.Equal([new EvaluationQuery("1", "KENNEDY AND DIEM ."), new EvaluationQuery("2", "LODGE .")], queries);
    }

    [Fact]
    public void Maps_relevance_positions_to_ids_skipping_lost_articles()
    {
        // Our file lacks 499 and 500, which sat after 498: original positions 2 and 3 are lost and
        // position 4 is TEXT 501.
        var docs = new[] { "498", "501", "502" }.Select(id => new CollectionDocument(id, "text")).ToList();
        var positions = TimeCollection.OriginalPositions(docs, TimeCollection.LostArticles);
        Assert.Equal(["498", null, null, "501", "502"], positions);

        var judgements = TimeCollection.ParseRelevance(new StringReader("1  1 4\n\n2 \n3  5 5\n"), positions);
        Assert.Equal([new Judgement("1", "498", 1), new Judgement("1", "501", 1), new Judgement("3", "502", 1)], judgements);

        var lost = Assert.Throws<EvaluationFormatException>(() => TimeCollection.ParseRelevance(new StringReader("1 2\n"), positions));
        Assert.Contains("lost", lost.Message);
        var outside = Assert.Throws<EvaluationFormatException>(() => TimeCollection.ParseRelevance(new StringReader("1 1\n2 6\n"), positions));
        Assert.Equal(2, outside.Line);
    }

    [Fact]
    public void A_complete_file_needs_no_lost_slots()
    {
        var docs = new[] { "498", "499", "500", "501" }.Select(id => new CollectionDocument(id, "text")).ToList();
        Assert.Equal(["498", "499", "500", "501"], TimeCollection.OriginalPositions(docs, TimeCollection.LostArticles));
    }

    [SharedFact]
    public void Converts_the_shared_collection()
    {
        var time = TimeCollection.Load(SharedCorpus.Path("corpora", "relevance", "time"));
        Assert.Equal(423, time.Documents.Count);
        Assert.Equal(83, time.Queries.Count);
        var ids = time.Documents.Select(d => d.Id).ToHashSet();
        Assert.All(time.Judgements, j => Assert.Contains(j.DocId, ids));
        var queryIds = time.Queries.Select(q => q.Id).ToHashSet();
        Assert.All(time.Judgements, j => Assert.Contains(j.QueryId, queryIds));
        // TIME.REL lists no documents for 56, 59, 62 and has no line for 72.
        Assert.Equal(79, time.Judgements.Select(j => j.QueryId).Distinct().Count());
        Assert.All(time.Documents, d => Assert.NotEmpty(d.Body));
    }

    [SharedFact]
    public void Relevance_positions_land_on_matching_articles()
    {
        var time = TimeCollection.Load(SharedCorpus.Path("corpora", "relevance", "time"));
        var body = time.Documents.ToDictionary(d => d.Id, d => d.Body);
        var query = time.Queries.ToDictionary(q => q.Id, q => q.Text);
        string[] Relevant(string q) => time.Judgements.Where(j => j.QueryId == q).Select(j => j.DocId).ToArray();

        // Before the lost articles, position = file position: query 1 (Diem and the Buddhists) cites
        // position 268, which is TEXT 334, not TEXT 268 (a Syria story).
        Assert.Contains("BUDDHISTS", query["1"]);
        Assert.Contains("334", Relevant("1"));
        Assert.Contains("BUDDHIST", body["334"]);

        // After them, positions are two ahead of the file: query 23 (countries newly joined to the
        // U.N.) cites position 425, the last article, TEXT 563 ("the U.N. grew to ...").
        Assert.Contains("UNITED NATIONS", query["23"]);
        Assert.Equal(["563"], Relevant("23"));
        Assert.Contains("U.N . GREW", body["563"]);

        // Query 15 (Park Chung Hee elected in South Korea) cites position 424: TEXT 562, Seoul.
        Assert.Contains("PARK CHUNG HEE", query["15"]);
        Assert.Contains("562", Relevant("15"));
        Assert.StartsWith("SOUTH KOREA", body["562"]);

        // Query 37 (wheat deals) cites position 403: TEXT 539, the Kremlin's farm plan, which
        // mentions wheat; the article at file position 403 (TEXT 541) is a spy story.
        Assert.Contains("WHEAT", query["37"]);
        Assert.Contains("539", Relevant("37"));
        Assert.Contains("WHEAT", body["539"]);
    }
}
