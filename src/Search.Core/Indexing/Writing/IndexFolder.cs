namespace Search.Core.Indexing.Writing;

/// <summary>Checks the folder a build writes into: created if missing, and refused when it holds
/// something other than an index (a typo in --index must not litter someone's documents).</summary>
public static class IndexFolder
{
    public static string Prepare(string indexPath)
    {
        if (File.Exists(indexPath))
            throw new SearchException($"{indexPath} is a file, not an index folder");
        try
        {
            Directory.CreateDirectory(indexPath);
        }
        catch (UnauthorizedAccessException e)
        {
            throw IndexStore.NotWritable(indexPath, e);
        }
        var entries = Directory.EnumerateFileSystemEntries(indexPath).Select(Path.GetFileName).Where(n => n != null && !n.StartsWith('.')).ToList();
        bool looksLikeIndex = entries.Count == 0 || entries.Any(n => n!.StartsWith("segments", StringComparison.Ordinal) || n == "write.lock");
        if (!looksLikeIndex)
            throw new SearchException($"{indexPath} is not a search index and is not empty; choose an empty or new folder for --index");
        return indexPath;
    }
}
