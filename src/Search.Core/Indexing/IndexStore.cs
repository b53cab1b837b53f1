using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Indexing;

/// <summary>
/// Opens index folders, for reading or writing, and turns everything that can be wrong with one
/// (missing, not an index, another schema version, damaged, locked) into a <see cref="SearchException"/>
/// with a message the user can act on.
/// </summary>
public static partial class IndexStore
{
    public const string VersionKey = "schema.version";

    /// <summary>Commit user data key: an id made when an index is created (or rebuilt) and carried
    /// by every commit after. A reader tells by it an index that replaced the one it opened (the
    /// folder deleted and built again, its commits numbered from 1 again) from a newer commit of
    /// the same index, whose segments it may share. Absent in indexes of earlier versions until their next build.</summary>
    public const string IdKey = "index.id";

    /// <summary>Whether two commits' user data are of the same index; commits without an id (an
    /// earlier version's) cannot be told apart and count as the same.</summary>
    public static bool SameIndex(IDictionary<string, string> a, IDictionary<string, string> b) =>
        string.Equals(a.TryGetValue(IdKey, out string? x) ? x : null, b.TryGetValue(IdKey, out string? y) ? y : null, StringComparison.Ordinal);

    /// <summary>Opens the folder as a Lucene directory: NIOFSDirectory with positional reads
    /// (<see cref="PositionalReadDirectory"/>), not FSDirectory.Open: the MMapDirectory that Open
    /// picks is slow and crash-prone in Lucene.Net 4.8 beta00017.</summary>
    public static LuceneDirectory OpenDirectory(string path) => new PositionalReadDirectory(new DirectoryInfo(path));

