namespace Search.Core.Indexing;

/// <summary>What to index, where, and how.</summary>
public sealed class BuildOptions
{
    public required IReadOnlyList<string> Roots { get; init; }
    public required string IndexPath { get; init; }

    /// <summary>Start afresh: drop everything in the index first.</summary>
    public bool Rebuild { get; init; }

    /// <summary>Parsing and indexing threads; 0 means one per core.</summary>
    public int Threads { get; init; }

    /// <summary>Null keeps the settings the index was built with (or the defaults for a new one).</summary>
    public AnalysisSettings? Analysis { get; init; }

    /// <summary>Commit after this many MB of article text (titles and bodies, a character counted
    /// as a byte) written since the last commit, whatever the file sizes, so a killed build loses
    /// at most this much work; 0: by <see cref="CommitInterval"/> alone. Counted in work rather
    /// than time so that a loaded machine makes no more checkpoints than a quiet one, and the
    /// writer's buffer holds at most about this much text between two commits.</summary>
    public double CommitTextMB { get; init; } = 32;

    /// <summary>Commit at the latest this long after the last commit (a source read slowly, a
    /// machine so loaded that an interval of text takes longer): the bound in time of what a kill
    /// loses.</summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(120);

    public double RamBufferMB { get; init; } = 256;

    /// <summary>How to read all-number dates like 03/04/2021 (`search index --date-order`).</summary>
    public Ingest.DateOrder DateOrder { get; init; }

    /// <summary>How to read CSV files (`--csv-delimiter`, `--csv-quote`, `--csv-columns`); null: sniff, header required.</summary>
    public Ingest.CsvSettings? Csv { get; init; }

    /// <summary>Cluster near-duplicate articles (Duplicates/): on for users; the speed benchmark
    /// turns it off to report what clustering costs.</summary>
    public bool Duplicates { get; init; } = true;

    /// <summary>The clustering pass's bounds (tests set small ones to take a large index's paths).</summary>
    internal Writing.ClusteringLimits Clustering { get; init; } = Writing.ClusteringLimits.Default;

    /// <summary>Filled by the build: what a caller may ask while it runs (the Ctrl-C handler
    /// that cannot wait for the final commit says which files are unfinished).</summary>
    public BuildLive? Live { get; init; }

    /// <summary>Called about four times a second from a timer thread.</summary>
    public Action<BuildProgress>? OnProgress { get; init; }

    /// <summary>Test hook: runs after the scan, before any file is read (to make a file vanish
    /// between the two, as it can on a live archive).</summary>
    internal Action<Ingest.FileScanner.Result>? AfterScan { get; init; }

    /// <summary>Test hook: runs after the clustering pass, right before the build's last commit,
    /// with what it did (cluster keys written among it).</summary>
    public Action<Writing.DuplicateClusterer.Report>? AfterClustering { get; init; }

    /// <summary>Test hook: runs after each checkpoint commit (not the build's last commit, nor the
    /// commit of merges Lucene may make as the writer closes), on the checkpoint thread.</summary>
    internal Action? AfterCheckpoint { get; init; }

    /// <summary>Files up to this size are read whole (and hashed from the same bytes) before the
    /// index is touched, so a read error costs nothing; larger ones are streamed. Tests lower it
    /// to stream small files.</summary>
    internal long ReadWholeLimit { get; init; } = 16 << 20;

    /// <summary>Test hook: wraps each reader's items (to make a reader fail part-way).</summary>
    internal Func<Ingest.SourceFile, IEnumerable<Ingest.ReadItem>, IEnumerable<Ingest.ReadItem>>? WrapItems { get; init; }
}

/// <summary>What a running build can tell its caller from another thread.</summary>
public sealed class BuildLive
{
    internal Func<IReadOnlyList<string>>? UnfinishedSource { get; set; }

    /// <summary>Files only part of which the index would hold if the build stopped now (relative
    /// to their root where they are under one).</summary>
    public IReadOnlyList<string> Unfinished => UnfinishedSource?.Invoke() ?? Array.Empty<string>();
}

/// <summary>A snapshot of a running build. <paramref name="BytesDone"/> counts the bytes of files
/// dealt with (read, or skipped as unchanged) and inside the files being read, for the bar and the
/// ETA; <paramref name="BytesRead"/> only what was actually read, for the rate.</summary>
public readonly record struct BuildProgress(int FilesDone, int FilesTotal, long BytesDone, long BytesTotal, long BytesRead, int Articles, TimeSpan Elapsed);
