using System.Text.Json;
using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Rendering;

/// <summary>JSON written by the one source-generated context: a hit has one shape in `query
/// --json`, `query --all --jsonl` and `related --json`; `--all --jsonl` gives every article once.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class JsonShapeTests
{
    private static readonly string[] HitFields = { "id", "score", "title", "source", "author", "published", "section", "url", "snippet", "cluster", "copies" };

    private readonly SeedIndexFixture _f;

    public JsonShapeTests(SeedIndexFixture f) => _f = f;

    [Fact]
    public void All_jsonl_streams_every_article_once_with_the_hit_shape()
    {
        var run = SearchCli.InProcess("query", "*", "--all", "--jsonl", "--index", _f.Index);
        Assert.Equal(0, run.Code);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(296, lines.Length);
        var ids = new HashSet<string>();
        foreach (string line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(HitFields, json.RootElement.EnumerateObject().Select(p => p.Name));
            ids.Add(json.RootElement.GetProperty("id").GetString()!);
        }
        Assert.Equal(296, ids.Count);
    }

    [Fact]
    public void All_jsonl_keeps_the_order_and_filters_of_a_ranked_query()
    {
        var all = SearchCli.InProcess("query", "russia", "--all", "--jsonl", "--sort", "newest", "--index", _f.Index);
        var page = SearchCli.InProcess("query", "russia", "--json", "--sort", "newest", "--no-collapse", "--limit", "100", "--index", _f.Index);
        using var pageJson = JsonDocument.Parse(page.Out);
        var pageIds = pageJson.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()).ToList();
        var streamIds = all.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(streamIds);
        Assert.Equal(pageIds, streamIds);
    }

    /// <summary>Words no article has all of are answered as any of them on the pages; `--all
    /// --jsonl` streamed nothing for the same query.</summary>
    [Fact]
    public void All_jsonl_streams_the_hits_the_pages_show_when_no_article_has_every_word()
    {
        string[] query = { "query", "russia", "navalny", "kazakhstan", "--index", _f.Index };
        var page = SearchCli.InProcess([.. query, "--json", "--limit", "100", "--no-collapse"]);
        using var pageJson = JsonDocument.Parse(page.Out);
        Assert.True(pageJson.RootElement.GetProperty("any_words").GetBoolean());
        var pageIds = pageJson.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()).ToList();
        Assert.True(pageIds.Count > 1);

        var all = SearchCli.InProcess([.. query, "--all", "--jsonl"]);
        Assert.Equal(0, all.Code);
        Assert.Equal(pageIds, all.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        Assert.Equal("search: note: no article has all of the words: every article with any of them, best first\n", all.Err.Replace("\r\n", "\n"));
        // Words an article has all of stream as they are, without the note.
        var strict = SearchCli.InProcess("query", "russia", "navalny", "--index", _f.Index, "--all", "--jsonl");
        Assert.Equal("", strict.Err);
        Assert.NotEmpty(strict.Out);
    }

    [Fact]
    public void All_without_jsonl_is_a_usage_error()
    {
        var run = SearchCli.InProcess("query", "russia", "--all", "--index", _f.Index);
        Assert.Equal(2, run.Code);
        Assert.Contains("--jsonl", run.Err);
    }

    [Fact]
    public void Related_hits_have_the_query_hit_shape_and_stand_for_their_stories()
    {
        var run = SearchCli.InProcess("related", "000_9ea3fcf4dd3ee866.txt", "--json", "--index", _f.Index);
        Assert.Equal(0, run.Code);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(new[] { "seed", "seed_title", "seed_copies", "took_ms", "hits" }, json.RootElement.EnumerateObject().Select(p => p.Name));
        var hit = json.RootElement.GetProperty("hits").EnumerateArray().First();
        Assert.Equal(HitFields.Append("copy_sources"), hit.EnumerateObject().Select(p => p.Name));
    }

    /// <summary>An unknown --facet was only said on stderr: a script reading the JSON got nothing.</summary>
    [Fact]
    public void An_unknown_facet_in_json_is_an_error_object_like_a_query_error()
    {
        var run = SearchCli.InProcess("query", "russia", "--facet", "nosuch", "--json", "--index", _f.Index);
        Assert.Equal(2, run.Code);
        using var json = JsonDocument.Parse(run.Out);
        Assert.StartsWith("unknown facet 'nosuch'; facets are source", json.RootElement.GetProperty("error").GetString());
        Assert.False(json.RootElement.TryGetProperty("position", out _));
        Assert.StartsWith("search: unknown facet 'nosuch'", run.Err);
    }

    /// <summary>`show` and `related` said an unknown id on stderr only: a script reading the JSON got nothing.</summary>
    [Theory]
    [InlineData("show")]
    [InlineData("related")]
    public void An_unknown_id_in_json_is_an_error_object(string command)
    {
        var run = SearchCli.InProcess(command, "wikinews_2019.csv#999", "--json", "--index", _f.Index);
        Assert.Equal(1, run.Code);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("no article with id 'wikinews_2019.csv#999'", json.RootElement.GetProperty("error").GetString());
        Assert.StartsWith("search: no article with id", run.Err);
        Assert.Equal(0, SearchCli.InProcess(command, "wikinews_2019.csv#55", "--json", "--index", _f.Index).Code);
    }

    [Fact]
    public void A_date_error_in_json_has_its_position()
    {
        var run = SearchCli.InProcess("query", "published:[2020 TO 2019]", "--json", "--index", _f.Index);
        Assert.Equal(2, run.Code);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Contains("starts after it ends", json.RootElement.GetProperty("error").GetString());
        Assert.Equal(12, json.RootElement.GetProperty("position").GetInt32());
    }
}
