using Search.Core.Ingest;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// A folder the index already holds, given again by another spelling (through a link: `~/news`,
/// a link to /data/news, after /data/news was indexed; or a folder inside it reached through the
/// link), is indexed by the spelling the index recorded. Articles are known by their file's path:
/// the same files under a second spelling were all added again, every article twice, and each
/// copy went stale on its own.
/// </summary>
public static class RootSpelling
{
    /// <summary><paramref name="roots"/>, each that is (or is inside) a recorded root by its real
    /// path but not by its spelling given by that recorded root's spelling.</summary>
    public static IReadOnlyList<string> AsRecorded(IReadOnlyList<string> roots, IReadOnlyList<string> recorded)
    {
        var known = recorded.Where(r => Directory.Exists(r) || File.Exists(r)).Select(r => (Spelled: r, Real: RealPath(r))).ToList();
        if (known.Count == 0)
            return roots;
        return roots.Select(root =>
        {
            string full = FileScanner.FullRoot(root);
            if (known.Any(k => Within(full, k.Spelled)) || !(Directory.Exists(full) || File.Exists(full)))
                return root;
            string real = RealPath(full);
            foreach (var (spelled, realRoot) in known)
            {
                if (Within(real, realRoot))
                    return spelled + real[realRoot.Length..];
            }
            return root;
        }).ToList();
    }

    private static bool Within(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every link on the way resolved (as realpath(3)); the path as it is
    /// when a link cannot be followed.</summary>
    private static string RealPath(string path)
    {
        string? parent = Path.GetDirectoryName(path);
        string self = parent == null ? path : Path.Combine(RealPath(parent), Path.GetFileName(path));
        try
        {
            FileSystemInfo info = Directory.Exists(self) ? new DirectoryInfo(self) : new FileInfo(self);
            return info.ResolveLinkTarget(returnFinalTarget: true) is { } target ? RealPath(target.FullName) : self;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return self;
        }
    }
}
