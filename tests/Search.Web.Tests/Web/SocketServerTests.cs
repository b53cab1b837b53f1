using System.Net;
using System.Text.Json.Nodes;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>The server on a real socket: what only Kestrel decides (request line size, address, CORS).</summary>
[Collection(WebCorpusCollection.Name)]
public sealed class SocketServerTests(WebCorpus corpus)
{
    [Fact]
    public async Task Listens_on_loopback_and_refuses_a_megabyte_query_with_its_own_error()
    {
        await using var server = await SocketServer.Start(corpus.IndexPath);
        Assert.StartsWith("http://127.0.0.1:", server.Url);
        var response = await server.Client.GetAsync("/api/search?q=" + new string('a', 1_000_000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Contains("at most 10,000", JsonNode.Parse(body)!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cors_answers_only_the_origin_asked_for()
    {
        await using var server = await SocketServer.Start(corpus.IndexPath, cors: "https://newsroom.example");
        async Task<string?> AllowedFor(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/stats");
            request.Headers.Add("Origin", origin);
            var response = await server.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var v) ? v.Single() : null;
        }
        Assert.Equal("https://newsroom.example", await AllowedFor("https://newsroom.example"));
        Assert.Null(await AllowedFor("https://evil.example"));
    }

    [Fact]
    public async Task Head_answers_as_get_does_without_the_body()
    {
        await using var server = await SocketServer.Start(corpus.IndexPath);
        foreach (string url in new[] { "/", "/assets/app.js", "/api/stats", "/api/search?q=election", "/api/articles/wikinews_2020.csv%2344" })
        {
            var get = await server.Client.GetAsync(url);
            byte[] body = await get.Content.ReadAsByteArrayAsync();
            var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {url}: {(int)head.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            if (url.StartsWith("/assets", StringComparison.Ordinal) || url == "/")
                Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        }
        var refused = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/search?q=%22unclosed"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var missing = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/articles/no-such-id"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        // The connection is still in step: no body was sent after a HEAD's headers.
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/stats")).StatusCode);
    }
}
