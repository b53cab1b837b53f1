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
}
