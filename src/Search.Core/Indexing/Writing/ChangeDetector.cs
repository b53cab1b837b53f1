using System.Security.Cryptography;
using Search.Core.Ingest;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// Decides what a build must read, from what the index held when the build started:
/// a file whose size and modification time are as recorded is skipped unread; a small file whose
/// SHA-256 is as recorded is skipped after hashing; anything else is read, and then
/// <see cref="RecordWriter"/> compares each record with the one the index holds, so a changed file
/// costs only its changed records. Files the last commit holds only part of (a build killed or
/// failing part-way), and every file after `search check --fix`, are read whatever their state.
/// </summary>
public sealed class ChangeDetector
{
    private readonly Dictionary<string, IndexState.Entry> _known;
    private readonly IReadOnlySet<string> _partial;
    private readonly bool _recheck;
    private readonly IndexSearcher _before;

    public ChangeDetector(Dictionary<string, IndexState.Entry> known, IReadOnlySet<string> partial, bool recheck, IndexSearcher before)
    {
        _known = known;
        _partial = partial;
        _recheck = recheck;
        _before = before;
    }

    /// <summary>Files the index held when the build started, by absolute path.</summary>
    public IReadOnlyDictionary<string, IndexState.Entry> Known => _known;

    public IndexState.Entry? KnownEntry(string path) => _known.GetValueOrDefault(path);

    /// <summary>Whether the file can be skipped without reading it.</summary>
    public bool UnchangedBySizeAndDate(FileScanner.ScannedFile file, out IndexState.Entry? known)
    {
        known = KnownEntry(file.Source.FullPath);
        return known != null && !MustRead(file.Source.FullPath)
            && known.State.Size == file.Size && known.State.MtimeTicks == file.MtimeTicks;
    }

    /// <summary>Whether the file's content is what the index holds, by hash (small files only).</summary>
    public bool UnchangedByHash(string path, IndexState.Entry? known, string hash) =>
        known != null && !MustRead(path) && known.State.Hash.Length > 0 && known.State.Hash == hash;

    private bool MustRead(string path) => _recheck || _partial.Contains(path);

    /// <summary>The records the index holds for a file about to be read (id → content hash), or
    /// null when it holds none.</summary>
    public Dictionary<string, UInt128>? RecordsOf(string path) =>
        _known.ContainsKey(path) ? RecordState.Load(_before, path) : null;

    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
