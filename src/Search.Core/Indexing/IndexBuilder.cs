using System.Diagnostics;
using Search.Core.Indexing.Writing;
using Search.Core.Ingest;

namespace Search.Core.Indexing;

/// <summary>
/// Builds or updates an index from folders of articles: scan → read → enrich → add to the one
/// <see cref="IndexWriter"/>, with a commit after every <see cref="BuildOptions.CommitTextMB"/> of
/// text written (at the latest every <see cref="BuildOptions.CommitInterval"/>).
/// The parts, each in Build/: <see cref="IndexFolder"/> (folder checks), <see cref="RecordedRoots"/>
/// (what the index is built from), <see cref="WriterSession"/> (opening, damage, rollback),
/// <see cref="ChangeDetector"/> (what must be read), <see cref="BuildPipeline"/> (threads),
/// <see cref="FileIngest"/> (one file's way), <see cref="RecordWriter"/> (the id rule, per-record
/// changes), <see cref="Checkpointer"/> (commits inside files), <see cref="ParallelFlush"/> (the
/// last flush on every core), <see cref="VanishedFiles"/>,
/// <see cref="IdCollisions"/> and <see cref="BuildAccounting"/> (the summary).
///
/// Guarantees: a build killed at any moment leaves the last commit intact, and a re-run ends with
/// exactly the corpus (no article twice, none missing); a failure rolls back to the last commit;
/// Ctrl-C (cancellation) stops reading at once and commits what was added, listing the files left
/// unfinished so the next run completes them; a full disk stops the build with that said
/// (<see cref="DiskFull"/>), the index as of its last commit.
/// </summary>
public static class IndexBuilder
{
    public static BuildSummary Build(BuildOptions options, CancellationToken cancel = default)
    {
        // Nothing to index, nothing written: a build that leaves a new index without a single
        // article takes away what it created (the folder, or the files it put in an empty one).
        string indexPath = Path.GetFullPath(options.IndexPath);
        bool folderExisted = Directory.Exists(indexPath);
        var entriesBefore = folderExisted ? Directory.EnumerateFileSystemEntries(indexPath).ToHashSet(StringComparer.Ordinal) : null;
        bool hadIndex = HasCommit(indexPath);
        BuildSummary summary;
        try
        {
            summary = BuildInto(indexPath, options, cancel);
        }
        catch (Exception e) when (DiskFull.Is(e))
        {
            bool committed = HasCommit(indexPath);
            if (!committed)
                RemoveCreated(indexPath, folderExisted, entriesBefore);
            throw DiskFull.Error(indexPath, e, committed);
        }
        if (!hadIndex && summary.DocumentsInIndex == 0 && !summary.Interrupted)
        {
            RemoveCreated(indexPath, folderExisted, entriesBefore);
            summary.NothingWritten = true;
        }
        return summary;
    }

    private static bool HasCommit(string indexPath) =>
        Directory.Exists(indexPath) && Directory.EnumerateFiles(indexPath, "segments_*").Any();

    /// <summary>Takes away what a build that wrote no index created: the folder, or the files it
    /// put in one that existed.</summary>
    private static void RemoveCreated(string indexPath, bool folderExisted, HashSet<string>? entriesBefore)
    {
        if (!folderExisted)
        {
            if (Directory.Exists(indexPath))
                Directory.Delete(indexPath, recursive: true);
            return;
        }
        foreach (string entry in Directory.EnumerateFileSystemEntries(indexPath).Where(e => !entriesBefore!.Contains(e)).ToList())
        {
            if (Directory.Exists(entry))
                Directory.Delete(entry, recursive: true);
            else
                File.Delete(entry);
        }
    }

