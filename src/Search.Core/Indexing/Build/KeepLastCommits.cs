using Lucene.Net.Index;

namespace Search.Core.Indexing.Build;

/// <summary>
/// Keeps the newest commit point and the one the build started from, instead of Lucene's default
/// (the newest only), so that a damaged newest segments_N (a flipped byte, a torn write on a
/// failing disk) leaves the previous build's commit to go back to: `search check --fix` does that,
/// and the next build re-reads what changed since. The checkpoints a build makes on its way are
/// dropped as soon as a newer one is written: keeping them would hold on to every segment merged
/// away and every rewritten doc-value file since (up to half again the index on disk), for no
/// safety the start commit does not give. A rebuild keeps nothing of the index it replaces once
/// its first commit is written.
/// </summary>
public sealed class KeepLastCommits(bool keepStart = true) : IndexDeletionPolicy
{
    private long _start = -1;

    public override void OnInit<T>(IList<T> commits)
    {
        // Nothing is deleted before this build has committed: the newest two stay as they were.
        for (int i = 0; i < commits.Count - 2; i++)
            commits[i].Delete();
        if (keepStart && commits.Count > 0)
            _start = commits[^1].Generation;
    }

    public override void OnCommit<T>(IList<T> commits)
    {
        for (int i = 0; i < commits.Count - 1; i++)
            if (commits[i].Generation != _start)
                commits[i].Delete();
    }
}
