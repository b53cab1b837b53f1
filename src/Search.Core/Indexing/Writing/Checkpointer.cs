namespace Search.Core.Indexing.Writing;

/// <summary>
/// Commits at least every <c>--commit-seconds</c>, whatever the file sizes, from its own thread,
/// while reading and adding go on. Each commit records, in its user data, the files only part of
/// whose articles it holds (files being read, files that failed part-way, and files a previous
/// build left unfinished that this one has not finished yet); the next build reads those again,
/// and per-record hashes make that cost only the records not yet in. So a build killed at any
/// moment loses at most one interval of work, and a re-run ends with exactly the corpus.
///
/// A file's start (first article handed to the writer) and finish (vanished records deleted,
/// file state set on all its articles) take the lock shared; a commit takes it exclusively, so
/// the partial list it records is exactly right for what it commits. Adding articles needs no
/// lock: an article of a file in flight is covered by the file being listed.
/// </summary>
public sealed class Checkpointer : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly WriterSession _session;
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unfinished;
    private readonly TimeSpan _interval;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Action<Lucene.Net.Index.IndexWriter>? _beforeLastCommit;
    private Thread? _thread;
    private Exception? _failure;

    /// <param name="session">The writer.</param>
    /// <param name="interval">Commit at least this often.</param>
    /// <param name="beforeLastCommit">Runs right before the commit that ends the build (the one
    /// <see cref="Commit"/> makes), inside it: duplicate clustering, so the cluster keys land in the
    /// same commit as the articles they cluster. Not before the interval commits: readers answer
    /// from the last complete build, and an article a checkpoint holds unclustered counts as a
    /// story of its own until the build's last commit (or the next build) clusters it. Clustering
    /// at every checkpoint held every file's start and finish while it ran, and flushed the writer
    /// an extra time.</param>
    public Checkpointer(WriterSession session, TimeSpan interval, Action<Lucene.Net.Index.IndexWriter>? beforeLastCommit = null)
    {
        _session = session;
        _interval = interval;
        _beforeLastCommit = beforeLastCommit;
        _unfinished = new HashSet<string>(session.PreviousPartial, StringComparer.Ordinal);
    }

    /// <summary>Starts committing every interval.</summary>
    public void Start()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "checkpoints" };
        _thread.Start();
    }

    private void Loop()
    {
        while (!_stop.Wait(_interval))
        {
            try
            {
                if (_session.Writer.HasUncommittedChanges())
                    Commit(recheckDone: false, last: false);
            }
            catch (Exception e)
            {
                // The build sees this and rolls back to the last good commit.
                _failure = e;
                return;
            }
        }
    }

    /// <summary>A commit that failed on the checkpoint thread, if any.</summary>
    public Exception? Failure => _failure;

    /// <summary>Marks a file as in flight before anything of it reaches the writer.</summary>
    public void FileStarted(string path)
    {
        _lock.EnterReadLock();
        try
        {
            lock (_inFlight)
                _inFlight.Add(path);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Finishes a file read to the end: runs <paramref name="finish"/> (its last writes)
    /// so that no commit falls between them and the file leaving the unfinished list.</summary>
    public void FileFinished(string path, Action finish)
    {
        _lock.EnterReadLock();
        try
        {
            finish();
            lock (_inFlight)
            {
                _inFlight.Remove(path);
                _unfinished.Remove(path);
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>A file that stopped part-way stays unfinished (listed in every later commit).</summary>
    public void FileAbandoned(string path, bool touched)
    {
        lock (_inFlight)
        {
            _inFlight.Remove(path);
            if (touched)
                _unfinished.Add(path);
        }
    }

    /// <summary>Stops the interval commits (waiting for one in progress).</summary>
    public void Stop()
    {
        _stop.Set();
        _thread?.Join();
        _thread = null;
    }

    /// <summary>Commits now, the build's last commit, with the files still unfinished recorded.</summary>
    public void Commit(bool recheckDone) => Commit(recheckDone, last: true);

    private void Commit(bool recheckDone, bool last)
    {
        _lock.EnterWriteLock();
        try
        {
            if (last)
                _beforeLastCommit?.Invoke(_session.Writer);
            List<string> partial;
            lock (_inFlight)
                partial = _inFlight.Concat(_unfinished).Distinct(StringComparer.Ordinal).ToList();
            _session.Commit(partial, recheckDone);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Files still unfinished (after the build stopped).</summary>
    public IReadOnlyCollection<string> Unfinished
    {
        get
        {
            lock (_inFlight)
                return _inFlight.Concat(_unfinished).Distinct(StringComparer.Ordinal).ToList();
        }
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
        _lock.Dispose();
    }
}
