using System.Net;
using System.Text.Json.Nodes;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>Input is hostile until checked: every bad request is a 4xx with one line of JSON
/// naming the problem, never a 500 or a stack trace, and nothing writes the index.</summary>
[Collection(WebCorpusCollection.Name)]
public sealed class HostileInputTests(WebCorpus corpus) : IAsyncLifetime
{
    private InMemoryServer _server = null!;

    public async Task InitializeAsync() => _server = await InMemoryServer.Start(corpus.IndexPath);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/api/search?offset=-1", 400, "offset")]
    [InlineData("/api/search?offset=99999999999999", 400, "offset")]
    [InlineData("/api/search?offset=10001", 400, "offset")]
    [InlineData("/api/search?limit=abc", 400, "limit")]
    [InlineData("/api/search?limit=1e3", 400, "limit")]
    [InlineData("/api/search?q=a&q=b", 400, "q may be given once")]
    [InlineData("/api/search?filter=bad", 400, "DIMENSION=VALUE")]
    [InlineData("/api/search?filter==x", 400, "DIMENSION=VALUE")]
    [InlineData("/api/search?filter=source%3D", 400, "DIMENSION=VALUE")]
    [InlineData("/api/search?filter=..%2F..%2Fetc%3Dpasswd", 400, "unknown facet")]
    [InlineData("/api/search?facet=nope", 400, "unknown facet")]
    [InlineData("/api/search?filter=year%3Dabcd", 400, "filter year=abcd: invalid date 'abcd'")]
    [InlineData("/api/search?sort=sideways", 400, "sort")]
    [InlineData("/api/search?q=vote&facets=place", 400, "unknown parameter 'facets' (did you mean 'facet'?)")]
    [InlineData("/api/search?q=vote&page=2", 400, "unknown parameter 'page'; a search takes q, filter, facet")]
    [InlineData("/api/facets/place?q=vote&filters=place%3DRussia", 400, "did you mean 'filter'?")]
    [InlineData("/api/facets/place?q=vote&facet_limit=5", 400, "unknown parameter 'facet_limit'; /api/facets/{dimension} takes q, filter, sort, any, expand, collapse, limit")]
    [InlineData("/api/facets/place?q=vote&offset=10", 400, "unknown parameter 'offset'")]
    [InlineData("/api/search?expand=true", 400, "expand")]
    [InlineData("/api/search?any=maybe", 400, "any")]
    [InlineData("/api/search?q=%00", 400, "control character")]
    [InlineData("/api/search?q=caf%E9", 400, "q holds %E9, which is not UTF-8")]
    [InlineData("/api/search?q=zeppelin&filter=place%3DM%FCnchen", 400, "filter holds %FC, which is not UTF-8")]
    [InlineData("/api/articles/hostile-1/highlighted?q=Gr%C3%BC%DFe", 400, "q holds %C3%BC%DF, which is not UTF-8")]
    [InlineData("/api/search?q=%22unclosed", 400, "position 1")]
    [InlineData("/api/search?q=title%3A", 400, "")]
    [InlineData("/api/articles/..%2F..%2F..%2Fetc%2Fpasswd", 404, "no article")]
    [InlineData("/api/articles/%2Fetc%2Fpasswd/related", 404, "no article")]
    [InlineData("/api/articles/%2Fetc%2Fpasswd/copies", 404, "no article")]
    [InlineData("/api/articles/x%01y", 400, "control character")]
    [InlineData("/api/articles/hostile-1?file=..%2F..%2Fetc%2Fpasswd", 404, "no article")]
    [InlineData("/api/articles/hostile-1/related?limit=0", 400, "limit")]
    [InlineData("/api/articles/hostile-1/related?limt=3", 400, "unknown parameter 'limt' (did you mean 'limit'?); related articles takes limit, file")]
    [InlineData("/api/articles/hostile-1/highlighted?query=zeppelin", 400, "unknown parameter 'query'; a highlighted article takes q, file")]
    [InlineData("/api/articles/hostile-1?files=a.jsonl", 400, "(did you mean 'file'?)")]
    [InlineData("/api/articles/copy-a/copies?limit=5", 400, "unknown parameter 'limit'; copies takes file")]
    [InlineData("/api/search?q=vote&=5", 400, "a parameter without a name ('=value'); a search takes q,")]
    [InlineData("/api/facets/..%2F..%2Fetc", 400, "unknown facet")]
    [InlineData("/api/nothing-here", 404, "no such resource")]
    [InlineData("/assets/..%2FSearch.Cli.csproj", 404, "no asset")]
    [InlineData("/assets/index.html", 404, "no asset")]
    public async Task Bad_requests_get_a_4xx_and_one_line_of_json(string url, int status, string says)
    {
        var response = await _server.Client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        AssertOneLineError(body, says);
    }

