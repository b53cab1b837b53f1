using Lucene.Net.Index;

namespace Search.Core.Indexing.Build;

/// <summary>
/// Keeps the last two commit points instead of Lucene's default one, so that a damaged newest
/// segments_N (a flipped byte, a torn write on a failing disk) leaves the previous commit to go
/// back to: `search check --fix` does that, and the next build re-reads what changed since. The
/// price is disk: files merged away stay until the next commit.
/// </summary>
public sealed class KeepLastCommits : IndexDeletionPolicy
{
    private const int Keep = 2;

    public override void OnInit<T>(IList<T> commits) => OnCommit(commits);

    public override void OnCommit<T>(IList<T> commits)
    {
        // Readers answer from the newest complete commit while a build runs (CompleteCommits): keep it.
        int complete = -1;
        for (int i = commits.Count - 1; i >= 0 && complete < 0; i--)
            if (CompleteCommits.IsComplete(commits[i].UserData))
                complete = i;
        for (int i = 0; i < commits.Count - Keep; i++)
            if (i != complete)
                commits[i].Delete();
    }
}
