using System.Globalization;
using Search.Core.Indexing.Analysis;
using Search.Core.Indexing.Writing;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Indexing.Maintenance;

/// <summary>What `search check` found, and what `--fix` would do (or did).</summary>
/// <param name="Healthy">No damage found.</param>
/// <param name="Findings">One line per problem found (empty when healthy).</param>
/// <param name="Articles">Articles readable in the index now (after a fix: what it holds).</param>
/// <param name="ArticlesDropped">Articles a fix drops (or dropped) from the index; the next
/// `search index` reads them again from their files. Null when unknown.</param>
/// <param name="Fix">What `--fix` does (or did), or why it cannot.</param>
/// <param name="Fixable">Whether `--fix` can repair it.</param>
public sealed record CheckReport(bool Healthy, IReadOnlyList<string> Findings, int Articles, int? ArticlesDropped, string Fix, bool Fixable);

/// <summary>
/// `search check [--fix]`: runs Lucene's CheckIndex (every segment opened and its checksums
/// verified) and the commit-point checks of <see cref="CommitPoints"/>, says what is damaged and
/// how many articles a repair would drop. A repair either goes back to the previous commit point
/// (when the newest one is damaged: the index keeps two) or drops the damaged segments; then it
/// marks the index so that the next `search index` reads every file again and restores what was
/// dropped, record by record. The damaged commit file is kept aside (hidden, never deleted).
/// </summary>
public static class IndexCheck
{
    public static CheckReport Run(string indexPath, bool fix)
    {
        indexPath = Path.GetFullPath(indexPath);
        if (File.Exists(indexPath))
            throw new SearchException($"{indexPath} is a file, not an index folder");
        if (!System.IO.Directory.Exists(indexPath))
            throw new SearchException($"no index at {indexPath}");
        using var dir = IndexStore.OpenDirectory(indexPath);
        // Before the lock, which is a file: `--fix --index` naming a folder of articles left it there.
        if (!dir.ListAll().Any(f => f.StartsWith('_') || f.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal)))
            throw new SearchException($"{indexPath} is not a search index (no index files in it)");
        using var buildLock = fix ? IndexStore.LockForWriting(indexPath) : null;
        var (state, generation, error) = CommitPoints.Inspect(dir);
        switch (state)
        {
            case CommitPoints.Newest.None:
                bool segments = dir.ListAll().Any(f => f.StartsWith('_'));
                if (!segments)
                    throw new SearchException($"{indexPath} is not a search index (no index files in it)");
                // A first build writes segment files long before its first commit point: while it
                // runs, or after it was stopped (Ctrl-C past its stop budget, a kill), the folder
                // holds segments and no segments_N. Neither is damage, and no article was lost.
                using (fix ? null : HoldBuildsOff(indexPath))
                {
                    if (File.Exists(Path.Combine(indexPath, BuildMarker.FileName)))
                        return new CheckReport(false, ["the first build was stopped before its first commit: nothing was committed yet"], 0, 0,
                            "run `search index` again: it starts the build afresh", false);
                }
                return new CheckReport(false, ["no commit point: the segments_N file that lists the index's segments is missing"], 0, null,
                    $"cannot be repaired: rebuild with `search index --rebuild --index {indexPath}` (it reads the recorded folders again)", false);
            case CommitPoints.Newest.Unfinished when generation == 1:
                return new CheckReport(false, ["the first build was stopped while writing its first commit: nothing was committed yet"], 0, 0,
                    "run `search index` again: it starts the build afresh", false);
            case CommitPoints.Newest.Damaged:
                return NewestCommitDamaged(dir, indexPath, generation, error!, fix);
        }
        using (fix ? null : HoldBuildsOff(indexPath))
            return CheckSegments(dir, indexPath, fix);
    }

    /// <summary>
    /// Keeps builds out while a check reads the segments: a build deletes the files of segments it
    /// merges or replaces, and a check reading them meanwhile reported a healthy index as damaged
    /// (then `search check --fix` would have dropped articles). With a build running, the check is
    /// refused (exit 3) as `--fix` is. An index this user cannot write (read-only disk, another
    /// user's) is checked without the lock: no build of ours can run there.
    /// </summary>
    private static IDisposable? HoldBuildsOff(string indexPath)
    {
        try
        {
            return IndexStore.LockForWriting(indexPath);
        }
        catch (SearchException e) when (e is not IndexLockedException)
        {
            return null;
        }
    }

    private static CheckReport NewestCommitDamaged(LuceneDirectory dir, string indexPath, long generation, Exception error, bool fix)
    {
        string name = IndexFileNames.FileNameFromGeneration(IndexFileNames.SEGMENTS, "", generation);
        var finding = $"the newest commit point ({name}) cannot be read ({IndexStore.Brief(error)})";
        long previous = dir.ListAll().Where(f => f.StartsWith(IndexFileNames.SEGMENTS + "_", StringComparison.Ordinal))
            .Select(SegmentInfos.GenerationFromSegmentsFileName).Where(g => g < generation).DefaultIfEmpty(-1).Max();
        int previousArticles = -1;
        if (previous > 0)
        {
            try
            {
                var infos = new SegmentInfos();
                infos.Read(dir, IndexFileNames.FileNameFromGeneration(IndexFileNames.SEGMENTS, "", previous));
                previousArticles = infos.Segments.Sum(s => s.Info.DocCount - s.DelCount);
            }
            catch (Exception e) when (IndexStore.IsDamage(e) || e is EndOfStreamException)
            {
                previousArticles = -1;
            }
        }
        if (previousArticles < 0)
            return new CheckReport(false, new[] { finding, "no earlier commit point to go back to" }, 0, null,
                $"cannot be repaired: rebuild with `search index --rebuild --index {indexPath}` (it reads the recorded folders again)", false);
        string what = $"go back to the previous commit point ({Articles(previousArticles)}) and read every file again on the next `search index`, which restores what was committed since";
        if (!fix)
            return new CheckReport(false, new[] { finding }, previousArticles, null, what, true);
        // Keep the damaged file aside (hidden: Lucene and the folder checks ignore it), then the
        // previous commit is the newest one.
        File.Move(Path.Combine(indexPath, name), Path.Combine(indexPath, $".damaged-{name}-{DateTime.UtcNow:yyyyMMddHHmmss}"));
        int articles = MarkForRecheck(dir);
        return new CheckReport(false, new[] { finding }, articles, null, $"went back to the previous commit point ({Articles(articles)}); run `search index` to read every file again and restore the rest", true);
    }

    private static CheckReport CheckSegments(LuceneDirectory dir, string indexPath, bool fix)
    {
        var checker = new CheckIndex(dir);
        CheckIndex.Status status;
        try
        {
            status = checker.DoCheckIndex();
        }
        catch (Exception e) when (IndexStore.IsDamage(e) || e is EndOfStreamException)
        {
            return new CheckReport(false, new[] { $"the index cannot be checked ({IndexStore.Brief(e)})" }, 0, null,
                $"cannot be repaired: rebuild with `search index --rebuild --index {indexPath}`", false);
        }
        int total = status.SegmentInfos.Sum(s => s.DocCount - s.NumDeleted);
        // Every file's checksum, read whole (not trusting what readers verified before): names the
        // damaged files, and catches damage CheckIndex's own tests pass over.
        var badFiles = IndexIntegrity.Damaged(dir, CommitFiles(dir), indexPath, trustVerified: false);
        if (status.Clean && badFiles.Count == 0)
            return new CheckReport(true, Array.Empty<string>(), total, 0, "nothing to repair", false);
        var findings = status.SegmentInfos.Where(s => !s.OpenReaderPassed || IsBroken(s) || badFiles.Any(f => OfSegment(f, s.Name)))
            .Select(s =>
            {
                var files = badFiles.Where(f => OfSegment(f, s.Name)).ToList();
                return $"segment {s.Name} ({Articles(s.DocCount - s.NumDeleted)}) is damaged"
                       + (files.Count > 0 ? ": " + WhatIsWrong(indexPath, files) : "");
            })
            .ToList();
        foreach (string file in badFiles.Where(f => !status.SegmentInfos.Any(s => OfSegment(f, s.Name))))
            findings.Add(WhatIsWrong(indexPath, [file]));
        if (status.MissingSegments)
            findings.Add("the commit point lists segments whose files are missing");
        if (findings.Count == 0)
            findings.Add("the index is damaged");
        int lost = status.TotLoseDocCount;
        if (status.Clean) // only the checksums found it: CheckIndex's repair would not drop it
            return new CheckReport(false, findings, total, null, $"cannot be repaired in place: rebuild with `search index --rebuild --index {indexPath}`", false);
        if (status.MissingSegments || status.CantOpenSegments)
            return new CheckReport(false, findings, 0, null, $"cannot be repaired: rebuild with `search index --rebuild --index {indexPath}`", false);
        string what = $"drop the damaged segment{(status.NumBadSegments == 1 ? "" : "s")} ({Articles(lost)}) and read every file again on the next `search index`, which restores them";
        if (!fix)
            return new CheckReport(false, findings, total - lost, lost, what, true);
        // Marked before the repair, in a commit of its own: FixIndex's commit keeps the user data
        // of the commit it repairs, so no commit ever holds the repaired index without the flag. A
        // repair stopped after FixIndex used to leave the articles dropped for good: the next build
        // skipped their files as unchanged. Stopped before it, the index is as damaged as it was.
        MarkForRecheck(dir);
        checker.FixIndex(checker.DoCheckIndex());
        int articles = MarkForRecheck(dir);
        return new CheckReport(false, findings, articles, lost, $"dropped {Articles(lost)}; run `search index` to read every file again and restore them", true);
    }

    /// <summary>"_0.fdt fails its checksum; _0.tim is missing": a file deleted from the folder was
    /// said to fail its checksum.</summary>
    private static string WhatIsWrong(string indexPath, IReadOnlyList<string> files)
    {
        var missing = files.Where(f => !File.Exists(Path.Combine(indexPath, f))).ToList();
        var failing = files.Except(missing, StringComparer.Ordinal).ToList();
        var parts = new List<string>();
        if (failing.Count > 0)
            parts.Add($"{string.Join(", ", failing)} {(failing.Count == 1 ? "fails its" : "fail their")} checksum");
        if (missing.Count > 0)
            parts.Add($"{string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing");
        return string.Join("; ", parts);
    }

    /// <summary>"1 article", "1,234 articles".</summary>
    private static string Articles(int n) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} article{(n == 1 ? "" : "s")}");

    private static bool OfSegment(string file, string segment) =>
        file.StartsWith(segment + ".", StringComparison.Ordinal) || file.StartsWith(segment + "_", StringComparison.Ordinal);

    private static IEnumerable<string> CommitFiles(LuceneDirectory dir)
    {
        try { return DirectoryReader.ListCommits(dir)[^1].FileNames; }
        catch (Exception e) when (IndexStore.IsDamage(e) || e is EndOfStreamException) { return Array.Empty<string>(); }
    }

    private static bool IsBroken(CheckIndex.Status.SegmentInfoStatus s) =>
        s.FieldNormStatus?.Error != null || s.TermIndexStatus?.Error != null || s.StoredFieldStatus?.Error != null
        || s.TermVectorStatus?.Error != null || s.DocValuesStatus?.Error != null;

    /// <summary>Commits the recheck flag onto the (repaired) newest commit, so the next build reads
    /// every file again; returns the articles the index holds.</summary>
    internal static int MarkForRecheck(LuceneDirectory dir)
    {
        var config = new IndexWriterConfig(ArticleAnalyzer.Version, new Lucene.Net.Analysis.Core.KeywordAnalyzer())
        {
            OpenMode = OpenMode.APPEND,
            IndexDeletionPolicy = new KeepLastCommits(),
        };
        using var writer = new IndexWriter(dir, config);
        // From the commit point, not a reader: it also marks a damaged index, whose segments do not open.
        var data = new Dictionary<string, string>(DirectoryReader.ListCommits(dir)[^1].UserData)
        {
            [WriterSession.RecheckKey] = "1",
        };
        writer.SetCommitData(data);
        writer.Commit();
        return writer.NumDocs;
    }
}
