namespace Search.Core.Indexing.Writing;

/// <summary>
/// Keeps, besides the newest commit point: the one the build started from, so that a damaged
/// newest segments_N (a flipped byte, a torn write on a failing disk) leaves the previous build's
/// commit to go back to (`search check --fix` does that, and the next build re-reads what changed
/// since); and the newest complete build, which readers answer from while a build runs
/// (<see cref="CompleteCommits"/>). The checkpoints a build makes on its way are dropped as soon
/// as a newer one is written: keeping them would hold on to every segment merged away and every
/// rewritten doc-value file since, for no safety the start commit does not give. A rebuild keeps
/// the index it replaces only until its own build is complete.
/// </summary>
public sealed class KeepLastCommits(bool keepStart = true) : IndexDeletionPolicy
{
    private long _start = -1;

    public override void OnInit<T>(IList<T> commits)
    {
        // Nothing is deleted before this build has committed: the newest two stay as they were,
        // and so does the newest complete one.
        int complete = NewestComplete(commits);
        for (int i = 0; i < commits.Count - 2; i++)
            if (i != complete)
                commits[i].Delete();
        if (keepStart && commits.Count > 0)
            _start = commits[^1].Generation;
    }

    public override void OnCommit<T>(IList<T> commits)
    {
        int complete = NewestComplete(commits);
        for (int i = 0; i < commits.Count - 1; i++)
            if (commits[i].Generation != _start && i != complete)
                commits[i].Delete();
    }

    private static int NewestComplete<T>(IList<T> commits) where T : IndexCommit
    {
        for (int i = commits.Count - 1; i >= 0; i--)
            if (CompleteCommits.IsComplete(commits[i].UserData))
                return i;
        return -1;
    }
}
