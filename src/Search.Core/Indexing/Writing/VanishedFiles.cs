using Search.Core.Ingest;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// Removes the articles of files that were indexed from the roots this build scanned but are gone
/// from disk now. Left alone: files of other roots indexed into the same index; roots that are
/// missing altogether, and roots that are empty folders (an unmounted disk is not a deletion, and
/// its mount point is usually left behind as an empty folder); and files under a folder the scan
/// could not look into (no read permission, an I/O error: unknown is not gone).
/// </summary>
public static class VanishedFiles
{
    public static void Remove(FileScanner.Result scan, IEnumerable<string> roots, ChangeDetector changes,
        Checkpointer checkpoints, IndexWriter writer, BuildAccounting accounting)
    {
        var gone = Rule(scan, roots, out var emptyRoots);
        foreach (var (path, entry) in changes.Known)
        {
            if (!gone(path))
                continue;
            checkpoints.FileFinished(path, () => writer.DeleteDocuments(new Term(Schema.Path, path)));
            accounting.Removed(entry.Articles);
        }
        foreach (string root in emptyRoots)
        {
            int kept = changes.Known.Where(k => Under(k.Key, root)).Sum(k => k.Value.Articles);
            if (kept > 0)
                accounting.Skip(root, null, $"the folder is empty: its {kept:N0} article{(kept == 1 ? " is" : "s are")} kept (a disk not mounted?); "
                    + "`search index --rebuild` with the folders to keep drops them");
        }
    }

    /// <summary>Whether an indexed file (by absolute path) is gone: under a root this build
    /// scanned, present and not empty, not found by the scan, and not under a folder the scan could
    /// not look into. Also decides which problems of earlier builds go with their files.</summary>
    public static Func<string, bool> Rule(FileScanner.Result scan, IEnumerable<string> roots) => Rule(scan, roots, out _);

    private static Func<string, bool> Rule(FileScanner.Result scan, IEnumerable<string> roots, out List<string> emptyRoots)
    {
        var seen = new HashSet<string>(scan.Files.Select(f => f.Source.FullPath), StringComparer.Ordinal);
        var present = roots.Select(FileScanner.FullRoot).Distinct(StringComparer.Ordinal)
            .Where(r => Directory.Exists(r) || File.Exists(r)).ToList();
        emptyRoots = present.Where(r => Directory.Exists(r) && !scan.Files.Any(f => Under(f.Source.FullPath, r))).ToList();
        var empty = emptyRoots;
        var unlisted = scan.Unlisted;
        return path => !seen.Contains(path)
            && present.Any(r => Under(path, r))
            && !empty.Any(e => Under(path, e))
            && !unlisted.Any(u => Under(path, u));
    }

    /// <summary>The path is <paramref name="folder"/> or inside it.</summary>
    private static bool Under(string path, string folder) =>
        path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
