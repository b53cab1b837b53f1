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

    [Fact]
    public async Task Each_answer_comes_from_one_commit_while_a_build_commits_beside_it()
    {
        using var dir = new TempDir();
        string corpus = Directory.CreateDirectory(Path.Combine(dir.Path, "corpus")).FullName;
        string index = Path.Combine(dir.Path, "index");
        WriteBatch(corpus, 0);
        IndexBuilder.Build(new BuildOptions { Roots = new[] { corpus }, IndexPath = index });
        await using var server = await InMemoryServer.Start(index, refresh: TimeSpan.FromMilliseconds(50));
        using var stop = new CancellationTokenSource();
        int last = 0, answers = 0;
        var builder = Task.Run(() =>
        {
            for (int batch = 1; batch <= 6 && !stop.IsCancellationRequested; batch++)
            {
                WriteBatch(corpus, batch);
                IndexBuilder.Build(new BuildOptions { Roots = new[] { corpus }, IndexPath = index });
                // The next build starts once the server has answered from this one (or 10 s passed),
                // so the answers below see builds commit one after another however loaded the machine.
                var wait = Stopwatch.StartNew();
                while (Volatile.Read(ref last) < 20 * (batch + 1) && wait.Elapsed < TimeSpan.FromSeconds(10))
                    Thread.Sleep(20);
            }
        });
        var seen = new HashSet<int>();
        while (!builder.IsCompleted || answers < 5)
        {
            var r = JsonNode.Parse(await server.Client.GetStringAsync("/api/search?q=*&facet=source&collapse=false&limit=0&facet_limit=100"))!;
            int total = r["total"]!.GetValue<int>();
            int counted = r["facets"]!["source"]!.AsArray().Sum(v => v!["count"]!.GetValue<int>());
            // Hits and facet counts from the same commit: every article has one source.
            Assert.Equal(total, counted);
            Assert.True(total >= last, $"answers went back in time: {last} then {total}");
            Assert.Equal(0, total % 20);
            Volatile.Write(ref last, total);
            seen.Add(total);
            answers++;
        }
        await builder;
        Assert.True(seen.Count >= 2, "no commit was seen while the build ran");
    }

    /// <summary>20 articles, each from one of three outlets.</summary>
    private static void WriteBatch(string corpus, int batch) =>
        File.WriteAllLines(Path.Combine(corpus, $"batch-{batch}.jsonl"), Enumerable.Range(0, 20).Select(i =>
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["id"] = $"b{batch}-{i}", ["title"] = $"Report {batch}.{i}", ["body"] = $"Shipping report number {i} of batch {batch} about harbour traffic.",
                ["source"] = new[] { "wire.example", "daily.example", "weekly.example" }[i % 3],
            })));

    private static async Task<int> Total(InMemoryServer server, string q) =>
        JsonNode.Parse(await server.Client.GetStringAsync("/api/search?q=" + q))!["total"]!.GetValue<int>();
}
