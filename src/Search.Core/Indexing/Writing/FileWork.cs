using Search.Core.Ingest;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// One file on its way through the pipeline: what the index held of it, which of its records
/// have been seen and written in this build, and how many of its batches are still being added
/// (plus one hold kept by the reader until it has read the whole file).
/// </summary>
public sealed class FileWork
{
    public FileWork(FileScanner.ScannedFile file, FileState state, IndexState.Entry? known, Dictionary<string, UInt128>? oldRecords)
    {
        File = file;
        State = state;
        Known = known;
        OldRecords = oldRecords;
        NotSeen = oldRecords == null ? null : new HashSet<string>(oldRecords.Keys, StringComparer.Ordinal);
    }

    public FileScanner.ScannedFile File { get; }
    public SourceFile Source => File.Source;
    public string Path => File.Source.FullPath;
    public FileState State { get; }
    public IndexState.Entry? Known { get; }

    /// <summary>Records the index held for this file when the build started (id → content hash).</summary>
    public Dictionary<string, UInt128>? OldRecords { get; }

    /// <summary>Of <see cref="OldRecords"/>, those not met again yet: what is left at the end is
    /// gone from the file and is deleted. Guarded by <see cref="Lock"/>.</summary>
    public HashSet<string>? NotSeen { get; }

    /// <summary>Ids met in this file (64-bit hash → position, high bit set once written), for
    /// ids that can repeat within a file (stated ids). Guarded by <see cref="Lock"/>.</summary>
    public Dictionary<long, long> Positions { get; } = new();

    /// <summary>The line of the record at each id's position in <see cref="Positions"/> (to name
    /// the record a later one replaces). Guarded by <see cref="Lock"/>.</summary>
    public Dictionary<long, int> Lines { get; } = new();

    public object Lock { get; } = new();

    // Counters and flags below are fields, not properties, because the pipeline's threads update
    // them with Interlocked/volatile; internal keeps them out of the public surface.
    internal int Pending = 1;
    internal int Added, Updated, Unchanged, Problems;

    /// <summary>The first problem a reader reported for the file as a whole (a page that holds no
    /// article, a PDF with no text): listed when the file is finished, which knows whether the
    /// index keeps the file's earlier articles.</summary>
    internal string? WholeFileProblem;

    /// <summary>Set when the file could not be read to the end: it is then left unfinished.</summary>
    internal string? Failure;

    /// <summary>Whether anything of this file may have reached the writer.</summary>
    internal volatile bool Touched;

    /// <summary>Bytes of the file counted by progress as they were read.</summary>
    internal long BytesCounted;
}
