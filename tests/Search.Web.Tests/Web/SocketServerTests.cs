using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>The server on a real socket: what only Kestrel decides (request line size, address, CORS,
/// the requests it refuses before any middleware runs).</summary>
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

    /// <summary>Requests Kestrel refuses itself, before the application sees them: they were a bare
    /// status with no body and none of the security headers.</summary>
    [Theory]
    [InlineData(400, "GET /api/articles/a\0b HTTP/1.1\r\nHost: localhost\r\n\r\n")]
    [InlineData(400, "GET /api/stats HTTP/1.1\r\nHost: a b\r\n\r\n")]
    [InlineData(400, "GET /api/stats HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n")]
    [InlineData(400, "GET /api/stats HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n\r\n")]
    [InlineData(400, "GET /api/search?q=a b HTTP/1.1\r\nHost: localhost\r\n\r\n")]
    [InlineData(431, "GET /api/stats HTTP/1.1\r\nHost: localhost\r\nX-Big: {big}\r\n\r\n")]
    public async Task Requests_kestrel_refuses_itself_get_the_json_error_and_the_security_headers(int status, string request)
    {
        await using var server = await SocketServer.Start(corpus.IndexPath);
        string answer = await Raw(server, request.Replace("{big}", new string('a', 40_000)));
        var (head, body) = Response(answer);
        Assert.StartsWith($"HTTP/1.1 {status} ", head[0]);
        Assert.Contains("Content-Type: application/json; charset=utf-8", head);
        Assert.Contains("X-Content-Type-Options: nosniff", head);
        Assert.Contains(head, h => h.StartsWith("Content-Security-Policy: default-src 'none'", StringComparison.Ordinal));
        Assert.Contains($"Content-Length: {Encoding.UTF8.GetByteCount(body)}", head);
        Assert.EndsWith("\n", body);
        Assert.False(string.IsNullOrWhiteSpace(JsonNode.Parse(body)!["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_refused_request_after_a_good_one_leaves_the_good_answer_whole()
    {
        await using var server = await SocketServer.Start(corpus.IndexPath);
        string answer = await Raw(server, "GET /api/stats HTTP/1.1\r\nHost: localhost\r\n\r\nGET /a\0 HTTP/1.1\r\nHost: localhost\r\n\r\n");
        var (head, rest) = Response(answer);
        Assert.Equal("HTTP/1.1 200 OK", head[0]);
        int length = int.Parse(head.Single(h => h.StartsWith("Content-Length: ", StringComparison.Ordinal))["Content-Length: ".Length..]);
        Assert.Equal(299, JsonNode.Parse(rest[..length])!["documents"]!.GetValue<int>());
        var (refusedHead, refusedBody) = Response(rest[length..]);
        Assert.StartsWith("HTTP/1.1 400 ", refusedHead[0]);
        Assert.StartsWith("bad request", JsonNode.Parse(refusedBody)!["error"]!.GetValue<string>());
    }

    /// <summary>Sends <paramref name="request"/> as it is and reads until the server closes the connection.</summary>
    private static async Task<string> Raw(SocketServer server, string request)
    {
        var url = new Uri(server.Url);
        using var client = new TcpClient();
        await client.ConnectAsync(url.Host, url.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var read = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await stream.CopyToAsync(read, timeout.Token);
        return Encoding.UTF8.GetString(read.ToArray());
    }

    /// <summary>A response's head as lines, and all that follows it.</summary>
    private static (string[] Head, string After) Response(string text)
    {
        int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, "no response head: " + text);
        return (text[..end].Split("\r\n"), text[(end + 4)..]);
    }
}
