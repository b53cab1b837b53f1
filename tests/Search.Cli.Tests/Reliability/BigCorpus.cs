using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Indexing;
using Search.Core.Querying;
using Xunit;

namespace Search.Cli.Tests.Reliability;

/// <summary>
/// A make-corpus.py corpus of <see cref="Docs"/> text articles (generated once per machine and
/// cached under the temp folder, since generating takes a while), and one clean, uninterrupted
/// build of it by the real CLI in a child process. While that build runs, the fixture probes it the
/// way a user would (a second build, a query, an open searcher) and records what it saw for
/// <see cref="ConcurrencyTests"/>; the finished index's ids are the reference for <see cref="CrashRecoveryTests"/>.
/// </summary>
public sealed class BigCorpus : IDisposable
{
    public const int Docs = 20_000;

    private readonly TempDir _scratch = new();

    public BigCorpus()
    {
        CleanIds = new IndexIds { All = new List<string>(), Generation = -1 };
        Corpus = CleanIndex = CleanOut = "";
        if (!Search.Tests.Support.LongTests.Enabled || CorpusTool.Root == null)
            return; // its tests are skipped, saying why: build nothing
        Corpus = CorpusTool.CachedCorpus("search-reliability-corpus", Docs);
        CleanIndex = _scratch.Sub("clean");
        var clock = Stopwatch.StartNew();
        using (var build = SearchCli.Start("index", Corpus, "--index", CleanIndex, "--commit-seconds", "1", "--quiet"))
        {
            Probe(build);
            CleanExit = build.Wait(TimeSpan.FromMinutes(8));
            CleanOut = build.Out + build.Err;
        }
        CleanSeconds = clock.Elapsed.TotalSeconds;
        CleanIds = IndexIds.Read(CleanIndex);
    }

    public string Corpus { get; }
    public string CleanIndex { get; }
    public int CleanExit { get; }
    public string CleanOut { get; }
    public double CleanSeconds { get; }
    public IndexIds CleanIds { get; }

    public string Scratch(string name) => _scratch.Sub(name);

    // What the probes saw while the clean build ran.
    public bool SawCommitWhileRunning { get; private set; }
    public SearchCli.Run? SecondBuild { get; private set; }
    public bool BuildStillRunningAfterSecond { get; private set; }
    public SearchCli.Run? QueryDuringBuild { get; private set; }
    public int QueryTotalDuringBuild { get; private set; } = -1;
    public List<int> SearcherTotalsDuringBuild { get; } = new();
    public Exception? SearcherError { get; private set; }

    private void Probe(SearchCli.Child build)
    {
        // Wait for the first commit, then probe while the build is still going.
        var until = DateTime.UtcNow.AddMinutes(3);
        while (!build.Exited && !IndexIds.HasCommit(CleanIndex) && DateTime.UtcNow < until)
            Thread.Sleep(50);
        if (build.Exited)
            return;
        SawCommitWhileRunning = true;

        SecondBuild = SearchCli.RunChild(TimeSpan.FromMinutes(2), "index", Corpus, "--index", CleanIndex, "--quiet");
        BuildStillRunningAfterSecond = !build.Exited;

        var query = SearchCli.RunChild(TimeSpan.FromMinutes(2), "query", "*", "--index", CleanIndex, "--json", "--limit", "1");
        QueryDuringBuild = query;
        var total = System.Text.RegularExpressions.Regex.Match(query.Out, "\"total\"\\s*:\\s*(\\d+)");
        if (total.Success) QueryTotalDuringBuild = int.Parse(total.Groups[1].Value);

        // An open searcher (as the console holds) refreshing while the build commits.
        try
        {
            using var searcher = ArticleSearcher.Open(CleanIndex);
            for (int i = 0; i < 6 && !build.Exited; i++)
            {
                searcher.Refresh();
                SearcherTotalsDuringBuild.Add(searcher.Search(new SearchRequest { Query = "*", Limit = 1, Snippets = false }).Total);
                Thread.Sleep(700);
            }
        }
        catch (Exception e)
        {
            SearcherError = e;
        }
    }

    public void Dispose() => _scratch.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BigCorpusCollection : ICollectionFixture<BigCorpus>
{
    public const string Name = "big corpus";
}

/// <summary>The article ids in an index's last commit, read with Lucene directly.</summary>
public sealed class IndexIds
{
    public required List<string> All { get; init; }
    public required long Generation { get; init; }
    public HashSet<string> Set => All.ToHashSet(StringComparer.Ordinal);
    public int Duplicates => All.Count - Set.Count;

    /// <summary>Whether the folder holds a readable commit. A build killed while writing its very
    /// first commit point leaves a truncated segments_1 and nothing else: no commit (the next
    /// build starts afresh, and queries say the index cannot be read yet).</summary>
    public static bool HasCommit(string index)
    {
        if (!System.IO.Directory.Exists(index))
            return false;
        var commits = System.IO.Directory.GetFiles(index, "segments_*");
        if (commits.Length == 0)
            return false;
        if (commits.Length > 1)
            return true;
        try
        {
            using var dir = new NIOFSDirectory(new DirectoryInfo(index));
            using var reader = DirectoryReader.Open(dir);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static IndexIds Read(string index)
    {
        using var dir = new NIOFSDirectory(new DirectoryInfo(index));
        using var reader = DirectoryReader.Open(dir);
        var ids = new List<string>(reader.NumDocs);
        var fields = new HashSet<string> { Schema.Id };
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var live = segment.LiveDocs;
            for (int doc = 0; doc < segment.MaxDoc; doc++)
                if (live == null || live.Get(doc))
                    ids.Add(segment.Document(doc, fields).Get(Schema.Id));
        }
        return new IndexIds { All = ids, Generation = reader.IndexCommit.Generation };
    }

    /// <summary>Highest segments_N generation in the folder, finished or not; -1 if none.</summary>
    public static long NewestGeneration(string index) =>
        !System.IO.Directory.Exists(index) ? -1
            : System.IO.Directory.EnumerateFiles(index, "segments_*").Select(f => SegmentInfos.GenerationFromSegmentsFileName(Path.GetFileName(f))).DefaultIfEmpty(-1).Max();
}
