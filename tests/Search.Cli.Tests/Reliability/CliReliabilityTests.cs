using System.Diagnostics;
using System.Text;
using Search.Cli.Tests.Support;
using Search.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Search.Cli.Tests.Reliability;

/// <summary>
/// What the user sees from the CLI when the index or the input is bad: one "search: " line and
/// the documented exit code, never a stack trace; plus the cases that need a real child process
/// (memory bounds, permissions).
/// </summary>
public sealed class CliReliabilityTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ITestOutputHelper _log;

    public CliReliabilityTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _dir.Dispose();

    private static void OneLine(string err)
    {
        Assert.StartsWith("search: ", err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", err);
        Assert.DoesNotContain("unexpected error", err);
    }

    private string SmallIndex()
    {
        _dir.File("corpus/a.txt", "An article\n\nAbout zebras and the news.\n");
        string index = _dir.Sub("index");
        var (code, _, err) = SearchCli.InProcess("index", _dir.Sub("corpus"), "--index", index, "--quiet");
        Assert.True(code == 0, err);
        return index;
    }

    /// <summary>A first build writes its marker (<see cref="Core.Indexing.Writing.BuildMarker"/>) and
    /// then reads for as long as a commit interval before there is any index to open: a query then
    /// said "no index at …: build one with `search index`" (or, once the build had written segment
    /// files, "not a search index"), and the console the same.</summary>
    [Fact]
    public void A_folder_whose_first_build_is_running_says_so()
    {
        string index = _dir.Sub("building");
        Directory.CreateDirectory(index);
        using (Core.Indexing.Writing.BuildMarker.Running(index))
        {
            _dir.File("building/write.lock", ""); // as the build's writer holds it
            foreach (var args in new[] { new[] { "query", "x" }, new[] { "stats" }, new[] { "console" } })
            {
                var run = SearchCli.InProcess(args.Append("--index").Append(index).ToArray());
                Assert.Equal(1, run.Code);
                OneLine(run.Err);
                Assert.Contains($"index at {index} has nothing to search yet: its first build is running", run.Err);
            }
        }
        File.Delete(Path.Combine(index, "write.lock"));
        // Once the build is gone, the folder is empty again and says how to build an index.
        Assert.Contains("(the folder is empty)", SearchCli.InProcess("query", "x", "--index", index).Err);
    }

    [Fact]
    public void Bad_index_folders_give_exit_1_and_one_line()
    {
        var missing = SearchCli.InProcess("query", "x", "--index", _dir.Sub("missing"));
        Assert.Equal(1, missing.Code);
        OneLine(missing.Err);
        Directory.CreateDirectory(_dir.Sub("empty"));
        var empty = SearchCli.InProcess("query", "x", "--index", _dir.Sub("empty"));
        Assert.Equal(1, empty.Code);
        OneLine(empty.Err);
        _dir.File("notes/todo.txt", "buy milk");
        var foreign = SearchCli.InProcess("query", "x", "--index", _dir.Sub("notes"));
        Assert.Equal(1, foreign.Code);
        Assert.Contains("not a search index", foreign.Err);
        OneLine(foreign.Err);
        var file = SearchCli.InProcess("stats", "--index", _dir.Sub("notes/todo.txt"));
        Assert.Equal(1, file.Code);
        OneLine(file.Err);

        string index = SmallIndex();
        string segments = Directory.GetFiles(index, "segments_*").Single();
        using (var s = File.OpenWrite(segments)) s.SetLength(s.Length / 2);
        foreach (var command in new[] { new[] { "query", "zebras" }, new[] { "stats" }, new[] { "show", "a.txt" } })
        {
            var damaged = SearchCli.InProcess(command.Concat(new[] { "--index", index }).ToArray());
            Assert.Equal(1, damaged.Code);
            Assert.Contains("search check", damaged.Err);
            OneLine(damaged.Err);
        }
        // And --rebuild recovers it.
        var rebuilt = SearchCli.InProcess("index", _dir.Sub("corpus"), "--index", index, "--rebuild", "--quiet");
        Assert.True(rebuilt.Code == 0, rebuilt.Err);
        Assert.Equal(0, SearchCli.InProcess("query", "zebras", "--index", index).Code);
    }

    /// <summary>An index folder that cannot be made because a part of its path is a file (a typo,
    /// `--index notes.txt/index`) said "unexpected error: DirectoryNotFoundException".</summary>
    [Fact]
    public void An_index_path_through_a_file_is_one_line_naming_the_file()
    {
        _dir.File("corpus/a.txt", "An article\n\nAbout zebras and the news.\n");
        string notes = _dir.File("notes.txt", "buy milk");
        string index = Path.Combine(notes, "index");
        var run = SearchCli.InProcess("index", _dir.Sub("corpus"), "--index", index, "--quiet");
        Assert.Equal(1, run.Code);
        OneLine(run.Err);
        Assert.Equal($"search: cannot create index folder {index}: {notes} is a file, not a folder", run.Err.Trim());
        Assert.Equal("buy milk", File.ReadAllText(notes));
    }

    [Fact]
    public void An_index_of_another_schema_version_tells_the_user_to_rebuild()
    {
        string index = SmallIndex();
        using (var dir = new Lucene.Net.Store.NIOFSDirectory(new DirectoryInfo(index)))
        using (var writer = new Lucene.Net.Index.IndexWriter(dir, new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer())))
        {
            writer.SetCommitData(new Dictionary<string, string> { ["schema.version"] = "0" });
            writer.Commit();
        }
        var (code, _, err) = SearchCli.InProcess("query", "zebras", "--index", index);
        Assert.Equal(1, code);
        Assert.Contains("schema v0", err);
        Assert.Contains("search index --rebuild", err);
        OneLine(err);
        var build = SearchCli.InProcess("index", _dir.Sub("corpus"), "--index", index, "--quiet");
        Assert.Equal(1, build.Code);
        Assert.Contains("--rebuild", build.Err);
    }

    /// <summary>
    /// Streaming, measured: the real CLI indexes a 200 MB JSON Lines file in a child process whose
    /// garbage-collected heap is capped at 96 MB (DOTNET_GCHeapHardLimit). Loading the file whole
    /// would need over 400 MB (UTF-16), so the build can only pass by streaming it.
    /// </summary>
    [LongFact] // a scale run: writing and reading 200 MB is most of a default run's budget
    public void A_200_MB_JSON_Lines_file_is_indexed_within_a_96_MB_heap()
    {
        string corpus = _dir.Sub("stream");
        Directory.CreateDirectory(corpus);
        string file = Path.Combine(corpus, "big.jsonl");
        string padding = new('p', 1 << 20);
        using (var w = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20))
            for (int i = 0; i < 200; i++)
                w.Write($"{{\"id\":\"s{i}\",\"title\":\"Streamed article {i}\",\"body\":\"streamword number {i}\",\"padding\":\"{padding}\"}}\n");
        Assert.True(new FileInfo(file).Length > 200_000_000);

        var psi = SearchCli.StartInfo("index", corpus, "--index", _dir.Sub("stream-index"), "--json", "--threads", "1");
        psi.Environment["DOTNET_GCHeapHardLimit"] = "0x6000000"; // 96 MB
        var clock = Stopwatch.StartNew();
        long peakRss = 0;
        using (var child = new SearchCli.Child(psi))
        {
            while (!child.Process.WaitForExit(100))
                peakRss = Math.Max(peakRss, Rss(child.Process.Id));
            child.Process.WaitForExit();
            Assert.True(child.Process.ExitCode == 0, $"exit {child.Process.ExitCode}: {child.Err}");
            Assert.Matches("\"documents_in_index\":\\s*200\\b", child.Out);
        }
        _log.WriteLine($"200 MB JSONL indexed in {clock.Elapsed.TotalSeconds:F1} s with a 96 MB heap cap; peak RSS seen {peakRss >> 20} MB");
        Assert.Equal(0, SearchCli.InProcess("query", "streamword", "--index", _dir.Sub("stream-index")).Code);
    }

    private static long Rss(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException) { }
        return 0;
    }

    /// <summary>
    /// A file and a folder without read permission are reported and the build goes on. Root reads
    /// everything, so as root (CI) the build runs in a child process as the unprivileged user
    /// nobody (setpriv); reported as skipped, with the reason, where neither works.
    /// </summary>
    [PermissionsFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Unreadable_files_and_folders_are_reported_and_the_build_finishes()
    {
        string corpus = _dir.Sub("perm");
        _dir.File("perm/ok.txt", "Readable article\n\nokpermword body.\n");
        string secret = _dir.File("perm/secret.txt", "Secret article\n\nsecretword body.\n");
        string closedDir = _dir.Sub("perm/closed");
        _dir.File("perm/closed/inside.txt", "Inside a closed folder\n\nclosedword.\n");
        File.SetUnixFileMode(secret, UnixFileMode.None);
        File.SetUnixFileMode(closedDir, UnixFileMode.None);
        string index = _dir.Sub("perm-index");
        try
        {
            string output = IndexAsUnprivileged(corpus, index).GetRawText();
            Assert.Contains("permission denied", output);
            Assert.Contains("secret.txt", output);
            Assert.Contains("closed/", output);
            File.SetUnixFileMode(_dir.Path, (UnixFileMode)Convert.ToInt32("700", 8));
            var q = SearchCli.InProcess("query", "okpermword", "--index", index, "--json");
            Assert.Equal(0, q.Code);
            Assert.Contains("ok.txt", q.Out);
        }
        finally
        {
            File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(closedDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>
    /// A folder that cannot be read (its permissions changed, a network share refusing) is not a
    /// folder whose files were deleted: its articles stay in the index, and come back into view
    /// unchanged when it can be read again. (They were removed as vanished files.) As root, both
    /// builds run as nobody, as above (<see cref="IndexAsUnprivileged"/>).
    /// </summary>
    [PermissionsFact(LongRun = true)]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_folder_that_cannot_be_read_keeps_its_articles()
    {
        string corpus = _dir.Sub("kept");
        _dir.File("kept/ok.txt", "Readable article\n\nokpermword body.\n");
        string closedDir = _dir.Sub("kept/closed");
        _dir.File("kept/closed/inside.txt", "Inside a folder closed later\n\nclosedword.\n");
        _dir.File("kept/closed/deeper/more.txt", "Deeper inside\n\nclosedword again.\n");
        string index = _dir.Sub("kept-index");
        var first = IndexAsUnprivileged(corpus, index);
        Assert.Equal(3, first.GetProperty("articles_added").GetInt32());
        File.SetUnixFileMode(closedDir, UnixFileMode.None);
        try
        {
            var second = IndexAsUnprivileged(corpus, index);
            Assert.Equal(0, second.GetProperty("articles_removed").GetInt32());
            Assert.Equal(3, second.GetProperty("documents_in_index").GetInt32());
            Assert.Contains(second.GetProperty("skipped").EnumerateArray(),
                s => s.GetProperty("file").GetString() == "closed/" && s.GetProperty("reason").GetString() == "permission denied");
        }
        finally
        {
            File.SetUnixFileMode(closedDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        var third = IndexAsUnprivileged(corpus, index);
        Assert.Equal((0, 3), (third.GetProperty("articles_added").GetInt32(), third.GetProperty("articles_unchanged").GetInt32()));
    }

    /// <summary>`search index CORPUS --index INDEX --json`, as nobody when running as root (who
    /// reads every folder); its summary.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private System.Text.Json.JsonElement IndexAsUnprivileged(string corpus, string index)
    {
        string output;
        if (PermissionsFactAttribute.IsRoot)
        {
            var open = (UnixFileMode)Convert.ToInt32("777", 8);
            File.SetUnixFileMode(_dir.Path, open);
            foreach (string folder in Directory.GetDirectories(corpus, "*", SearchOption.AllDirectories).Prepend(corpus))
                if (File.GetUnixFileMode(folder) != UnixFileMode.None)
                    File.SetUnixFileMode(folder, open);
            if (Directory.Exists(index))
                foreach (string entry in Directory.GetFileSystemEntries(index).Prepend(index))
                    File.SetUnixFileMode(entry, open); // the index nobody wrote is nobody's to update
            var psi = new ProcessStartInfo("/usr/bin/setpriv") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
            foreach (string a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", SearchCli.Dll, "index", corpus, "--index", index, "--json" })
                psi.ArgumentList.Add(a);
            psi.Environment["HOME"] = Path.GetTempPath();
            psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            using var child = new SearchCli.Child(psi);
            Assert.True(child.Wait(TimeSpan.FromMinutes(2)) == 0, $"exit {child.Process.ExitCode}: {child.Err}");
            output = child.Out;
        }
        else
        {
            var run = SearchCli.InProcess("index", corpus, "--index", index, "--json");
            Assert.True(run.Code == 0, run.Err);
            output = run.Out;
        }
        _log.WriteLine(output);
        return System.Text.Json.JsonDocument.Parse(output).RootElement.Clone();
    }
}

/// <summary>A fact about file permissions: it needs Linux, and as root (who reads everything) setpriv
/// to run the CLI as an unprivileged user; elsewhere it is reported as skipped, saying why.</summary>
public sealed class PermissionsFactAttribute : ConditionalFactAttribute
{
    public PermissionsFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
            Skip = "file permissions are tested on Linux only";
        else if (IsRoot && !File.Exists("/usr/bin/setpriv"))
            Skip = "running as root without /usr/bin/setpriv: root reads unreadable files, and cannot drop to an unprivileged user here";
    }

    public static bool IsRoot => OperatingSystem.IsLinux()
        && (Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" || geteuid() == 0);

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();
}
