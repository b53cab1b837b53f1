namespace Search.Core.Indexing;

/// <summary>Removes a file of the index's own bookkeeping (a build marker, a temporary or an
/// unreferenced list) when it can: a file that cannot be removed is left for the next cleanup and
/// never fails what was being done.</summary>
internal static class FileDeletion
{
    public static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
