using Search.Core.Ingest;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest;

/// <summary>JSON records as exports and API responses shape them: envelopes around the list of
/// articles, records kept in a container object, values that are objects, and summaries.</summary>
public class JsonRecordTests
{
    private static List<ReadItem> Document(string json) =>
        JsonDocumentArticleReader.Read(new StringReader(json), new SourceFile("/r/feed.json", "feed.json", "/r")).ToList();

    private static List<ReadItem> Lines(string jsonl) =>
        JsonLinesArticleReader.Read(new StringReader(jsonl), new SourceFile("/r/feed.json", "feed.json", "/r")).ToList();

    /// <summary>A NewsAPI response as saved: status, count, and the articles.</summary>
    private const string NewsApi = """{"status": "ok", "totalResults": 2, "articles": [{"source": {"id": null, "name": "BBC News"}, "author": "Jane Roe", "title": "Floods in Valencia", "description": "Rain killed dozens.", "url": "https://www.bbc.co.uk/news/a", "publishedAt": "2024-10-30T09:00:00Z", "content": "Heavy rain hit Valencia on Tuesday."}, {"source": {"name": "Reuters"}, "title": "Markets fall", "description": "Stocks fell.", "publishedAt": "2024-10-31T09:00:00Z"}]}""";

    [Fact]
    public void An_api_response_is_its_list_of_articles_however_the_file_is_laid_out()
    {
        // One line (read as JSON Lines) or pretty-printed (one document): the same articles and ids.
        var oneLine = Articles(Lines(NewsApi));
        var pretty = Articles(Document(NewsApi.Replace(", \"", ",\n  \"")));
        foreach (var articles in new[] { oneLine, pretty })
        {
            Assert.Equal(["Floods in Valencia", "Markets fall"], articles.Select(a => a.Title));
            Assert.Equal(["feed.json#1.1", "feed.json#1.2"], articles.Select(a => a.Id));
            Assert.Equal(["BBC News", "Reuters"], articles.Select(a => a.Source));
            Assert.Equal("Heavy rain hit Valencia on Tuesday.", articles[0].Body);
            Assert.Equal("Stocks fell.", articles[1].Body); // no content: its description is its body
            Assert.Equal("2024-10-30T09:00:00Z", articles[0].Published);
        }
    }

    [Fact]
    public void A_new_york_times_response_reads_its_headline_byline_and_lead_from_their_objects()
    {
        var article = Assert.Single(Articles(Document("""
            {
              "status": "OK",
              "response": {
                "docs": [
                  {
                    "_id": "nyt://article/1",
                    "web_url": "https://www.nytimes.com/2024/01/01/world/x.html",
                    "lead_paragraph": "The lead of the story.",
                    "headline": {"main": "Main headline", "print_headline": "Print"},
                    "byline": {"original": "By Jane Doe and John Roe"},
                    "pub_date": "2024-01-01T05:00:00+0000",
                    "section_name": "World",
                    "keywords": [{"name": "subject", "value": "Elections", "rank": 1}, {"name": "glocations", "value": "France", "rank": 2}]
                  }
                ]
              }
            }
            """)));
        Assert.Equal("Main headline", article.Title);
        Assert.Equal("Jane Doe and John Roe", article.Author);
        Assert.Equal("The lead of the story.", article.Body);
        Assert.Equal("nyt://article/1", article.Id);
        Assert.Equal("World", article.Section);
        Assert.Equal(["Elections", "France"], article.Tags); // a keyword's value, not its kind
        Assert.Equal("https://www.nytimes.com/2024/01/01/world/x.html", article.Url);
    }

