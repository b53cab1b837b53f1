namespace Search.Core.Indexing.Writing;

/// <summary>
/// Commits after every <c>--commit-mb</c> of article text written (and at the latest
/// <c>--commit-seconds</c> after the last commit), whatever the file sizes, from its own thread,
/// while reading and adding go on. Each commit records, in its user data, the files only part of
/// whose articles it holds (files being read, files that failed part-way, and files a previous
/// build left unfinished that this one has not finished yet); the next build reads those again,
/// and per-record hashes make that cost only the records not yet in. So a build killed at any
/// moment loses at most one interval of work (one and a half near its end, below), and a re-run
/// ends with exactly the corpus.
///
/// Near the end: when an interval's text is reached with less than half an interval of the
/// scanned files left to read, the checkpoint is skipped, as the build's own last commit is
/// moments away (a build whose text is just over a multiple of the interval made a checkpoint,
/// a flush and a commit, just before it). If text keeps coming (the files held more than their
/// size said), the checkpoint comes at one and a half intervals.
///
/// The interval is counted in work, not wall time, so a build makes as many checkpoints (each a
/// flush of the in-memory segments and more merging) on a loaded machine as on a quiet one, and
/// the writer's buffer never holds more than one interval's text: peak memory follows the
/// interval, not the corpus. (Checkpoints every 10 s of wall time made a 20k build on a machine
/// at load 27 flush nine times and allocate 6.2 GB, against 3.4 GB at load 10.)
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
    private readonly long _textPerCommit;
    private readonly ManualResetEvent _stop = new(false);
    private readonly AutoResetEvent _due = new(false);
    private long _textSinceCommit;
    private readonly Action<Lucene.Net.Index.IndexWriter>? _beforeLastCommit;
    private readonly Action? _afterCheckpoint;
    private readonly Func<long>? _bytesLeft;
    private long _lastCommitTicks = Environment.TickCount64;
    private Thread? _thread;
    private Exception? _failure;

    /// <param name="session">The writer.</param>
    /// <param name="interval">Commit at least this often (wall time since the last commit).</param>
    /// <param name="textPerCommit">Commit once this many characters of article text were written
    /// since the last commit; 0: by time alone.</param>
    /// <param name="beforeLastCommit">Runs right before the commit that ends the build (the one
    /// <see cref="Commit"/> makes), inside it: duplicate clustering, so the cluster keys land in the
    /// same commit as the articles they cluster. Not before the interval commits: readers answer
    /// from the last complete build, and an article a checkpoint holds unclustered counts as a
    /// story of its own until the build's last commit (or the next build) clusters it. Clustering
    /// at every checkpoint held every file's start and finish while it ran, and flushed the writer
    /// an extra time.</param>
    /// <param name="afterCheckpoint">Runs after each checkpoint commit (a test's count of them).</param>
    /// <param name="bytesLeft">Bytes of the scanned files not read yet: below half an interval, the
    /// checkpoint an interval of text calls for is skipped (the build's last commit is near).</param>
    public Checkpointer(WriterSession session, TimeSpan interval, long textPerCommit, Action<Lucene.Net.Index.IndexWriter>? beforeLastCommit = null,
        Action? afterCheckpoint = null, Func<long>? bytesLeft = null)
    {
        _session = session;
        _unfinished = new HashSet<string>(session.PreviousPartial, StringComparer.Ordinal);
        _interval = interval;
        _textPerCommit = textPerCommit;
        _bytesLeft = bytesLeft;
        _beforeLastCommit = beforeLastCommit;
        _afterCheckpoint = afterCheckpoint;
    }

    /// <summary>Starts committing every interval of work or time.</summary>
    public void Start()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "checkpoints" };
        _thread.Start();
    }

    private void Loop()
    {
        var wake = new WaitHandle[] { _stop, _due };
        bool byTime = _interval.TotalMilliseconds < int.MaxValue;
        int woken;
        while ((woken = WaitHandle.WaitAny(wake, byTime ? TimeLeft() : Timeout.InfiniteTimeSpan)) != 0)
        {
            try
            {
                if (woken == 1 && NearTheEnd())
                    continue;
                if (_session.Writer.HasUncommittedChanges())
                {
                    long flushed = Commit(recheckDone: false, last: false);
                    _afterCheckpoint?.Invoke();
                    // A buffer worth handing back (not the few articles of a short time interval).
                    if (_textPerCommit > 0 && flushed >= _textPerCommit / 4)
                        ReleasedBuffers.Reclaim();
                }
            }
            catch (Exception e)
            {
                // The build sees this and rolls back to the last good commit.
                _failure = e;
                return;
            }
        }
    }

    /// <summary>The time bound's wait: what is left of the interval since the last commit.</summary>
    private TimeSpan TimeLeft()
    {
        long left = (long)_interval.TotalMilliseconds - (Environment.TickCount64 - Interlocked.Read(ref _lastCommitTicks));
        return TimeSpan.FromMilliseconds(Math.Max(0, left));
    }

    /// <summary>An interval of text is in, but less than half an interval of the scanned files is
    /// left to read and less than one and a half intervals were written since the last commit: the
    /// build's last commit will come sooner than another checkpoint would pay for itself.</summary>
    private bool NearTheEnd() =>
        _bytesLeft != null && _bytesLeft() < _textPerCommit / 2 && Interlocked.Read(ref _textSinceCommit) < _textPerCommit * 3 / 2;

    /// <summary>Counts an article written to the writer (its title and body, in characters);
    /// wakes the checkpoint thread when an interval's worth has been written since the last commit,
    /// and again at every half interval after that (a checkpoint skipped near the end).</summary>
    public void Written(int textLength)
    {
        if (_textPerCommit <= 0)
            return;
        long after = Interlocked.Add(ref _textSinceCommit, textLength);
        long half = Math.Max(1, _textPerCommit / 2);
        if (after >= _textPerCommit && after / half != (after - textLength) / half)
            _due.Set(); // the write that crosses the mark
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

    /// <summary>Commits; returns the characters of text written since the previous commit.</summary>
    private long Commit(bool recheckDone, bool last)
    {
        long written;
        _lock.EnterWriteLock();
        try
        {
            // What is written from here on goes to new in-memory segments, the next interval's.
            written = Interlocked.Exchange(ref _textSinceCommit, 0);
            if (last)
                _beforeLastCommit?.Invoke(_session.Writer);
            List<string> partial;
            lock (_inFlight)
                partial = _inFlight.Concat(_unfinished).Distinct(StringComparer.Ordinal).ToList();
            _session.Commit(partial, recheckDone);
            Interlocked.Exchange(ref _lastCommitTicks, Environment.TickCount64);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
        return written;
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
        _due.Dispose();
        _lock.Dispose();
    }
}
