using System.Text.Json;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// The folders and files an index was built from, so that `search index` with no path refreshes
/// exactly those and `search stats` can list them. Kept in a small hidden file beside the index
/// files rather than in the commit: it is written before a build starts (a root being indexed
/// for the first time is refreshed by the next plain `search index` even if this build is
/// killed), and it survives damage to the commit files, which `search check --fix` repairs.
/// Written to a temporary file and renamed, so it is never half-written.
/// </summary>
public static class RecordedRoots
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public const string FileName = ".search-roots.json";

    public static IReadOnlyList<string> Read(string indexPath)
    {
        string file = Path.Combine(indexPath, FileName);
        if (!File.Exists(file))
            return Array.Empty<string>();
        try
        {
            return JsonSerializer.Deserialize<string[]>(File.ReadAllText(file)) ?? Array.Empty<string>();
        }
        catch (JsonException)
        {
            return Array.Empty<string>();
        }
    }

    /// <summary>Records <paramref name="roots"/> (absolute), added to those already recorded unless
    /// <paramref name="replace"/> (a rebuild starts the list afresh).</summary>
    public static IReadOnlyList<string> Record(string indexPath, IEnumerable<string> roots, bool replace)
    {
        var all = (replace ? Enumerable.Empty<string>() : Read(indexPath))
            .Concat(roots.Select(Ingest.FileScanner.FullRoot))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        string file = Path.Combine(indexPath, FileName);
        string temp = file + ".tmp";
        try
        {
            File.WriteAllText(temp, JsonSerializer.Serialize(all, Indented));
            File.Move(temp, file, overwrite: true);
        }
        catch (IOException)
        {
            FileDeletion.TryDelete(temp); // a full disk: no half-written list left beside the index
            throw;
        }
        return all;
    }
}
