using Search.Core.Indexing.Writing;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Indexing;

/// <summary>
/// Readers see the last complete build. A build commits every few seconds so that a kill loses
/// little, but those commits hold a build half-way (a `--rebuild` 20 s in holds a third of the
/// articles). Each commit says whether it ends a build that read everything it scanned
/// (<see cref="WriterSession.CompleteKey"/>); readers open the newest complete one, and the
/// deletion policy (<see cref="KeepLastCommits"/>) keeps it on disk until a newer one is complete.
/// So while a build runs, and after one is killed or interrupted, queries answer from the last
/// complete build, and the new build replaces it in one step, its final commit. An index whose
/// first build has not completed yet has no complete commit: readers then see its newest commit
/// and say so.
/// </summary>
public static class CompleteCommits
{
    /// <summary>Whether a commit ends a complete build (commits without the key, from earlier
    /// versions, count as complete).</summary>
    public static bool IsComplete(IDictionary<string, string> userData) =>
        !userData.TryGetValue(WriterSession.CompleteKey, out string? value) || value != "0";

    /// <summary>The commit readers should open: the newest complete one, else the newest; and
    /// whether a newer, incomplete commit exists (a build is running or was stopped).</summary>
    public static (IndexCommit Commit, bool BuildPending) Choose(LuceneDirectory dir)
    {
        IList<IndexCommit> commits;
        // A commit being written right now cannot be listed yet: a moment later it can.
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                commits = DirectoryReader.ListCommits(dir);
                break;
            }
            catch (Exception e) when (attempt < 20 && (IndexStore.IsDamage(e) || e is EndOfStreamException))
            {
                Thread.Sleep(25);
            }
        }
        var newest = commits[^1];
        var complete = commits.LastOrDefault(c => IsComplete(c.UserData));
        return (complete ?? newest, !IsComplete(newest.UserData));
    }

    /// <summary>Opens a reader on the commit readers should see.</summary>
    public static DirectoryReader Open(LuceneDirectory dir) => DirectoryReader.Open(Choose(dir).Commit);

    /// <summary>
    /// Runs <paramref name="open"/> on the commit readers should see, choosing again when that
    /// commit was superseded while it was being read. A build's final commit makes the previous
    /// complete one obsolete and the deletion policy removes its files at once, so a reader that
    /// chose it a moment earlier finds files missing: that is a race lost, not damage, and the
    /// newer commit is the answer. Failures on a commit that is still the one to read are real.
    /// </summary>
    public static T OpenChosen<T>(LuceneDirectory dir, Func<IndexCommit, T> open)
    {
        for (int attempt = 0; ; attempt++)
        {
            var commit = Choose(dir).Commit;
            try
            {
                return open(commit);
            }
            catch (Exception) when (attempt < 10 && Superseded(dir, commit))
            {
                Thread.Sleep(10);
            }
        }
    }

    private static bool Superseded(LuceneDirectory dir, IndexCommit commit)
    {
        try
        {
            return Choose(dir).Commit.Generation != commit.Generation;
        }
        catch (Exception e) when (IndexStore.IsDamage(e) || e is EndOfStreamException)
        {
            return false;
        }
    }
}

/// <summary>
/// A <see cref="SearcherManager"/> that refreshes to the newest complete commit
/// (<see cref="CompleteCommits"/>) rather than the newest one.
/// </summary>
public sealed class CompleteBuildSearcherManager : ReferenceManager<IndexSearcher>
{
    private readonly LuceneDirectory _dir;
    private readonly SearcherFactory _factory;

    /// <summary>Opens the newest complete commit after verifying its files' checksums
    /// (<see cref="IndexIntegrity"/>): a damaged index is refused here, at open, not per query.</summary>
    public CompleteBuildSearcherManager(LuceneDirectory dir, SearcherFactory factory, string indexPath)
    {
        _dir = dir;
        _factory = factory;
        _indexPath = indexPath;
        Current = CompleteCommits.OpenChosen(dir, commit =>
        {
            IndexIntegrity.Verify(dir, commit, indexPath);
            return SearcherManager.GetSearcher(factory, DirectoryReader.Open(commit));
        });
    }

    private readonly string _indexPath;

    protected override void DecRef(IndexSearcher reference) => reference.IndexReader.DecRef();

    protected override IndexSearcher RefreshIfNeeded(IndexSearcher referenceToRefresh)
    {
        var reader = (DirectoryReader)referenceToRefresh.IndexReader;
        return CompleteCommits.OpenChosen(_dir, commit =>
        {
            // Another index in the folder (deleted and built again) may name its segments as the
            // open one did: opened afresh, never through the open reader, which would reuse its
            // segments by name.
            bool sameIndex = IndexStore.SameIndex(commit.UserData, reader.IndexCommit.UserData);
            if (sameIndex && commit.Generation == reader.IndexCommit.Generation)
                return null!; // nothing newer (ReferenceManager's contract: null)
            IndexIntegrity.Verify(_dir, commit, _indexPath);
            var newer = sameIndex ? DirectoryReader.OpenIfChanged(reader, commit) : DirectoryReader.Open(commit);
            return newer == null ? null! : SearcherManager.GetSearcher(_factory, newer);
        });
    }

    protected override bool TryIncRef(IndexSearcher reference) => reference.IndexReader.TryIncRef();

    protected override int GetRefCount(IndexSearcher reference) => reference.IndexReader.RefCount;
}
