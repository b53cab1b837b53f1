using System.Net;
using System.Text.Json.Nodes;
using Search.Core.Indexing;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>One archive indexed under two roots (an archive and its mirror): every article id is
/// then shared by two files of one name, and each article is a copy of the other. The API must name
/// the files so that one can be picked, refuse to guess which one is meant where `search` refuses,
/// and list the mirror's article as a copy.</summary>
public sealed class SharedIdTests : IAsyncLifetime, IDisposable
{
    private static readonly string Id = Path.GetFileName(RepoPaths.SeedArticle);

    private readonly TempDir _dir = new();
    private InMemoryServer _server = null!;

    private string Archive => Path.Combine(_dir.Path, "archive");
    private string Mirror => Path.Combine(_dir.Path, "mirror");

    public async Task InitializeAsync()
    {
        foreach (string root in new[] { Archive, Mirror })
        {
            Directory.CreateDirectory(root);
            File.Copy(RepoPaths.SeedArticle, Path.Combine(root, Id));
        }
        // Something else in the archive, for related articles to find.
        File.Copy(Path.Combine(RepoPaths.Seeds, "wikinews_2020.csv"), Path.Combine(Archive, "wikinews_2020.csv"));
        string index = Path.Combine(_dir.Path, "index");
        IndexBuilder.Build(new BuildOptions { Roots = new[] { Archive, Mirror }, IndexPath = index });
        _server = await InMemoryServer.Start(index);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    private static string Url(string suffix = "", string? file = null) =>
        "/api/articles/" + Uri.EscapeDataString(Id) + suffix + (file == null ? "" : "?file=" + Uri.EscapeDataString(file));

    [Fact]
    public async Task The_409_names_files_of_one_name_by_their_paths_and_each_name_picks_its_article()
    {
        var response = await _server.Client.GetAsync(Url());
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var files = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["files"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        Assert.Equal([Path.Combine(Archive, Id), Path.Combine(Mirror, Id)], files.Order(StringComparer.Ordinal));
        foreach (string file in files)
        {
            var article = JsonNode.Parse(await _server.Client.GetStringAsync(Url(file: file)))!;
            Assert.Equal(file, article["path"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Related_to_a_shared_id_without_a_file_is_a_409_as_search_related_refuses_it()
    {
        var response = await _server.Client.GetAsync(Url("/related"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(2, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["files"]!.AsArray().Count);
        var related = JsonNode.Parse(await _server.Client.GetStringAsync(Url("/related", Path.Combine(Mirror, Id))))!;
        Assert.Equal(Id, related["seed"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_mirror_s_article_is_listed_as_a_copy_of_the_archive_s()
    {
        foreach (string? file in new[] { null, Path.Combine(Archive, Id), Path.Combine(Mirror, Id) })
        {
            var copies = JsonNode.Parse(await _server.Client.GetStringAsync(Url("/copies", file)))!;
            Assert.NotNull(copies["cluster"]!.GetValue<string>());
            Assert.Equal([Id], copies["copies"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        }
    }
}
