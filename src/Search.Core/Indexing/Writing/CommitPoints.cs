using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// Tells an unfinished commit from a damaged one by looking at the commit files themselves.
/// Lucene 4.8 writes segments_N in place and, once it is complete and synced, records N in
/// segments.gen. So a newest segments_N that cannot be read while segments.gen still names an
/// older generation was being written when its build was killed: nothing in it was ever
/// committed, and Lucene reads the previous commit. One that segments.gen names was complete:
/// if it cannot be read now, the index is damaged, and nothing may be thrown away unasked.
/// </summary>
public static class CommitPoints
{
    public enum Newest
    {
        /// <summary>No commit point at all.</summary>
        None,
        /// <summary>The newest commit point reads.</summary>
        Readable,
        /// <summary>The newest commit point was never finished (a build was killed while writing it).</summary>
        Unfinished,
        /// <summary>The newest commit point was finished and cannot be read now.</summary>
        Damaged,
    }

    public static (Newest State, long Generation, Exception? Error) Inspect(LuceneDirectory dir)
    {
        // A running build's next commit can supersede the newest one while it is read, and the
        // deletion policy then removes it at once: a race lost, not damage. Look again at the new one.
        for (int attempt = 0; ; attempt++)
        {
            if (InspectOnce(dir, lastTry: attempt >= 10) is { } result)
                return result;
        }
    }

    /// <summary>Whether the index holds a commit a build or reader opens: its newest commit point
    /// reads, or one was being written over an earlier one. False for a first build stopped before
    /// its first commit, which leaves segment files and no commit point.</summary>
    public static bool HasCommit(LuceneDirectory dir)
    {
        var (state, generation, _) = Inspect(dir);
        return state == Newest.Readable || (state == Newest.Unfinished && generation > 1);
    }

    /// <summary>The newest commit's state; null when a newer commit appeared while it was read
    /// (unless <paramref name="lastTry"/>: then it is judged as it is).</summary>
    private static (Newest State, long Generation, Exception? Error)? InspectOnce(LuceneDirectory dir, bool lastTry)
    {
        long newest = NewestGeneration(dir);
        if (newest < 0)
            return (Newest.None, -1, null);
        string file = IndexFileNames.FileNameFromGeneration(IndexFileNames.SEGMENTS, "", newest);
        if (TryRead(dir, file) is not { } error)
            return (Newest.Readable, newest, null);
        if (!lastTry && NewestGeneration(dir) > newest)
            return null;
        return Classify(dir, file, newest, error);
    }

    private static (Newest State, long Generation, Exception? Error) Classify(LuceneDirectory dir, string file, long newest, Exception error)
    {
        if (RecordedGeneration(dir) < newest)
            return (Newest.Unfinished, newest, error);
        // segments.gen names it, so it was complete when segments.gen was read; but a build may
        // have finished writing it between the failed read and that look (a reader at the wrong
        // moment of a running build): it is damaged only if it still cannot be read.
        return TryRead(dir, file) is { } again ? (Newest.Damaged, newest, again) : (Newest.Readable, newest, null);
    }

    /// <summary>The generation of the newest segments_N file, or -1 when there is none (Lucene's
    /// own listing, which the searchers' refresh reads too).</summary>
    private static long NewestGeneration(LuceneDirectory dir) => SegmentInfos.GetLastCommitGeneration(dir);

    private static Exception? TryRead(LuceneDirectory dir, string file)
    {
        try
        {
            new SegmentInfos().Read(dir, file);
            return null;
        }
        catch (Exception e) when (IndexStore.IsDamage(e) || e is EndOfStreamException)
        {
            return e;
        }
    }

    /// <summary>The generation segments.gen names, or -1 when it is missing or unreadable.</summary>
    private static long RecordedGeneration(LuceneDirectory dir)
    {
        try
        {
            using var input = dir.OpenInput(IndexFileNames.SEGMENTS_GEN, IOContext.READ_ONCE);
            int format = input.ReadInt32();
            if (format > -2) // FORMAT_SEGMENTS_GEN_47 (-2) and later
                return -1;
            long gen0 = input.ReadInt64(), gen1 = input.ReadInt64();
            return gen0 == gen1 ? gen0 : -1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }
}