    private static BuildSummary BuildInto(string indexPath, BuildOptions options, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var accounting = new BuildAccounting();
        var summary = accounting.Summary;
        // A folder the index holds, given again through a link, by the spelling it was indexed by
        // (a rebuild starts afresh: any spelling is the only one).
        var roots = options.Rebuild ? options.Roots : RootSpelling.AsRecorded(options.Roots, RecordedRoots.Read(indexPath));
        var scan = FileScanner.Scan(roots, excludeDirectory: indexPath);
        if (scan.Files.Count == 0 && scan.Problems.Count > 0 && scan.Problems.All(p => p.Reason == "no such file or folder"))
            throw new SearchException($"nothing to index: {string.Join(", ", scan.Problems.Select(p => p.Path))} not found");
        foreach (var (path, reason) in scan.Problems)
            accounting.Skip(path, null, reason);
        summary.FilesScanned = scan.Files.Count;
        summary.Roots = roots.Select(FileScanner.FullRoot).ToList();
        options.AfterScan?.Invoke(scan);

        using var dir = IndexStore.OpenDirectory(IndexFolder.Prepare(indexPath));
        using var buildLock = IndexStore.LockForWriting(indexPath);
        using var running = BuildMarker.Running(indexPath);
        using var session = WriterSession.Open(dir, indexPath, options.Rebuild, options.Analysis, options.RamBufferMB);
        RecordedRoots.Record(indexPath, roots.Where(r => Directory.Exists(r) || File.Exists(r)), replace: options.Rebuild);
        accounting.Previous(session.PreviousProblems);
        summary.OlderLetterRules = session.Analysis.Letters < AnalysisSettings.LatestLetters;
        session.Problems = () => accounting.CurrentProblems();
        try
        {
            using var before = DirectoryReader.Open(session.Writer, applyAllDeletes: true);
            var known = options.Rebuild ? new Dictionary<string, IndexState.Entry>() : IndexState.Load(before);
            var changes = new ChangeDetector(known, session.PreviousPartial, session.Recheck, new IndexSearcher(before));
            long scannedBytes = scan.Files.Sum(f => f.Size);
            using var clusterer = options.Duplicates ? new Writing.DuplicateClusterer(before, session.StartClusteredThrough, options.Clustering) : null;
            using var checkpoints = new Checkpointer(session, options.CommitInterval, (long)(options.CommitTextMB * 1_000_000),
                clusterer != null ? w => Cluster(clusterer, w, session, options) : null, options.AfterCheckpoint,
                bytesLeft: () => scannedBytes - accounting.BytesDone);
            var ingest = new FileIngest(options, changes, new RecordWriter(session.Writer, accounting), checkpoints, accounting, session.Writer,
                session.BuildNumber, cancel);
            int threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
            if (options.Live != null)
                options.Live.UnfinishedSource = () => checkpoints.Unfinished.Select(p => Relative(p, summary.Roots)).Order(StringComparer.Ordinal).ToList();

            bool completed;
            checkpoints.Start();
            using (StartProgress(options, scan, accounting, clock))
                completed = BuildPipeline.Run(scan.Files, ingest, threads, cancel);
            checkpoints.Stop();
            if (checkpoints.Failure is { } commitFailure)
                throw new SearchException($"indexing failed while committing: {IndexStore.Brief(commitFailure)}", 1, commitFailure);
            if (ingest.WorkerFailure is { } failure)
                throw new SearchException($"indexing failed: {IndexStore.Brief(failure)}; the index is as of its last commit", 1, failure);
            // The writer's in-memory segments, one per adding thread, flushed side by side now
            // that no thread adds (the last commit would flush them one after another).
            ParallelFlush.Run(session.Writer, threads);
            summary.Interrupted = !completed;
            if (completed)
            {
                VanishedFiles.Remove(scan, roots, changes, checkpoints, session.Writer, accounting);
                // Problems of files gone from a scanned root go with them.
                var gone = VanishedFiles.Rule(scan, roots);
                session.Problems = () => accounting.CurrentProblems(gone);
                session.Complete = true;
            }
            checkpoints.Commit(recheckDone: completed);
            summary.Skipped = session.Problems().Select(p => p.ToSkipped()).ToList();
            summary.Unfinished = checkpoints.Unfinished.Select(p => Relative(p, summary.Roots)).Order(StringComparer.Ordinal).ToList();
        }
        catch
        {
            session.Rollback();
            throw;
        }
        // Counted from the commit, not IndexWriter.NumDocs: after Lucene rejects a document (an
        // immense term) NumDocs undercounts by one per rejection (Lucene.Net 4.8 beta00017).
        using (var committed = DirectoryReader.Open(dir))
        {
            summary.DocumentsInIndex = committed.NumDocs;
            if (!summary.Interrupted) // a stopped build owes its user speed, not a full id scan
                summary.Collisions = IdCollisions.Find(committed);
        }
        summary.Bytes = accounting.BytesRead;
        summary.Seconds = clock.Elapsed.TotalSeconds;
        return summary;
    }

    /// <summary>The clustering pass, right before the build's last commit: everything the writer
    /// holds has then been looked at, which the commit records.</summary>
    private static void Cluster(Writing.DuplicateClusterer clusterer, IndexWriter writer, WriterSession session, BuildOptions options)
    {
        var report = clusterer.BeforeCommit(writer);
        session.ClusteredThrough = session.BuildNumber;
        options.AfterClustering?.Invoke(report);
    }

    /// <summary>A path as users see it: relative to the root it is under, else as it is.</summary>
    private static string Relative(string path, IEnumerable<string> roots)
    {
        foreach (string root in roots)
        {
            if (path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return Path.GetRelativePath(root, path).Replace('\\', '/');
        }
        return path;
    }

    private static Timer? StartProgress(BuildOptions options, FileScanner.Result scan, BuildAccounting accounting, Stopwatch clock)
    {
        if (options.OnProgress is not { } report)
            return null;
        int total = scan.Files.Count;
        long bytes = scan.Files.Sum(f => f.Size);
        return new Timer(_ => report(new BuildProgress(accounting.FilesDone, total, accounting.BytesDone, bytes,
            accounting.BytesRead, accounting.Articles, clock.Elapsed)), null, 250, 250);
    }
}
