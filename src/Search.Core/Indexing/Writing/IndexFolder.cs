namespace Search.Core.Indexing.Writing;

/// <summary>Checks the folder a build writes into: created if missing, and refused when it holds
/// something other than an index (a typo in --index must not litter someone's documents).</summary>
public static class IndexFolder
{
    private const int ReadOnlyFileSystem = 30; // EROFS, Linux and macOS

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
        catch (IOException e) when (e.HResult == ReadOnlyFileSystem)
        {
            // A new index on a disk mounted read-only (an existing one is refused by the build lock).
            throw new SearchException($"cannot create index folder {indexPath}: it is on a read-only file system; use --index to build one on a writable disk", 1, e);
        }
        catch (IOException e) when (e is DirectoryNotFoundException or FileNotFoundException)
        {
            // A part of the path is a file (`--index notes.txt/index`), or a place that takes no
            // new folders (/proc).
            string? file = Ancestors(indexPath).FirstOrDefault(File.Exists);
            throw new SearchException(file != null
                ? $"cannot create index folder {indexPath}: {file} is a file, not a folder"
                : $"cannot create index folder {indexPath}: {IndexStore.FirstLine(e.Message)}", 1, e);
        }
        var entries = Directory.EnumerateFileSystemEntries(indexPath).Select(Path.GetFileName).Where(n => n != null && !n.StartsWith('.')).ToList();
        bool looksLikeIndex = entries.Count == 0 || entries.Any(n => n!.StartsWith("segments", StringComparison.Ordinal) || n == "write.lock");
        if (!looksLikeIndex)
            throw new SearchException($"{indexPath} is not a search index and is not empty; choose an empty or new folder for --index");
        return indexPath;
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (string? p = Path.GetDirectoryName(path); !string.IsNullOrEmpty(p); p = Path.GetDirectoryName(p))
            yield return p;
    }
}
