namespace Search.Core.Indexing.Writing;

/// <summary>
/// A build that runs out of disk space: recognised whatever part of the write path ran into it
/// (a flush, a commit, the build's own small files), and told as what it is and what to do,
/// instead of the runtime's "IOException: No space left on device". The build has rolled back by
/// then, so the index keeps its last commit.
/// </summary>
public static class DiskFull
{
    // errno on Linux (ENOSPC 28, EDQUOT 122) and macOS (ENOSPC 28, EDQUOT 69), which .NET gives
    // as the IOException's HResult; ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.
    private static readonly int[] Codes = [28, 122, 69, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    /// <summary>Whether <paramref name="e"/> or an exception inside it is the disk (or the user's
    /// quota) running full.</summary>
    public static bool Is(Exception? e) => Find(e) != null;

    /// <summary>The exception in <paramref name="e"/> (itself, an inner one, or one of an
    /// aggregate's) that is the full disk; null when there is none.</summary>
    private static IOException? Find(Exception? e)
    {
        for (; e != null; e = e.InnerException)
        {
            if (e is IOException io && Array.IndexOf(Codes, io.HResult) >= 0)
                return io;
            if (e is AggregateException all && all.InnerExceptions.Select(Find).FirstOrDefault(x => x != null) is { } inner)
                return inner;
        }
        return null;
    }

    /// <summary>The one-line error for a build of <paramref name="indexPath"/> stopped by a full
    /// disk; <paramref name="hadIndex"/>: whether the folder held a commit to fall back on.</summary>
    public static SearchException Error(string indexPath, Exception e, bool hadIndex)
    {
        string kept = hadIndex
            ? "the index keeps its last commit; free some space and run the command again, which goes on from there"
            : "no index was written; free some space and run the command again";
        return new SearchException($"the disk is full: no space left to write the index at {indexPath} ({SystemMessage(e)}); {kept}", 1, e);
    }

    /// <summary>The system's words (and the file it was writing, when it says) from the exception
    /// that is the full disk.</summary>
    public static string SystemMessage(Exception e) => IndexStore.FirstLine((Find(e) ?? e).Message);
}
