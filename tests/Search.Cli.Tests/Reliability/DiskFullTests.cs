using System.Diagnostics;
using Search.Cli.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Search.Cli.Tests.Reliability;

/// <summary>
/// A disk that fills up, on a real small file system (a tmpfs of a few hundred KB, which only root
/// can mount; CI runs as root): a first build that does not fit, a build that runs out of space on
/// an index that exists, and queries on a full disk. Each build stops with one line saying the disk
/// is full and what is kept, leaves no marker or half-written file behind, and the same command
/// finishes the build once there is space.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ITestOutputHelper _log;

    public DiskFullTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _dir.Dispose();

    [SmallDiskFact(LongRun = true)]
    public void A_full_disk_stops_the_build_with_what_is_kept_and_the_same_command_finishes_it()
    {
        string corpus = _dir.Sub("corpus");
        Directory.CreateDirectory(corpus);
        File.Copy(Path.Combine(RepoPaths.Seeds, "wikinews_2019.csv"), Path.Combine(corpus, "wikinews_2019.csv"));
        using var disk = new SmallDisk(_dir.Sub("disk"), "512k");
        string index = Path.Combine(disk.Path, "idx");

        // A first build that does not fit: nothing is left of it.
        var first = SearchCli.RunChild(TimeSpan.FromMinutes(2), "index", corpus, "--index", index, "--quiet");
        _log.WriteLine(first.Err);
        Assert.Equal(1, first.Code);
        OneLine(first.Err);
        Assert.Contains($"the disk is full: no space left to write the index at {index}", first.Err);
        Assert.Contains("no index was written", first.Err);
        Assert.Empty(Directory.EnumerateFileSystemEntries(disk.Path));

        disk.Resize("64m");
        var built = SearchCli.RunChild(TimeSpan.FromMinutes(2), "index", corpus, "--index", index, "--quiet");
        Assert.True(built.Code == 0, built.Err);
        int before = IndexContents.LiveDocuments(index).Count();
        Assert.True(before > 100, $"{before} articles from the 2019 file");

        // The disk full: queries still answer, and leave nothing behind.
        using (var filler = disk.Fill())
        {
            var query = SearchCli.RunChild(TimeSpan.FromMinutes(1), "query", "vaccine", "--index", index);
            Assert.True(query.Code == 0, query.Err);
            Assert.Contains("results for", query.Out);
            Assert.Empty(Directory.EnumerateFiles(index, "*.tmp"));

            // Results redirected to a file on the full disk: said in one line, not a crash.
            var redirected = ToFile(Path.Combine(disk.Path, "results.txt"), "query", "vaccine", "--index", index);
            Assert.Equal(1, redirected.Code);
            OneLine(redirected.Err);
            Assert.Contains("the disk is full (No space left on device): what this command was writing is incomplete", redirected.Err);

            // A build that needs room: stopped before it writes anything, and again with a little
            // room, part-way through writing its segment; each time the index is as it was.
            File.Copy(Path.Combine(RepoPaths.Seeds, "wikinews_2020.csv"), Path.Combine(corpus, "wikinews_2020.csv"));
            var files = Files(index);
            foreach (long room in new long[] { 0, 256 * 1024 })
            {
                filler.Free(room);
                var full = SearchCli.RunChild(TimeSpan.FromMinutes(2), "index", corpus, "--index", index, "--quiet");
                _log.WriteLine(full.Err);
                Assert.Equal(1, full.Code);
                OneLine(full.Err);
                Assert.Contains("the disk is full", full.Err);
                Assert.Contains("the index keeps its last commit", full.Err);
                Assert.Equal(files, Files(index)); // no marker, half-written segment or list left behind
                Assert.Equal(before, IndexContents.LiveDocuments(index).Count());
            }
        }

        // Space again: the same command completes the corpus, each article once.
        var rerun = SearchCli.RunChild(TimeSpan.FromMinutes(2), "index", corpus, "--index", index, "--quiet");
        Assert.True(rerun.Code == 0, rerun.Err);
        string clean = _dir.Sub("clean");
        Assert.Equal(0, SearchCli.RunChild(TimeSpan.FromMinutes(2), "index", corpus, "--index", clean, "--quiet").Code);
        var expected = Keys(clean);
        var got = Keys(index);
        Assert.Equal(expected.Count, got.Count);
        Assert.True(expected.SetEquals(got), "the re-run's articles differ from a clean build's");
        Assert.True(got.Count > before);
    }

    /// <summary>`search ARGS > FILE` through the shell; its exit code and stderr.</summary>
    private static (int Code, string Err) ToFile(string file, params string[] args)
    {
        var start = SearchCli.StartInfo(args);
        var shell = new ProcessStartInfo("sh") { RedirectStandardError = true, UseShellExecute = false };
        shell.ArgumentList.Add("-c");
        shell.ArgumentList.Add("exec \"$0\" \"$@\" > \"$OUT\"");
        shell.ArgumentList.Add(start.FileName);
        foreach (string a in start.ArgumentList)
            shell.ArgumentList.Add(a);
        foreach (var (key, value) in start.Environment)
            shell.Environment[key] = value;
        shell.Environment["OUT"] = file;
        using var p = Process.Start(shell)!;
        string err = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(120_000), "search did not finish in 2 minutes");
        return (p.ExitCode, err);
    }

    private static List<string> Files(string index) =>
        Directory.EnumerateFiles(index).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();

    private static HashSet<string> Keys(string index) =>
        IndexContents.LiveDocuments(index).Select(d => d.Get("file") + "\u001f" + d.Get("id")).ToHashSet(StringComparer.Ordinal);

    private static void OneLine(string err)
    {
        Assert.StartsWith("search: ", err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.DoesNotContain("unexpected error", err);
    }
}
