using Search.Core.Ingest;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest;

/// <summary>.json files that are one document: an array of articles, or one pretty-printed article.</summary>
public class JsonDocumentArticleReaderTests
{
    /// <summary>Reads <paramref name="json"/> as bytes in memory, and again as a stream arriving a
    /// few bytes at a time (as a big file is read): both must give the same articles and problems,
    /// at the same lines.</summary>
    private static List<ReadItem> Parse(string json)
    {
        var file = new SourceFile("/r/feed.json", "feed.json", "/r");
        var whole = JsonDocumentArticleReader.Read(new StringReader(json), file).ToList();
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(json);
        foreach (int readSize in (int[])[1, 7, 64])
        {
            var streamed = JsonDocumentArticleReader.Read(new JsonWindow(new MemoryStream(bytes), readSize), file).ToList();
            Assert.Equal(whole.Select(Describe), streamed.Select(Describe));
        }
        return whole;
    }

    private static string Describe(ReadItem item) => item.Article is { } a
        ? $"{a.Id} | {a.Record} | {a.Line} | {a.Title} | {a.Body} | {a.Author} | {a.Published}"
        : $"{item.Problem!.Line}: {item.Problem.Reason}";

    /// <summary>A big export read as a stream: its bytes as they are (not decoded to text and encoded
    /// back), about one item at a time, and its articles handed on one by one. Reading the first
    /// article of a 6 MB array allocated 95 MB at first (text, bytes, then every article at once),
    /// then about the file's size (its bytes held whole); now a small part of it.</summary>
    [Fact]
    public void A_big_array_is_read_as_its_bytes_and_its_articles_handed_on_one_by_one()
    {
        using var dir = new TempDir();
        string body = string.Concat(Enumerable.Repeat("The harbour authority said ships would wait offshore until the storm passed. ", 12));
        string path = dir.File("feed.json", "[" + string.Join(",\n", Enumerable.Range(1, 6000).Select(i => $"{{\"id\": \"a{i}\", \"title\": \"Harbour report {i}\", \"body\": \"{body}\"}}")) + "]");
        long size = new FileInfo(path).Length;
        var reader = new JsonDocumentArticleReader();
        var file = new SourceFile(path, "feed.json", dir.Path);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var first = reader.Read(file).First();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("a1", first.Article!.Id);
        Assert.True(allocated < 0.1 * size, $"{allocated:N0} bytes allocated to read the first article of a {size:N0}-byte file");
        Assert.Equal(6000, reader.Read(file).Count(x => x.Article != null));
    }

    [Fact]
    public void An_array_of_articles_gives_one_article_per_item_numbered_by_place()
    {
        var items = Parse("""
            [
              {
                "headline": "Floods in Kerala",
                "text": "Heavy rain closed schools.",
                "date": "2019-08-09",
                "tags": ["weather", "india"]
              },
              {"id": "own-id", "title": "Second", "body": "Two."},
              {"title": "Third", "body": "Three."}
            ]
            """);
        var articles = Articles(items);
        Assert.Equal(["Floods in Kerala", "Second", "Third"], articles.Select(a => a.Title));
        Assert.Equal(["feed.json#1", "own-id", "feed.json#3"], articles.Select(a => a.Id));
        Assert.Equal([2, 8, 9], articles.Select(a => a.Line));
        Assert.Equal("2019-08-09", articles[0].Published);
        Assert.Equal(["weather", "india"], articles[0].Tags);
        Assert.Empty(Problems(items));
    }

    [Fact]
    public void One_pretty_printed_object_is_one_article()
    {
        var article = Assert.Single(Articles(Parse("""
            {
              "title": "One article",
              "body": "Spread over lines."
            }
            """)));
        Assert.Equal("One article", article.Title);
        Assert.Equal("feed.json#1", article.Id);
    }

    [Fact]
    public void Items_that_are_not_articles_and_broken_json_are_reported_at_their_line()
    {
        var items = Parse("[\n  {\"title\": \"kept\"},\n  42,\n  {\"title\": \"x\", oops}\n]");
        Assert.Equal(["kept"], Articles(items).Select(a => a.Title));
        Assert.DoesNotContain(Problems(items), p => p.Reason.Contains("more JSON"));
        var problems = Problems(items);
        Assert.Equal(2, problems.Count);
        Assert.Equal(3, problems[0].Line);
        Assert.Equal("not a JSON object but number", problems[0].Reason);
        Assert.Equal(4, problems[1].Line);
        Assert.StartsWith("invalid JSON at line 4, byte 18:", problems[1].Reason);
        Assert.DoesNotContain("LineNumber", problems[1].Reason);
    }

    [Fact]
    public void A_broken_item_costs_only_itself_reading_resumes_at_the_next_top_level_object()
    {
        var items = Parse("""
            [
              {"title": "first", "body": "one"},
              {"title": "second", "body": "two, "author": {"name": "A"}, "tags": [{"name": "t"}]},
              {"title": "third", "author": {"name": "B"}, "body": "three"},
              {"title": "fourth", "body": "four"}
            ]
            """);
        Assert.Equal(["first", "third", "fourth"], Articles(items).Select(a => a.Title));
        RecordProblem problem = Assert.Single(Problems(items));
        Assert.Equal(3, problem.Line);
        Assert.True(problem.Reason.StartsWith("invalid JSON at line 3, byte 38:"), problem.Reason);
        Assert.EndsWith("reading resumed on line 4", problem.Reason);
        // Items keep their place in the array as record numbers (ids without an "id").
        Assert.Equal(["feed.json#1", "feed.json#3", "feed.json#4"], Articles(items).Select(a => a.Id));
    }

    [Fact]
    public void A_one_line_array_with_a_missing_comma_and_a_truncated_end_keeps_every_whole_item()
    {
        var items = Parse("[{\"title\":\"a\"} {\"title\":\"b\"},{\"title\":\"c\"},{\"title\":\"d");
        Assert.Equal(["a", "c"], Articles(items).Select(a => a.Title));
        var problems = Problems(items);
        Assert.Equal(2, problems.Count);
        Assert.Contains("expected ',' or ']'", problems[0].Reason);
        Assert.Contains("nothing after it could be read", problems[1].Reason);
    }
}
