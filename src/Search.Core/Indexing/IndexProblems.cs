using System.Text.Json;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Indexing;

/// <summary>A file or record the index is missing, and why. <see cref="Path"/> is the absolute
/// path (the key: a file's problems are replaced when it is read again), or for a problem of the
/// scan itself (an unreadable folder, a broken link) the path as the scan reported it.</summary>
public sealed record IndexProblem(string Path, string File, int? Line, string Reason)
{
    public SkippedItem ToSkipped() => new(File, Line, Reason);
}

/// <summary>
/// Problems are state, not output: every skipped file and record, with its reason, is kept with
/// the commit that holds the articles, so every later `search index` and `search stats` lists what
/// the index is missing until the file is fixed (read again: its problems are replaced) or
/// removed. The list lives in a small hidden JSON file beside the index files, written before the
/// commit and named in the commit's user data (<see cref="Key"/>): a commit and its list are one
/// step, and a reader of an older commit still finds that commit's list. Lists no kept commit
/// names are deleted after each commit.
/// </summary>
public static class IndexProblems
{
    /// <summary>Commit user data: the name of the problems file of this commit (absent: none).</summary>
    public const string Key = "build.problems";

    private const string Prefix = ".search-problems-";

    /// <summary>The problems recorded with the commit whose user data is <paramref name="userData"/>.</summary>
    public static IReadOnlyList<IndexProblem> Load(string indexPath, IDictionary<string, string> userData)
    {
        if (!userData.TryGetValue(Key, out string? name) || !name.StartsWith(Prefix, StringComparison.Ordinal))
            return Array.Empty<IndexProblem>();
        try
        {
            return JsonSerializer.Deserialize<List<IndexProblem>>(File.ReadAllText(System.IO.Path.Combine(indexPath, name))) ?? new List<IndexProblem>();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return new[] { new IndexProblem("", "(index)", null, $"the list of skipped files and records ({name}) cannot be read: {e.Message}") };
        }
    }

    /// <summary>Writes <paramref name="problems"/> for the commit about to be made (flushed to disk
    /// before it) and returns the user data entry naming it, or null when there are none.</summary>
    public static string? Save(string indexPath, IEnumerable<IndexProblem> problems)
    {
        var list = problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line ?? 0).ToList();
        if (list.Count == 0)
            return null;
        string name = Prefix + Guid.NewGuid().ToString("N")[..16] + ".json";
        string path = System.IO.Path.Combine(indexPath, name);
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            JsonSerializer.Serialize(stream, list);
            stream.Flush(flushToDisk: true);
        }
        return name;
    }

    /// <summary>Deletes problem lists that no commit point in the folder names any more (the
    /// deletion policy has removed their commits, or a build died between writing one and committing).</summary>
    public static void RemoveUnreferenced(string indexPath, LuceneDirectory dir)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var commit in DirectoryReader.ListCommits(dir))
                if (commit.UserData.TryGetValue(Key, out string? name))
                    kept.Add(name);
        }
        catch (Exception e) when (IndexStore.IsDamage(e))
        {
            return; // never delete on a guess
        }
        foreach (string file in System.IO.Directory.EnumerateFiles(indexPath, Prefix + "*"))
        {
            if (!kept.Contains(System.IO.Path.GetFileName(file)))
                FileDeletion.TryDelete(file);
        }
    }
}
