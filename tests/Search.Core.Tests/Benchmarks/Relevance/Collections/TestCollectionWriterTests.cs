using System.Text.Json;
using Search.Core.Evaluation;
using Search.Benchmarks.Relevance.Collections;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Benchmarks.Relevance.Collections;

public class TestCollectionWriterTests
{
    [Fact]
    public void Writes_jsonl_articles_queries_tsv_and_qrels_that_read_back()
    {
        var collection = new TestCollection("mini",
            [new CollectionDocument("017", "VIET NAM'S \"CRISIS\" .") { Published = "1963-01-04" }, new CollectionDocument("2", "body") { Title = "t", Author = "a" }],
            [new EvaluationQuery("1", "viet nam")],
            [new Judgement("1", "017", 1), new Judgement("1", "2", 0)]);
        using var dir = new TempDir();

        TestCollectionWriter.Write(collection, Path.Combine(dir.Path, "mini"));

        string[] lines = File.ReadAllLines(Path.Combine(dir.Path, "mini", "docs.jsonl"));
        Assert.Equal(2, lines.Length);
        Assert.Equal("""{"id":"017","published":"1963-01-04","body":"VIET NAM'S \"CRISIS\" ."}""", lines[0]);
        using (var second = JsonDocument.Parse(lines[1]))
            Assert.Equal(["id", "title", "author", "body"], second.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(collection.Queries, QueriesFile.Load(Path.Combine(dir.Path, "mini", "queries.tsv")));
        Assert.Equal(collection.Judgements, QrelsFile.Load(Path.Combine(dir.Path, "mini", "qrels.txt")).All);
    }
}
