namespace Search.Core.Ingest;

/// <summary>
/// Walks the folders to index and lists the files under them, in a stable (ordinal) order.
/// Follows symbolic links but visits each real folder once, so a link loop ends; skips hidden
/// entries (names starting with '.') and the index folder itself; a folder it cannot read is
/// reported, not fatal. A file under two of the roots given (a folder and a folder inside it, one
/// folder given twice or under another name through a link) or met twice through links is listed
/// once, under the outermost root, by its real path, so it is one article and not a copy of itself
/// with another id. The folders (and entries) it could not look into are listed
/// apart: the files under them are unknown, not gone.
/// </summary>
public static class FileScanner
{
    /// <param name="Files">Every file found.</param>
    /// <param name="Problems">What could not be looked at, named for the user (relative to its root).</param>
    /// <param name="Unlisted">The absolute paths of the folders (and entries) that could not be looked
    /// into: a folder without read permission, one that failed with an I/O error. Whatever the
    /// index holds under them is not known to be gone.</param>
    public sealed record Result(List<ScannedFile> Files, List<(string Path, string Reason)> Problems, List<string> Unlisted);

    /// <param name="RealPath">The file by its real path, every link on the way resolved: one file
    /// met under two names (a root and a link to it, a link to a file beside it) has one.</param>
    /// <param name="Link">Met as a link to a file: the file under its own name is preferred.</param>
    public sealed record ScannedFile(SourceFile Source, long Size, long MtimeTicks, string RealPath, bool Link = false);

    /// <summary>A root as the scanner and the index record it: absolute, without a trailing separator.</summary>
    public static string FullRoot(string root) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    public static Result Scan(IEnumerable<string> roots, string? excludeDirectory = null)
    {
        var files = new List<ScannedFile>();
        var problems = new List<(string, string)>();
        var unlisted = new List<string>();
        // By its real path: an index given through a link (`--index ~/idx`, a link to
        // ~/archive/idx) is still the folder met inside the root, and its own files are not articles.
        string? exclude = excludeDirectory == null ? null : RealPath(FullRoot(excludeDirectory));
        var listed = new Dictionary<string, int>(StringComparer.Ordinal); // real path → where in files
        // A root holds every root inside it, and has fewer parts than any of them: walked first, it
        // names their files by its own relative paths, as a build of it alone would.
        foreach (string rootArg in roots.OrderBy(r => FullRoot(r).Count(c => c == Path.DirectorySeparatorChar)))
        {
            string root = FullRoot(rootArg);
            int first = files.Count;
            if (File.Exists(root))
            {
                var info = new FileInfo(root);
                string dir = Path.GetDirectoryName(root)!;
                files.Add(new ScannedFile(new SourceFile(root, info.Name, dir), info.Length, info.LastWriteTimeUtc.Ticks, RealFile(info)));
            }
            else if (Directory.Exists(root))
                Walk(root, root, files, problems, unlisted, new HashSet<string>(StringComparer.Ordinal), exclude);
            else
                problems.Add((rootArg, "no such file or folder"));
            int kept = first;
            for (int i = first; i < files.Count; i++)
            {
                if (listed.TryAdd(files[i].RealPath, kept))
                    files[kept++] = files[i];
                else if (listed[files[i].RealPath] is int at && at >= first && files[at].Link && !files[i].Link)
                    files[at] = files[i]; // in this root under its own name as well as through a link
            }
            files.RemoveRange(kept, files.Count - kept);
        }
        return new Result(files, problems, unlisted);
    }

    private static void Walk(string root, string dir, List<ScannedFile> files, List<(string, string)> problems,
        List<string> unlisted, HashSet<string> visited, string? exclude)
    {
        var stack = new Stack<string>();
        stack.Push(dir);
        while (stack.Count > 0)
        {
            string current = stack.Pop();
            string real = RealPath(current);
            if (!visited.Add(real))
                continue; // a symlink led back to a folder already walked
            if (exclude != null && string.Equals(real, exclude, StringComparison.Ordinal))
                continue;
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(current).GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                problems.Add((Relative(root, current) + "/", Reason(current, e)));
                unlisted.Add(current);
                continue;
            }
            Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
            var subdirs = new List<string>();
            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.'))
                    continue;
                try
                {
                    if (entry is DirectoryInfo)
                        subdirs.Add(entry.FullName);
                    else if (entry is FileInfo fi)
                    {
                        if (fi.LinkTarget != null)
                        {
                            var target = fi.ResolveLinkTarget(returnFinalTarget: true);
                            if (target is DirectoryInfo) { subdirs.Add(fi.FullName); continue; }
                            if (target is not FileInfo tf || !tf.Exists) { problems.Add((Relative(root, fi.FullName), "broken symbolic link")); continue; }
                            fi = tf;
                            files.Add(new ScannedFile(new SourceFile(entry.FullName, Relative(root, entry.FullName), root), fi.Length, fi.LastWriteTimeUtc.Ticks, RealFile(tf), Link: true));
                            continue;
                        }
                        files.Add(new ScannedFile(new SourceFile(fi.FullName, Relative(root, fi.FullName), root), fi.Length, fi.LastWriteTimeUtc.Ticks, Path.Combine(real, fi.Name)));
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add((Relative(root, entry.FullName), Reason(entry.FullName, e)));
                    unlisted.Add(entry.FullName);
                }
            }
            for (int i = subdirs.Count - 1; i >= 0; i--)
                stack.Push(subdirs[i]); // pushed in reverse so they are walked in order
        }
    }

    /// <summary>Why a file or folder the walk found cannot be read. A name that is not valid UTF-8
    /// (a Latin-1 "café.txt" unpacked from an old archive) reaches .NET with U+FFFD in place of its
    /// bytes and cannot be opened by that name: said so, rather than "could not find file".</summary>
    private static string Reason(string path, Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException when Path.GetFileName(Path.TrimEndingDirectorySeparator(path)).Contains('\uFFFD', StringComparison.Ordinal) =>
            "its name is not valid UTF-8 (shown with \uFFFD), so it cannot be opened; rename it in UTF-8 to index it (for example `convmv -f latin1 -t utf8 --notest NAME`)",
        FileNotFoundException or DirectoryNotFoundException => "vanished while the folders were walked",
        _ => e.Message.Split('\n')[0].Trim(),
    };

    private static string RealFile(FileInfo file) => Path.Combine(RealPath(file.DirectoryName!), file.Name);

    private static string RealPath(string dir)
    {
        try
        {
            var info = new DirectoryInfo(dir);
            // Resolve every link on the way, not only the last component.
            string? parent = info.Parent == null ? null : RealPath(info.Parent.FullName);
            string self = parent == null ? info.FullName : Path.Combine(parent, info.Name);
            var target = new DirectoryInfo(self).ResolveLinkTarget(returnFinalTarget: true);
            return target?.FullName ?? self;
        }
        catch (IOException)
        {
            return dir;
        }
    }

    private static string Relative(string root, string path) =>
        Path.GetRelativePath(root, path).Replace('\\', '/');
}