    [Fact]
    public void Elasticsearch_hits_are_read_from_their_source()
    {
        var items = Document("""
            {"took": 3, "hits": {"total": {"value": 2}, "hits": [
              {"_index": "news", "_id": "a1", "_source": {"title": "One", "body": "First body.", "source": "AP"}},
              {"_index": "news", "_id": "a2", "_source": {"title": "Two", "body": "Second body."}}
            ]}}
            """);
        var articles = Articles(items);
        Assert.Equal(["a1", "a2"], articles.Select(a => a.Id));
        Assert.Equal(["First body.", "Second body."], articles.Select(a => a.Body));
        Assert.Equal("AP", articles[0].Source); // "source" inside the record is the outlet, not a container
        Assert.Empty(Problems(items));
    }

    [Fact]
    public void A_guardian_result_takes_its_body_and_byline_from_its_fields()
    {
        var article = Assert.Single(Articles(Lines("""{"response": {"status": "ok", "results": [{"id": "world/2024/jan/01/x", "webTitle": "Guardian piece", "sectionName": "World news", "fields": {"bodyText": "The body.", "byline": "Jane Roe", "headline": "Not this"}}]}}""")));
        Assert.Equal("Guardian piece", article.Title); // the record's own title first
        Assert.Equal("The body.", article.Body);
        Assert.Equal("Jane Roe", article.Author);
        Assert.Equal("world/2024/jan/01/x", article.Id);
    }

    [Fact]
    public void An_article_with_a_list_of_related_articles_stays_one_article()
    {
        var article = Assert.Single(Articles(Lines("""{"title": "Main", "body": "Text.", "related": [{"title": "Other", "body": "Other text."}]}""")));
        Assert.Equal("Main", article.Title);
        Assert.Equal("feed.json#1", article.Id);
    }

    [Fact]
    public void An_object_without_an_article_or_a_list_of_them_is_reported()
    {
        Assert.Equal([new RecordProblem(1, "no title or body")], Problems(Lines("""{"status": "error", "message": "rate limited", "results": []}""")));
        // Deeper than an envelope is looked into.
        Assert.Equal([new RecordProblem(1, "no title or body")], Problems(Lines("""{"a": {"b": {"c": {"items": [{"title": "too deep"}]}}}}""")));
        Assert.Single(Articles(Lines("""{"a": {"b": {"items": [{"title": "deep enough"}]}}}""")));
    }

    [Theory]
    [InlineData("description")]
    [InlineData("abstract")]
    [InlineData("lead_paragraph")]
    [InlineData("trailText")]
    [InlineData("standfirst")]
    public void A_summary_is_the_body_only_of_a_record_without_one(string name)
    {
        Assert.Equal("Summary.", Assert.Single(Articles(Lines($$"""{"title": "t", "{{name}}": "Summary."}"""))).Body);
        Assert.Equal("Full text.", Assert.Single(Articles(Lines($$"""{"{{name}}": "Summary.", "title": "t", "body": "Full text."}"""))).Body);
    }

    [Fact]
    public void A_csv_description_column_is_the_body_of_rows_without_one()
    {
        var articles = Articles(CsvArticleReader.Read(new StringReader("title,description,body\nA,Short.,Long text.\nB,Only short.,\n"),
            new SourceFile("/r/x.csv", "x.csv", "/r")));
        Assert.Equal(["Long text.", "Only short."], articles.Select(a => a.Body));
        // A header whose only text is a summary is a header, and its rows are articles.
        var summaries = Articles(CsvArticleReader.Read(new StringReader("date,description\n2024-01-02,A short item.\n"),
            new SourceFile("/r/y.csv", "y.csv", "/r")));
        Assert.Equal("A short item.", Assert.Single(summaries).Body);
    }

