using Search.Core.Indexing;

namespace Search.Core.Indexing.Build;

/// <summary>
/// The build's counts, kept consistent across threads: the summary the user reads (what was
/// added, updated, unchanged, removed, skipped) and the live progress figures.
/// </summary>
public sealed class BuildAccounting
{
    private readonly object _lock = new();
    private int _filesDone, _articles;
    private long _bytesDone, _bytesRead;

    public BuildSummary Summary { get; } = new();

    public int FilesDone => Volatile.Read(ref _filesDone);
    public int Articles => Volatile.Read(ref _articles);
    public long BytesDone => Interlocked.Read(ref _bytesDone);
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    public void Skip(string file, int? line, string reason)
    {
        lock (_lock) Summary.Skipped.Add(new SkippedItem(file, line, reason));
    }

    public void Ignored(string file)
    {
        lock (_lock)
        {
            Summary.FilesIgnored++;
            Summary.Ignored.Add(file);
        }
    }

    public void Unchanged(int articles)
    {
        lock (_lock)
        {
            Summary.FilesUnchanged++;
            Summary.ArticlesUnchanged += articles;
        }
    }

    /// <summary>A file read to the end: its records' fates.</summary>
    public void FileRead(int added, int updated, int unchanged, int removed, bool anyArticle)
    {
        lock (_lock)
        {
            if (anyArticle)
                Summary.FilesIndexed++;
            Summary.ArticlesAdded += added;
            Summary.ArticlesUpdated += updated;
            Summary.ArticlesUnchanged += unchanged;
            Summary.ArticlesRemoved += removed;
        }
    }

    /// <summary>A file that stopped part-way: what reached the index still counts.</summary>
    public void FileUnfinished(string file, int added, int updated, int unchanged)
    {
        lock (_lock)
        {
            Summary.Unfinished.Add(file);
            Summary.ArticlesAdded += added;
            Summary.ArticlesUpdated += updated;
            Summary.ArticlesUnchanged += unchanged;
        }
    }

    public void Removed(int articles)
    {
        lock (_lock) Summary.ArticlesRemoved += articles;
    }

    public void ArticleWritten() => Interlocked.Increment(ref _articles);

    /// <summary>Bytes read from disk (progress rate and the summary).</summary>
    public void Read(long bytes)
    {
        Interlocked.Add(ref _bytesRead, bytes);
        Interlocked.Add(ref _bytesDone, bytes);
    }

    /// <summary>A file is dealt with; <paramref name="uncounted"/> of its bytes were not read
    /// (skipped unread) or not counted as they were read.</summary>
    public void FileDone(long uncounted)
    {
        Interlocked.Add(ref _bytesDone, uncounted);
        Interlocked.Increment(ref _filesDone);
    }
}
