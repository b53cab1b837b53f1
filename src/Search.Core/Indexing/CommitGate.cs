namespace Search.Core.Indexing;

/// <summary>
/// Keeps commits whole-file: every file being indexed holds the gate open from the delete of its
/// old articles to the add of its last new one, and a commit waits until no file holds it (new
/// files wait for the commit). Unlike a reader-writer lock it is not tied to a thread: a file is
/// read on one thread and its articles are added on others.
/// </summary>
public sealed class CommitGate
{
    private readonly object _lock = new();
    private int _open;
    private bool _commitWaiting;

    /// <summary>A file starts: waits while a commit is pending.</summary>
    public void Enter()
    {
        lock (_lock)
        {
            while (_commitWaiting)
                Monitor.Wait(_lock);
            _open++;
        }
    }

    /// <summary>A file is completely in the writer.</summary>
    public void Exit()
    {
        lock (_lock)
        {
            _open--;
            if (_open == 0)
                Monitor.PulseAll(_lock);
        }
    }

    /// <summary>Runs <paramref name="commit"/> when no file is half-way through.</summary>
    public void Commit(Action commit)
    {
        lock (_lock)
        {
            while (_commitWaiting)
                Monitor.Wait(_lock);
            _commitWaiting = true;
            while (_open > 0)
                Monitor.Wait(_lock);
        }
        try
        {
            commit();
        }
        finally
        {
            lock (_lock)
            {
                _commitWaiting = false;
                Monitor.PulseAll(_lock);
            }
        }
    }
}
