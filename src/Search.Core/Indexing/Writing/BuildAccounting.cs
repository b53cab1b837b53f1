namespace Search.Core.Indexing.Writing;

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

    private readonly List<IndexProblem> _problems = new();
    private readonly HashSet<string> _reread = new(StringComparer.Ordinal);
    private IReadOnlyList<IndexProblem> _previous = Array.Empty<IndexProblem>();

    /// <summary>A file or record this build could not index. <paramref name="path"/> is the file's
    /// absolute path (the key of the index's problem list); null for problems of the scan.</summary>
    public void Skip(string file, int? line, string reason, string? path = null)
    {
        lock (_lock)
        {
            Summary.Skipped.Add(new SkippedItem(file, line, reason));
            _problems.Add(new IndexProblem(path ?? file, file, line, reason));
        }
    }

    /// <summary>An article's stated date left unread: day and month could be either way round.</summary>
    public void AmbiguousDate(string text)
    {
        lock (_lock)
        {
            Summary.AmbiguousDates++;
            Summary.AmbiguousDateExample ??= text.Trim();
        }
    }

    /// <summary>An article's stated date left unread: no date, or one that cannot exist.</summary>
    public void UnreadDate(string text)
    {
        lock (_lock)
        {
            Summary.UnreadDates++;
            Summary.UnreadDateExample ??= text.Trim();
        }
    }

    /// <summary>The problems the index recorded before this build (carried over for files this
    /// build does not read again).</summary>
    public void Previous(IReadOnlyList<IndexProblem> problems)
    {
        lock (_lock) _previous = problems;
    }

    /// <summary>A file this build reads again: its earlier problems are replaced by what this read finds.</summary>
    public void Rereading(string path)
    {
        lock (_lock) _reread.Add(path);
    }

    /// <summary>The problems the index has now: earlier ones of files not read again (and not
    /// gone, when <paramref name="gone"/> says so), and this build's. Problems of the scan are
    /// found again by every scan, so earlier ones are never carried over.</summary>
    public List<IndexProblem> CurrentProblems(Func<string, bool>? gone = null)
    {
        lock (_lock)
        {
            var current = _previous.Where(p => Path.IsPathRooted(p.Path) && !_reread.Contains(p.Path) && !(gone?.Invoke(p.Path) ?? false)).ToList();
            current.AddRange(_problems);
            return current;
        }
    }

    public void Ignored(string file)
    {
        lock (_lock) Summary.Ignored.Add(file);
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
