using Search.Core.Ingest;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// Removes the articles of files that were indexed from the roots this build scanned but are gone
/// from disk now. Files of other roots indexed into the same index, and roots that are missing
/// altogether (an unmounted disk is not a deletion), are left alone.
/// </summary>
public static class VanishedFiles
{
    public static void Remove(FileScanner.Result scan, IEnumerable<string> roots, ChangeDetector changes,
        Checkpointer checkpoints, IndexWriter writer, BuildAccounting accounting)
    {
        var seen = new HashSet<string>(scan.Files.Select(f => f.Source.FullPath), StringComparer.Ordinal);
        var present = roots.Select(Ingest.FileScanner.FullRoot)
            .Where(r => Directory.Exists(r) || File.Exists(r)).ToList();
        foreach (var (path, entry) in changes.Known)
        {
            if (seen.Contains(path) || !present.Any(r => path == r || path.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
                continue;
            checkpoints.FileFinished(path, () => writer.DeleteDocuments(new Term(Schema.Path, path)));
            accounting.Removed(entry.Articles);
        }
    }
}