    [Theory]
    [InlineData("By Jane Doe", "Jane Doe")]
    [InlineData("by: Jane Doe", "Jane Doe")]
    [InlineData("Written by Jane Doe", "Jane Doe")]
    [InlineData("Byron Smith", "Byron Smith")]
    [InlineData("Jane Doe", "Jane Doe")]
    [InlineData("Von Max Mustermann, dpa", "Max Mustermann, dpa")] // German, French, Spanish bylines
    [InlineData("Par Jean Dupont", "Jean Dupont")]
    [InlineData("Por Juan Pérez", "Juan Pérez")]
    [InlineData("von der Leyen, Ursula", "von der Leyen, Ursula")] // a name's "von"
    [InlineData("Paris Hilton", "Paris Hilton")]
    [InlineData("jane.doe@example.com (Jane Doe)", "Jane Doe")] // RSS's author, kept by feed-to-JSON tools
    [InlineData("Jane Doe <jane.doe@example.com>", "Jane Doe")]
    [InlineData("\\\"Doe, Jane\\\" <jane.doe@example.com>", "Doe, Jane")] // JSON-escaped quotes
    [InlineData("jane.doe@example.com", "jane.doe@example.com")] // nothing but the address: kept as stated
    public void A_byline_field_loses_its_by(string byline, string author) =>
        Assert.Equal(author, Assert.Single(Articles(Lines($$"""{"title": "t", "byline": "{{byline}}"}"""))).Author);

    [Fact]
    public void A_scraped_title_loses_the_site_name_its_source_or_url_names_and_keeps_its_own_dash()
    {
        // NewsAPI and scrapers keep the page's <title>; before, "| Reuters" and "- BBC News" were
        // indexed as the headline's words.
        const string json = """
            [{"title": "Markets rally | Reuters", "url": "https://www.reuters.com/markets/us/rally-2024-12-03/", "body": "Stocks rose."},
             {"title": "Storm hits coast - BBC News", "source": {"name": "BBC News"}, "body": "A storm hit the coast."},
             {"title": "Hong Kong - the long view", "source": "BBC News", "body": "A city at a crossroads."},
             {"title": "Storm hits coast - BBC News", "body": "Nothing says whose page it was."}]
            """;
        Assert.Equal(["Markets rally", "Storm hits coast", "Hong Kong - the long view", "Storm hits coast - BBC News"],
            Articles(Document(json)).Select(a => a.Title));
    }

    [Fact]
    public void A_mongoexport_line_gives_its_date_and_id_from_extended_json()
    {
        // mongoexport writes dates and ids as typed objects; before, both were dropped and the
        // articles went undated.
        const string jsonl = """
            {"_id": {"$oid": "6750a1b2c3d4e5f601234567"}, "title": "One", "body": "B.", "published_at": {"$date": "2024-12-03T17:41:00.000Z"}}
            {"_id": {"$oid": "6750a1b2c3d4e5f601234568"}, "title": "Two", "body": "B.", "published_at": {"$date": {"$numberLong": "1733247660123"}}}
            """;
        var articles = Articles(Lines(jsonl));
        Assert.Equal(["6750a1b2c3d4e5f601234567", "6750a1b2c3d4e5f601234568"], articles.Select(a => a.Id));
        Assert.Equal(["2024-12-03", "2024-12-03"], articles.Select(a => DateParsing.ToIsoDate(a.Published)));
    }

    [Fact]
    public void Of_two_date_fields_the_one_that_is_a_date_dates_the_article()
    {
        // A scraper keeps the page's "3 hours ago" beside the ISO time; WordPress writes
        // 0000-00-00 for a post never scheduled. Before, the first non-empty value won and the
        // article went undated.
        const string jsonl = """
            {"title": "A", "body": "B.", "date": "3 hours ago", "published_at": "2024-12-03T17:41:00Z"}
            {"post_title": "A", "post_content": "B.", "post_date": "0000-00-00 00:00:00", "date": "2024-12-03 17:41:00"}
            {"title": "A", "body": "B.", "date": "2024-12-01", "published_at": "2024-12-03T17:41:00Z"}
            {"title": "A", "body": "B.", "date": "03/04/2024", "published_at": "2024-12-03"}
            """;
        Assert.Equal(["2024-12-03T17:41:00Z", "2024-12-03 17:41:00", "2024-12-01", "03/04/2024"],
            Articles(Lines(jsonl)).Select(a => a.Published));
    }
}