    /// <summary>Opens an existing index for reading and checks it was built by this schema.</summary>
    public static (DirectoryReader Reader, AnalysisSettings Analysis) OpenReader(LuceneDirectory dir, string path)
    {
        CheckExists(dir, path);
        DirectoryReader reader;
        try { reader = DirectoryReader.Open(dir); }
        catch (Exception e) when (IsDamage(e)) { throw Damaged(path, e); }
        try
        {
            return (reader, ReadSettings(reader, path));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Throws a clear error unless <paramref name="path"/> holds an index.</summary>
    public static void CheckExists(LuceneDirectory dir, string path)
    {
        if (!System.IO.Directory.Exists(path))
            throw new SearchException($"no index at {path}: build one with `search index PATH --index {path}`, or try the sample articles with `search index --samples --index {path}`");
        bool exists;
        try { exists = DirectoryReader.IndexExists(dir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Damaged(path, e); }
        if (exists)
        {
            var (state, generation, error) = Writing.CommitPoints.Inspect(dir);
            if (state == Writing.CommitPoints.Newest.Unfinished && generation == 1)
                throw new SearchException($"index at {path} cannot be read yet: its first build is still committing, or was stopped while committing; run `search index` again to finish it");
            if (state == Writing.CommitPoints.Newest.Damaged)
                throw Damaged(path, error!);
        }
        if (!exists && Writing.BuildMarker.IsRunning(path))
            throw new SearchException(FirstBuildRunning(path));
        // A first build stopped before its first commit leaves its segments and its marker: the
        // folder is this program's, with nothing committed in it yet.
        if (!exists && File.Exists(Path.Combine(path, Writing.BuildMarker.FileName)))
            throw new SearchException($"index at {path} has nothing to search yet: its first build was stopped before its first commit; run `search index` again, it starts the build afresh");
        if (!exists)
            throw new SearchException(System.IO.Directory.EnumerateFileSystemEntries(path).Any(e => !Path.GetFileName(e).StartsWith('.'))
                ? $"{path} is not a search index (no index files in it)"
                : $"no index at {path} (the folder is empty): build one with `search index PATH --index {path}`, or try the sample articles with `search index --samples --index {path}`");
    }

    /// <summary>What a reader is told about a folder whose first build is running and has not
    /// committed yet: it holds no index to open, but it is no stranger's folder either.</summary>
    public static string FirstBuildRunning(string path) =>
        $"index at {path} has nothing to search yet: its first build is running, and queries answer from its first commit on";

    /// <summary>The analysis settings of the commit <paramref name="reader"/> reads, after checking
    /// it was written by this schema version.</summary>
    public static AnalysisSettings ReadSettings(DirectoryReader reader, string path)
    {
        var data = reader.IndexCommit.UserData;
        CheckVersion(data, path);
        var settings = AnalysisSettings.FromUserData(data);
        // The analysis of languages other than English changed since the build (a new stemmer or stop list).
        if (AnalysisSettings.RecordedLanguages(data) is { } recorded && recorded != settings.ToUserData()["analysis.languages"])
            throw new SearchException($"{path} was built with another analysis of languages other than English; run `search index --rebuild --index {path} PATH`");
        return settings;
    }

    /// <summary>Exceptions Lucene throws for an index it cannot read (truncated or corrupt files).</summary>
    internal static bool IsDamage(Exception e) =>
        e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or IndexOutOfRangeException;

    internal static void CheckVersion(IDictionary<string, string> userData, string path)
    {
        userData.TryGetValue(VersionKey, out string? version);
        if (version != Schema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            throw new SearchException(version == null
                ? $"{path} was not built by this version of search (no schema version recorded); run `search index --rebuild --index {path} PATH`"
                : $"{path} was built with index schema v{version}, this search reads v{Schema.Version}; run `search index --rebuild --index {path} PATH`");
    }

    internal static SearchException Damaged(string path, Exception e) =>
        UnknownCodec(e) is { } codec
            ? new($"index at {path} is in a format this version of search cannot read (Lucene codec '{codec}'): a newer version built it; open it with that version, or rebuild it with `search index --rebuild --index {path} PATH`", 1, e)
            : new($"index at {path} is damaged ({Brief(e)}); nothing was changed: `search check --index {path}` says what a repair would drop, `search check --fix` repairs it", 1, e);

    internal static SearchException NotWritable(string path, Exception e) =>
        new($"cannot write to index {path}: permission denied (it belongs to another user, or is read-only); use --index to build one elsewhere", 1, e);

    /// <summary>The codec a segment names that Lucene does not know (a newer version's), from
    /// the exception Lucene.Net's codec lookup throws; null for any other failure.</summary>
    internal static string? UnknownCodec(Exception e)
    {
        for (Exception? x = e; x != null; x = x.InnerException)
            if (x is ArgumentException && UnknownCodecMessage().Match(x.Message) is { Success: true } m)
                return m.Groups["name"].Value;
        return null;
    }

    [GeneratedRegex(@"^Codec '(?<name>[^']+)' cannot be loaded")]
    private static partial Regex UnknownCodecMessage();

    /// <summary>"IOException: read past EOF": an exception's type and the first line of its message,
    /// without the advice for programmers Lucene.Net adds to some ("Codec '' cannot be loaded. If
    /// the codec is not in a Lucene.Net assembly, you must subclass …", five sentences on one line).</summary>
    internal static string Brief(Exception e)
    {
        string message = FirstLine(e.Message);
        int advice = message.IndexOf(". If ", StringComparison.Ordinal);
        return $"{e.GetType().Name}: {(advice < 0 ? message : message[..(advice + 1)])}";
    }

    internal static string FirstLine(string s)
    {
        int nl = s.AsSpan().IndexOfAny('\r', '\n');
        return nl < 0 ? s : s[..nl];
    }

    /// <summary>Hidden (so folder checks ignore it) file that <see cref="LockForWriting"/> locks.</summary>
    public const string BuildLockName = ".search-build.lock";

    /// <summary>
    /// Keeps a second build out of an index while one runs. Lucene.Net 4.8 beta00017's own
    /// write.lock (NativeFSLockFactory) does not do that on Linux: a second `search index` got the
    /// lock, both wrote, and the first crashed on files the second had deleted. This lock is the
    /// OS's (.NET takes flock(LOCK_EX) for FileShare.None on Unix, a share lock on Windows), held
    /// by the open handle, so the kernel releases it when the process ends however it ends: a
    /// build killed with SIGKILL never leaves a lock that blocks the next one.
    /// </summary>
    public static IDisposable LockForWriting(string indexPath)
    {
        try
        {
            return new FileStream(Path.Combine(indexPath, BuildLockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
        }
        catch (UnauthorizedAccessException e)
        {
            throw NotWritable(indexPath, e);
        }
        catch (IOException e) when (Array.IndexOf(HeldByAnother, e.HResult) >= 0)
        {
            throw new IndexLockedException(indexPath, e);
        }
        catch (IOException e) when (e.HResult == ReadOnlyFileSystem)
        {
            throw new SearchException($"cannot write to index {indexPath}: it is on a read-only file system; queries work there, and a build needs the index on a writable disk (copy it, or use --index)", 1, e);
        }
    }

    // The lock taken by another process: EWOULDBLOCK from flock on Linux (11) and macOS (35),
    // ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION on Windows. Anything else (a read-only
    // file system, a full disk) is not "being written by another process".
    private static readonly int[] HeldByAnother = [11, 35, unchecked((int)0x80070020), unchecked((int)0x80070021)];

    private const int ReadOnlyFileSystem = 30; // EROFS, Linux and macOS

    /// <summary>Whether an exception from Lucene means another process holds the write lock.</summary>
    internal static bool IsLockFailure(Exception e) => e is LockObtainFailedException;
}
