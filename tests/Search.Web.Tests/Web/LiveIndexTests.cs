using System.Diagnostics;
using System.Text.Json.Nodes;
using Search.Core.Indexing;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>A build beside the server shows up without a restart.</summary>
public sealed class LiveIndexTests
{
    [Fact]
    public async Task A_commit_of_a_build_beside_the_server_is_answered_within_seconds()
    {
        using var dir = new TempDir();
        string corpus = Directory.CreateDirectory(Path.Combine(dir.Path, "corpus")).FullName;
        string index = Path.Combine(dir.Path, "index");
        File.WriteAllText(Path.Combine(corpus, "first.txt"), "Harbour news\n\nThe harbour reopened after the storm.");
        IndexBuilder.Build(new BuildOptions { Roots = new[] { corpus }, IndexPath = index });
        await using var server = await InMemoryServer.Start(index, refresh: TimeSpan.FromMilliseconds(200));
        Assert.Equal(0, await Total(server, "quokka"));

        File.WriteAllText(Path.Combine(corpus, "second.txt"), "Island news\n\nA quokka was seen near the ferry.");
        IndexBuilder.Build(new BuildOptions { Roots = new[] { corpus }, IndexPath = index });
        var clock = Stopwatch.StartNew();
        while (await Total(server, "quokka") == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the new commit was not picked up in 10 s");
            await Task.Delay(100);
        }
        Assert.Equal(1, await Total(server, "harbour"));
        var stats = JsonNode.Parse(await server.Client.GetStringAsync("/api/stats"))!;
        Assert.Equal(2, stats["documents"]!.GetValue<int>());
    }

    private static async Task<int> Total(InMemoryServer server, string q) =>
        JsonNode.Parse(await server.Client.GetStringAsync("/api/search?q=" + q))!["total"]!.GetValue<int>();
}
