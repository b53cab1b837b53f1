using Search.Core.Ingest;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest;

public class JsonLinesArticleReaderTests
{
    private readonly JsonLinesArticleReader _reader = new();

    private static List<ReadItem> Parse(string jsonl) =>
        JsonLinesArticleReader.Read(new StringReader(jsonl), new SourceFile("/r/feed.jsonl", "feed.jsonl", "/r")).ToList();

    private static Article One(string json) => Assert.Single(Articles(Parse(json)));

    [Fact]
    public void MakeCorpusRecord()
    {
        Article a = One("""{"id": "gen-00000001", "title": "Security Pacific Corp", "body": "Para one.\n\nPara two.", "url": "https://www.bbc.co.uk/technology/1991/03/16/security-1", "author": "ahmed-hassan", "source": "bbc.co.uk", "published": "1991-03-16", "section": "technology"}""");
        Assert.Equal("gen-00000001", a.Id);
        Assert.Equal("Security Pacific Corp", a.Title);
        Assert.Equal("Para one.\n\nPara two.", a.Body);
        Assert.Equal("https://www.bbc.co.uk/technology/1991/03/16/security-1", a.Url);
        Assert.Equal("ahmed-hassan", a.Author);
        Assert.Equal("bbc.co.uk", a.Source);
        Assert.Equal("1991-03-16", a.Published);
        Assert.Equal("technology", a.Section);
        Assert.Equal(1, a.Record);
        Assert.Equal(1, a.Line);
        Assert.Equal("feed.jsonl", a.File);
    }

    [Theory]
    [InlineData("title", "Title")]
    [InlineData("HEADLINE", "Title")]
    [InlineData("body", "Body")]
    [InlineData("text", "Body")]
    [InlineData("Content", "Body")]
    [InlineData("article", "Body")]
    [InlineData("url", "Url")]
    [InlineData("link", "Url")]
    [InlineData("author", "Author")]
    [InlineData("byline", "Author")]
    [InlineData("authors", "Author")]
    [InlineData("source", "Source")]
    [InlineData("site", "Source")]
    [InlineData("publisher", "Source")]
    [InlineData("published", "Published")]
    [InlineData("date", "Published")]
    [InlineData("pubdate", "Published")]
    [InlineData("datetime", "Published")]
    [InlineData("section", "Section")]
    [InlineData("category", "Section")]
    [InlineData("id", "Id")]
    // Exports' names: schema.org JSON-LD, news APIs, scrapers; word separators and case aside.
    [InlineData("datePublished", "Published")]
    [InlineData("publishedAt", "Published")]
    [InlineData("published_at", "Published")]
    [InlineData("pub_date", "Published")]
    [InlineData("date_publish", "Published")]
    [InlineData("webPublicationDate", "Published")]
    [InlineData("Publication Date", "Published")]
    [InlineData("articleBody", "Body")]
    [InlineData("maintext", "Body")]
    [InlineData("webTitle", "Title")]
    [InlineData("web_url", "Url")]
    [InlineData("webUrl", "Url")]
    [InlineData("section_name", "Section")]
    [InlineData("articleSection", "Section")]
    [InlineData("source_domain", "Source")]
    [InlineData("creator", "Author")]
    public void EachAliasFillsItsField(string name, string property)
    {
        string other = property == "Title" ? "\"body\": \"b\"" : "\"title\": \"t\"";
        Article a = One($$"""{"{{name}}": "VALUE", {{other}}}""");
        Assert.Equal("VALUE", typeof(Article).GetProperty(property)!.GetValue(a));
    }

    [Theory]
    [InlineData("publishedBy")] // a separator-free spelling of no field's name
    [InlineData("date_created")]
    [InlineData("web_")]
    [InlineData("_")]
    public void NamesOfNoFieldStayUnmapped(string name) =>
        Assert.False(FieldMapping.TryMap(name, out _));

    [Theory]
    [InlineData("tags")]
    [InlineData("Keywords")]
    [InlineData("topics")]
    public void TagAliasesAcceptArraysAndCommaStrings(string name)
    {
        Assert.Equal(["a", "b c"], One($$"""{"title": "t", "{{name}}": ["a", " b c ", ""]}""").Tags);
        Assert.Equal(["a", "b c"], One($$"""{"title": "t", "{{name}}": "a, b c,"}""").Tags);
    }

    [Fact]
    public void PlacesAcceptArraysAndCommaOrSemicolonStrings()
    {
        Assert.Equal(["Paris", "Lyon"], One("""{"title": "t", "places": ["Paris", "Lyon"]}""").Places);
        Assert.Equal(["Paris", "Lyon", "Nice"], One("""{"title": "t", "places": "Paris; Lyon, Nice"}""").Places);
    }

