using System.Diagnostics;
using Search.Core.Indexing;
using Xunit;
using Xunit.Abstractions;

namespace Search.Cli.Tests.Reliability;

/// <summary>
/// Crash safety inside one big file: a single JSON Lines file of 50,000 articles, built by the real
/// CLI in a child process that is killed with SIGKILL at several points (before any commit, right
/// as a commit appears, part-way through later stretches), and stopped once with SIGINT (Ctrl-C).
/// After each stop the index holds a subset of the corpus with no article twice and every text
/// exactly as a clean build has it; the last re-run ends with exactly the clean build's articles.
/// </summary>
public sealed class JsonlCrashTests : IDisposable
{
    private const int Docs = 50_000;
    private readonly TempDir _scratch = new();
    private readonly ITestOutputHelper _log;

    public JsonlCrashTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _scratch.Dispose();

    [NeedsCorpusToolFact]
    public void A_big_jsonl_killed_at_any_moment_resumes_to_exactly_the_corpus_and_ctrl_c_exits_130()
    {
        string corpus = CorpusTool.CachedCorpus("search-reliability-jsonl", Docs, "news.jsonl", "--format", "jsonl");
        var total = Stopwatch.StartNew();
        string cleanIndex = _scratch.Sub("clean");
        var clean = SearchCli.RunChild(TimeSpan.FromMinutes(10), "index", corpus, "--index", cleanIndex, "--quiet");
        Assert.True(clean.Code == 0, clean.Err);
        var reference = Articles(cleanIndex);
        Assert.Equal(Docs, reference.Articles.Count);
        _log.WriteLine($"clean build: {reference.Articles.Count:N0} articles in {total.Elapsed.TotalSeconds:F1} s");

        string index = _scratch.Sub("crashed");
        long lastGeneration = -1;
        var kills = new (string Name, Func<Stopwatch, bool> Now)[]
        {
            ("0.5 s after start (before any commit)", t => t.Elapsed > TimeSpan.FromSeconds(0.5)),
            ("as soon as a new commit file appears (during the commit)", _ => IndexIds.NewestGeneration(index) > lastGeneration),
            ("3 s after start", t => t.Elapsed > TimeSpan.FromSeconds(3)),
            ("as soon as the next commit file appears", _ => IndexIds.NewestGeneration(index) > lastGeneration),
            ("6 s after start", t => t.Elapsed > TimeSpan.FromSeconds(6)),
        };
        int committed = 0;
        foreach (var (name, now) in kills)
        {
            lastGeneration = IndexIds.NewestGeneration(index);
            using var child = SearchCli.Start("index", corpus, "--index", index, "--commit-seconds", "1", "--quiet");
            var clock = Stopwatch.StartNew();
            while (!child.Exited && !now(clock))
                Thread.Sleep(2);
            child.Kill();
            if (!IndexIds.HasCommit(index))
            {
                _log.WriteLine($"killed {name} after {clock.Elapsed.TotalSeconds:F1} s: no commit yet");
                continue;
            }
            int held = CheckSubset(index, reference, $"after kill {name}");
            Assert.True(held >= committed, $"after kill {name}: {held} articles, fewer than the {committed} committed before");
            committed = held;
            _log.WriteLine($"killed {name} after {clock.Elapsed.TotalSeconds:F1} s: {held:N0} articles committed");
        }
        Assert.True(committed is > 0 and < Docs, $"the kills should fall inside the file: {committed} committed");

        // Ctrl-C: exits within a second, keeps what was committed, says what is unfinished, exits 130.
        using (var child = SearchCli.Start("index", corpus, "--index", index, "--commit-seconds", "1"))
        {
            // Wait for a commit that holds articles this run added: a commit comes every second,
            // and the first ones of a re-run may add nothing (it is still passing over the records
            // it has), so "a new commit" alone does not mean more articles.
            var clock = Stopwatch.StartNew();
            while (!child.Exited && CommittedArticles(index) <= committed && clock.Elapsed < TimeSpan.FromMinutes(2))
                Thread.Sleep(20);
            Thread.Sleep(500);
            Assert.False(child.Exited, "the build finished before it could be interrupted");
            using (var kill = Process.Start("kill", new[] { "-INT", child.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
                kill.WaitForExit();
            var stopping = Stopwatch.StartNew();
            int code = child.Wait(TimeSpan.FromMinutes(1));
            _log.WriteLine($"Ctrl-C: exited {code} {stopping.Elapsed.TotalSeconds:F1} s after SIGINT");
            Assert.Equal(130, code);
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(1), $"took {stopping.Elapsed.TotalSeconds:F2} s to stop (Ctrl-C promises under a second)");
            Assert.Contains("Interrupted", child.Out);
            Assert.Contains("Unfinished: news.jsonl", child.Out);
            int held = CheckSubset(index, reference, "after Ctrl-C");
            Assert.True(held > committed, $"after Ctrl-C {held} articles, no more than the {committed} before it");
        }

        var rerun = SearchCli.RunChild(TimeSpan.FromMinutes(10), "index", "--index", index, "--quiet", "--json");
        Assert.True(rerun.Code == 0, rerun.Err);
        var final = Articles(index);
        Assert.Equal(0, final.Duplicates);
        Assert.Equal(reference.Articles.Count, final.Articles.Count);
        foreach (var (key, text) in reference.Articles)
            Assert.True(final.Articles.TryGetValue(key, out var got) && got == text, $"article {key} missing or different after the re-run");
        Assert.Contains("\"unfinished\":[]", rerun.Out.Replace(" ", ""));
        _log.WriteLine($"re-run completed the corpus exactly; test took {total.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Live articles of the newest commit, from its segments file alone; -1 while it
    /// cannot be read (being written).</summary>
    private static int CommittedArticles(string index)
    {
        try
        {
            using var dir = new Lucene.Net.Store.NIOFSDirectory(new DirectoryInfo(index));
            var infos = new Lucene.Net.Index.SegmentInfos();
            infos.Read(dir);
            return infos.Sum(info => info.Info.DocCount - info.DelCount);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private static int CheckSubset(string index, (Dictionary<string, string> Articles, int Duplicates) reference, string when)
    {
        var now = Articles(index);
        Assert.True(now.Duplicates == 0, $"{when}: {now.Duplicates} articles twice");
        foreach (var (key, text) in now.Articles)
            Assert.True(reference.Articles.TryGetValue(key, out var expected) && expected == text, $"{when}: article {key} is not as a clean build has it");
        return now.Articles.Count;
    }

    /// <summary>Every live article of the last commit: file + id → title, body and metadata.</summary>
    private static (Dictionary<string, string> Articles, int Duplicates) Articles(string index)
    {
        var articles = new Dictionary<string, string>(StringComparer.Ordinal);
        int duplicates = 0;
        foreach (var d in IndexContents.LiveDocuments(index))
        {
            string text = string.Join("\u001e", d.Get(Schema.Title), d.Get(Schema.Body), d.Get(Schema.Published), d.Get(Schema.Source), d.Get(Schema.Author));
            if (!articles.TryAdd(d.Get(Schema.File) + "\u001f" + d.Get(Schema.Id), text))
                duplicates++;
        }
        return (articles, duplicates);
    }
}
