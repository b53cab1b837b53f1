namespace Search.Benchmarks.Speed;

/// <summary>Engines compared.</summary>
public static class Engines
{
    public const string Ours = "ours";
    public const string OursOneThread = "ours (1 thread)";
    public const string OursNoDuplicates = "ours (no duplicate clustering)";
    public const string OursNoSnippets = "ours (no snippets)";
    public const string Lucene = "Lucene.Net plain";
    /// <summary>The peer: plain Lucene.Net on every core, EnglishAnalyzer, title and body stored.</summary>
    public const string LuceneParallel = "Lucene.Net plain, all cores";
    public const string Fts5 = "SQLite FTS5";
}

/// <summary>What an indexing child reports on stdout (as JSON).</summary>
/// <param name="CpuSeconds">CPU time of the whole child process (user + system, start-up included):
/// on a machine shared with other work, the CPU an engine spends is steadier than its wall time.</param>
public sealed record IndexChildResult(int Articles, double Seconds, long PeakBytes, long IndexBytes, string Note, double CpuSeconds = double.NaN);

/// <summary>One indexing run, with the corpus it ran on.</summary>
public sealed record IndexRun(string Engine, Corpus Corpus, CorpusStats Stats, int Threads, IndexChildResult Result)
{
    public double ArticlesPerSecond => Result.Articles / Result.Seconds;
    public double MBPerSecond => Stats.TextBytes / 1048576.0 / Result.Seconds;
    public double SizeRatio => (double)Result.IndexBytes / Stats.TextBytes;
}

/// <summary>Latencies of one query type on one engine; NotApplicable says why an engine cannot express it.</summary>
public sealed record QueryTiming(string Type, string Engine, string Query, long Hits, int Samples, double P50, double P95, double P99, string? NotApplicable = null)
{
    public static QueryTiming Na(string type, string engine, string why) => new(type, engine, "", -1, 0, double.NaN, double.NaN, double.NaN, why);
}

public sealed record StartupTiming(string What, string Command, int Runs, double MedianMs, double MinMs, double MaxMs);

/// <summary>Time per stage of our indexing path, one thread, measured stage by stage.</summary>
public sealed record StageTiming(string Stage, double Seconds, string Note);

public sealed record ProfileResult(string Corpus, int Articles, long TextBytes, List<StageTiming> Stages);
