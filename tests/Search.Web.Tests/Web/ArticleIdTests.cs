using System.Net;
using System.Text.Json.Nodes;
using Search.Core.Indexing;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>Ids in the path as the page sends them (<c>encodeURIComponent</c>, here
/// <see cref="Uri.EscapeDataString"/>) on a real socket, where Kestrel decodes the path before
/// routing: each id finds its own article on every article endpoint.</summary>
public sealed class ArticleIdTests : IAsyncLifetime, IDisposable
{
    private readonly TempDir _dir = new();
    private SocketServer _server = null!;

    /// <summary>A file name holding an escaped slash (as saved pages' names do), a percent sign, a
    /// slash and a hash, spaces and letters outside ASCII.</summary>
    private static readonly string[] All = ["page%2Fstory.html", "100%25 sure.txt", "50%.txt", "a/b#c", "ünï cödé ☃", "plain"];

    public static TheoryData<string> Ids => new(All);

    public async Task InitializeAsync()
    {
        string corpus = Directory.CreateDirectory(Path.Combine(_dir.Path, "corpus")).FullName;
        File.WriteAllLines(Path.Combine(corpus, "ids.jsonl"), All.Select((id, i) =>
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["id"] = id,
                ["title"] = $"Lighthouse keeper number {i} retires",
                ["body"] = $"The lighthouse keeper of island {i} retired after thirty years of watching the harbour lights.",
            })));
        // One id in two files (two exports numbering their records alike).
        foreach (string file in new[] { "first.jsonl", "second.jsonl" })
            File.WriteAllText(Path.Combine(corpus, file), System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["id"] = "shared",
                ["title"] = $"Lighthouse keeper of the {Path.GetFileNameWithoutExtension(file)} export",
                ["body"] = $"The lighthouse keeper in the {Path.GetFileNameWithoutExtension(file)} export watched the harbour lights for thirty years.",
            }) + "\n");
        string index = Path.Combine(_dir.Path, "index");
        IndexBuilder.Build(new BuildOptions { Roots = new[] { corpus }, IndexPath = index });
        _server = await SocketServer.Start(index);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Every_article_endpoint_finds_the_article_of_its_id(string id)
    {
        string path = "/api/articles/" + Uri.EscapeDataString(id);
        foreach (string url in new[] { path, path + "/highlighted?q=lighthouse", path + "/related", path + "/copies" })
        {
            var response = await _server.Client.GetAsync(url);
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
            if (!url.EndsWith("/related", StringComparison.Ordinal))
                Assert.Equal(id, JsonNode.Parse(body)!["id"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("first.jsonl")]
    [InlineData("second.jsonl")]
    public async Task Related_to_an_id_files_share_starts_from_the_article_of_the_file_asked_for(string file)
    {
        string title = $"Lighthouse keeper of the {Path.GetFileNameWithoutExtension(file)} export";
        var article = JsonNode.Parse(await _server.Client.GetStringAsync("/api/articles/shared?file=" + file))!;
        Assert.Equal(title, article["title"]!.GetValue<string>());
        var related = JsonNode.Parse(await _server.Client.GetStringAsync("/api/articles/shared/related?file=" + file))!;
        Assert.Equal(title, related["seed_title"]!.GetValue<string>());
        Assert.DoesNotContain(title, related["hits"]!.AsArray().Select(h => h!["title"]!.GetValue<string>()));
        var missing = await _server.Client.GetAsync("/api/articles/shared/related?file=third.jsonl");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