    [Theory]
    [InlineData("100%", "100%")]
    [InlineData("100%25", "100%")]
    [InlineData("caf%C3%A9", "café")]
    [InlineData("%zz", "%zz")]
    public async Task Percent_signs_and_utf8_escapes_are_searched(string sent, string query)
    {
        var r = JsonNode.Parse(await _server.Client.GetStringAsync("/api/search?q=" + sent))!;
        Assert.Equal(query, r["query"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_megabyte_query_is_refused_without_being_searched()
    {
        var response = await _server.Client.GetAsync("/api/search?q=" + new string('a', 1_000_000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertOneLineError(await response.Content.ReadAsStringAsync(), "at most 10,000");
        var words = await _server.Client.GetAsync("/api/search?q=" + string.Join("+", Enumerable.Repeat("word", 200_000)));
        Assert.Equal(HttpStatusCode.BadRequest, words.StatusCode);
    }

    [Fact]
    public async Task A_long_pasted_question_is_answered_not_refused()
    {
        // Plain words, more distinct ones than the searcher may require, so any may match.
        string question = string.Join(" ", Enumerable.Range(0, 90).Select(i => "election results russia government police court minister protest vaccine flood".Split(' ')[i % 10] + (i < 10 ? "" : "s" + i)));
        var r = JsonNode.Parse(await _server.Client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(question)))!;
        Assert.True(r["any_words"]!.GetValue<bool>());
        Assert.True(r["total"]!.GetValue<int>() > 0);
    }

    [Theory]
    [InlineData("POST", "/api/search")]
    [InlineData("PUT", "/api/articles/hostile-1")]
    [InlineData("DELETE", "/api/articles/hostile-1")]
    public async Task The_api_is_read_only(string method, string url)
    {
        var response = await _server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}") });
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        AssertOneLineError(await response.Content.ReadAsStringAsync(), "read-only");
    }

    [Fact]
    public async Task Requests_leave_the_index_files_as_they_were()
    {
        var before = Snapshot(corpus.IndexPath);
        foreach (string url in new[] { "/api/search?q=election&facet=source", "/api/articles/hostile-1", "/api/articles/copy-a/copies",
                     "/api/articles/copy-a/related", "/api/stats", "/api/facets/place?q=russia", "/api/search?q=%22x", "/" })
            await _server.Client.GetAsync(url);
        Assert.Equal(before, Snapshot(corpus.IndexPath));
    }

    [Theory]
    [InlineData("GET", "/api/search?q=%22unclosed", 400)]
    [InlineData("GET", "/api/articles/no-such-id", 404)]
    [InlineData("GET", "/no/such/page", 404)]
    [InlineData("POST", "/api/search", 405)]
    public async Task Errors_carry_the_headers_every_answer_has(string method, string url, int status)
    {
        var response = await _server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        if (status == 405)
            Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task No_cors_headers_unless_asked_for()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/stats");
        request.Headers.Add("Origin", "https://evil.example");
        var response = await _server.Client.SendAsync(request);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static string Snapshot(string dir) => string.Join("\n", Directory.GetFiles(dir).Order(StringComparer.Ordinal)
        .Select(f => new FileInfo(f)).Select(f => $"{f.Name} {f.Length} {f.LastWriteTimeUtc.Ticks}"));

    private static void AssertOneLineError(string body, string says)
    {
        Assert.Single(body.TrimEnd('\n').Split('\n'));
        var error = JsonNode.Parse(body)!["error"]!.GetValue<string>();
        Assert.Contains(says, error);
        Assert.DoesNotContain("--", error); // the API's parameters, not the CLI's options
        Assert.DoesNotContain(" at Search.", body);
        Assert.DoesNotContain("Exception", body);
    }
}