    [Fact]
    public void BrokenLineInTheMiddleIsReportedAndNeighboursAreRead()
    {
        var items = Parse("""
            {"title": "one"}
            {"title": "two", oops}

            {"title": "four"}
            """);
        Assert.Equal(["one", "four"], Articles(items).Select(a => a.Title));
        RecordProblem problem = Assert.Single(Problems(items));
        Assert.Equal(2, problem.Line);
        // The position is the file's (line 2, byte 18 of it), not .NET's "LineNumber: 0 | BytePositionInLine: 17".
        Assert.StartsWith("invalid JSON at byte 18 of the line: 'o' is an invalid start of a property name", problem.Reason);
        Assert.DoesNotContain("LineNumber", problem.Reason);
        // Record numbers are physical line numbers: the blank line 3 still counts.
        Assert.Equal(["feed.jsonl#1", "feed.jsonl#4"], Articles(items).Select(a => a.Id));
    }

    [Fact]
    public void NonObjectLinesAreSkipped()
    {
        var items = Parse("[1,2]\n\"text\"\n42\n{\"title\": \"ok\"}\n");
        Assert.Equal([1, 2, 3], Problems(items).Select(p => p.Line));
        Assert.All(Problems(items), p => Assert.StartsWith("not a JSON object", p.Reason));
        Assert.Equal("ok", Assert.Single(Articles(items)).Title);
    }

    [Fact]
    public void AnArrayWrittenOneItemALineReadsAsItsItems()
    {
        // As exports save "JSON" one object a line: brackets and commas are not records.
        var items = Parse("[\n{\"title\": \"one\"},\n  {\"title\": \"two\", \"tags\": [\"a\", \"b\"]} ,\n{\"title\": \"three\"}\n]\n");
        Assert.Empty(Problems(items));
        Assert.Equal(["one", "two", "three"], Articles(items).Select(a => a.Title));
        Assert.Equal(["feed.jsonl#2", "feed.jsonl#3", "feed.jsonl#4"], Articles(items).Select(a => a.Id)); // physical lines, as before
        // The array opened and closed on item lines.
        Assert.Equal(["x", "y"], Articles(Parse("[{\"title\": \"x\"},\n{\"title\": \"y\"}]\n")).Select(a => a.Title));
        // A whole array on one line is still one line that is not an object; a broken item still points into its line.
        Assert.StartsWith("not a JSON object", Assert.Single(Problems(Parse("[{\"title\": \"x\"}]\n"))).Reason);
        Assert.StartsWith("invalid JSON at byte 15 of the line: 'o'", Assert.Single(Problems(Parse("{\"title\": \"x\" oops},\n"))).Reason);
    }

    [Fact]
    public void WrongTypedValuesAreUsedWhereMeaningful()
    {
        Article a = One("""{"title": 2024, "body": ["First para.", "Second para."], "author": [{"name": "Ann Lee"}, "Bob Ray"], "source": {"name": "Reuters"}, "id": 17, "section": true, "url": null}""");
        Assert.Equal("2024", a.Title);
        Assert.Equal("First para.\n\nSecond para.", a.Body);
        Assert.Equal("Ann Lee, Bob Ray", a.Author);
        Assert.Equal("Reuters", a.Source);
        Assert.Equal("17", a.Id);
        Assert.Equal("true", a.Section);
        Assert.Null(a.Url);
    }

    [Fact]
    public void ObjectBodyIsIgnoredAndARecordLeftEmptyIsSkipped()
    {
        Assert.Equal("kept", One("""{"title": "kept", "body": {"html": "<p>x</p>"}}""").Title);
        var items = Parse("""{"body": {"html": "<p>x</p>"}, "url": "https://x.org/a"}""");
        Assert.Equal([new RecordProblem(1, "no title or body")], Problems(items));
    }

    [Fact]
    public void FirstNonEmptyAliasWinsAndUnknownPropertiesAreIgnored()
    {
        Article a = One("""{"text": "", "body": "from body", "content": "from content", "views": 10, "nested": {"title": "no"}, "title": "t"}""");
        Assert.Equal("from body", a.Body);
        Assert.Equal("t", a.Title);
    }

    [Fact]
    public void CrLfLinesAndBomFromDisk()
    {
        using var dir = new TempDir();
        SourceFile file = WriteBytes(dir, "f/a.ndjson", [0xEF, 0xBB, 0xBF, .. "{\"title\": \"A\"}\r\n\r\n{\"title\": \"Caf\u00e9\"}\r\n"u8]);
        List<ReadItem> items = ReadAll(_reader, file);
        Assert.Empty(Problems(items));
        Assert.Equal(["A", "Café"], Articles(items).Select(a => a.Title));
        Assert.Equal(["f/a.ndjson#1", "f/a.ndjson#3"], Articles(items).Select(a => a.Id));
    }

    [Theory]
    [InlineData(".jsonl", "", true)]
    [InlineData(".ndjson", "", true)]
    [InlineData(".json", "{\"title\": \"a\"}\n{\"title\": \"b\"}\n", true)]
    [InlineData(".json", "  {\"title\": \"a\"}", true)]
    [InlineData(".json", "{\n  \"title\": \"a\"\n}\n", false)]
    [InlineData(".json", "[{\"title\": \"a\"}]", false)]
    [InlineData(".json", "", false)]
    [InlineData(".txt", "{\"title\": \"a\"}", false)]
    public void CanReadByExtensionAndForJsonByContent(string extension, string head, bool expected)
    {
        Assert.Equal(expected, _reader.CanRead(extension, System.Text.Encoding.UTF8.GetBytes(head)));
    }
}
