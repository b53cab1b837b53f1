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

    /// <summary>Commit at least this often, so a killed build loses at most this much work.</summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(10);

    public double RamBufferMB { get; init; } = 256;

    /// <summary>Cluster near-duplicate articles (Duplicates/): on for users; the speed benchmark
    /// turns it off to report what clustering costs.</summary>
    public bool Duplicates { get; init; } = true;

    /// <summary>Called about four times a second from a timer thread.</summary>
    public Action<BuildProgress>? OnProgress { get; init; }

    /// <summary>Test hook: runs after the scan, before any file is read (to make a file vanish
    /// between the two, as it can on a live archive).</summary>
    internal Action<Ingest.FileScanner.Result>? AfterScan { get; init; }
}

/// <summary>A snapshot of a running build.</summary>
public readonly record struct BuildProgress(int FilesDone, int FilesTotal, long BytesDone, long BytesTotal, int Articles, TimeSpan Elapsed);
