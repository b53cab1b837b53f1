using System.Text.Json;
using Lucene.Net.Codecs;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Indexing;

/// <summary>
/// Damage is refused on the read path too. Every Lucene 4.8 index file ends with a checksum of its
/// bytes; a reader opening a commit verifies the files of that commit, so an index with flipped
/// bytes is refused with the one-line pointer to `search check` instead of answering from garbage.
/// Index files are written once and never changed, so a file verified before (same name, size and
/// modification time, remembered in a small hidden file) is not read again: the cost is one read
/// of each new segment, paid by the first query after a build, never per query.
/// </summary>
public static class IndexIntegrity
{
    public const string CacheName = ".search-verified.json";

    /// <summary>Verifies the files of <paramref name="commit"/>; throws the "damaged" error naming them.</summary>
    public static void Verify(LuceneDirectory dir, IndexCommit commit, string indexPath)
    {
        var damaged = Damaged(dir, commit.FileNames, indexPath);
        if (damaged.Count > 0)
            throw IndexStore.Damaged(indexPath, new CorruptIndexException(
                $"checksum mismatch in {string.Join(", ", damaged.Take(5))}{(damaged.Count > 5 ? $" and {damaged.Count - 5} more files" : "")}"));
    }

    /// <summary>The files among <paramref name="files"/> whose bytes do not match their checksum
    /// (or cannot be read); files verified before are taken as verified unless
    /// <paramref name="trustVerified"/> is false (`search check` reads everything).</summary>
    public static List<string> Damaged(LuceneDirectory dir, IEnumerable<string> files, string indexPath, bool trustVerified = true)
    {
        var cache = trustVerified ? Load(indexPath) : new Dictionary<string, string>(StringComparer.Ordinal);
        var damaged = new List<string>();
        bool learned = false;
        foreach (string name in files)
        {
            string? stamp = Stamp(indexPath, name);
            if (stamp != null && cache.TryGetValue(name, out string? known) && known == stamp)
                continue;
            try
            {
                using var input = dir.OpenInput(name, IOContext.READ_ONCE);
                CodecUtil.ChecksumEntireFile(input);
                if (stamp != null)
                {
                    cache[name] = stamp;
                    learned = true;
                }
            }
            catch (Exception e) when (IndexStore.IsDamage(e) || e is EndOfStreamException)
            {
                damaged.Add(name);
            }
        }
        if (learned && trustVerified)
            Save(indexPath, cache);
        return damaged;
    }

    private static string? Stamp(string indexPath, string name)
    {
        var info = new FileInfo(Path.Combine(indexPath, name));
        return info.Exists ? $"{info.Length}:{info.LastWriteTimeUtc.Ticks}" : null;
    }

    private static Dictionary<string, string> Load(string indexPath)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(indexPath, CacheName)))
                   ?? new Dictionary<string, string>(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }

    /// <summary>Remembers verified files (only those still in the folder), written by rename; an
    /// index the reader cannot write to is simply verified again next time.</summary>
    private static void Save(string indexPath, Dictionary<string, string> cache)
    {
        string? temp = null;
        try
        {
            foreach (string name in cache.Keys.Where(n => !File.Exists(Path.Combine(indexPath, n))).ToList())
                cache.Remove(name);
            string target = Path.Combine(indexPath, CacheName);
            temp = $"{target}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(cache));
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk: the part written is not left behind for every reader to add to.
            if (temp != null)
                FileDeletion.TryDelete(temp);
        }
    }
}
