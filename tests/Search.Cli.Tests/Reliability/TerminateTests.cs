using System.Diagnostics;
using System.Globalization;
using Search.Cli.Tests.Support;
using Search.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Search.Cli.Tests.Reliability;

/// <summary>
/// SIGTERM (`kill`, `timeout`, `systemctl stop`, `docker stop`) stops a build as Ctrl-C does: what
/// was added is committed, the summary says the build was interrupted, the exit status is 130, and
/// the next run ends with exactly the corpus. The build died on the spot before (exit 143, not a
/// word, the work since the last checkpoint lost).
/// </summary>
public sealed class TerminateTests : IDisposable
{
    private const int Records = 20_000;
    private readonly TempDir _dir = new();
    private readonly ITestOutputHelper _log;

    public TerminateTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _dir.Dispose();

    [LongFact] // a build of its own in a child process, signalled mid-way: 7 s
    public void SIGTERM_stops_a_build_as_ctrl_c_does()
    {
        if (!OperatingSystem.IsLinux())
            return; // kill(1)
        _dir.File("feed/news.jsonl", string.Concat(Enumerable.Range(1, Records).Select(i =>
            $"{{\"id\":\"n{i}\",\"title\":\"Harbour report {i}\",\"body\":\"Ships and cargo at berth {i % 97}; the tide at {i % 13} metres.\"}}\n")));
        string corpus = _dir.Sub("feed"), index = _dir.Sub("index");

        using (var child = SearchCli.Start("index", corpus, "--index", index, "--threads", "1", "--commit-seconds", "1"))
        {
            var clock = Stopwatch.StartNew();
            // The build has started once it marks the index as being built; it then reads for seconds.
            while (!child.Exited && !File.Exists(Path.Combine(index, ".search-build.pid")) && clock.Elapsed < TimeSpan.FromMinutes(1))
                Thread.Sleep(20);
            Thread.Sleep(300);
            Assert.False(child.Exited, "the build finished before it could be stopped");
            using (var kill = Process.Start("kill", ["-TERM", child.Process.Id.ToString(CultureInfo.InvariantCulture)]))
                kill.WaitForExit();
            int code = child.Wait(TimeSpan.FromMinutes(1));
            _log.WriteLine(child.Out + child.Err);
            Assert.Equal(130, code);
            Assert.Contains("stopping: committing what is indexed so far (kill again to quit at once)", child.Err);
            Assert.Contains("Interrupted", child.Out);
            Assert.Contains("Run `search index` again to finish", child.Out);
        }

        var rerun = SearchCli.InProcess("index", "--index", index, "--json");
        Assert.True(rerun.Code == 0, rerun.Err);
        using var json = System.Text.Json.JsonDocument.Parse(rerun.Out);
        var summary = json.RootElement;
        _log.WriteLine($"re-run: {summary.GetProperty("articles_added")} added, {summary.GetProperty("articles_unchanged")} unchanged");
        Assert.Equal(Records, summary.GetProperty("documents_in_index").GetInt32());
        Assert.Equal(Records, summary.GetProperty("articles_added").GetInt32() + summary.GetProperty("articles_unchanged").GetInt32());
    }
}
