using System.Diagnostics;
using System.Security.Cryptography;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Search.Core.Enrich;
using Search.Core.Indexing.Analysis;
using Search.Core.Ingest;

namespace Search.Core.Indexing;

/// <summary>
/// Builds or updates an index from folders of articles: scan → read (parallel, all cores) →
/// enrich → add to the one <see cref="IndexWriter"/>, committing in batches.
///
/// Incremental: a file whose size and mtime match what the index recorded is skipped unread; one
/// whose content hash matches is skipped after hashing; a changed file has its old articles
/// deleted and its new ones added in the same commit; a file that is gone has its articles
/// removed. Crash-safe: each file's delete-and-add runs under a shared lock that a commit takes
/// exclusively, so every commit holds whole files only, and the file states that drive the next
/// run are stored on the articles themselves. A build killed at any moment leaves the last commit
/// intact, and re-running it completes the work without duplicates.
/// </summary>
public sealed class IndexBuilder
{
    /// <summary>Files up to this size are read whole before the index is touched, so a file that
    /// fails half-way leaves its previous articles in place. Larger ones are streamed.</summary>
    private const long ReadWholeLimit = 16 << 20;

    private readonly BuildOptions _options;
    private readonly BuildSummary _summary = new();
    private readonly object _summaryLock = new();
    private readonly ReaderWriterLockSlim _commitLock = new(LockRecursionPolicy.NoRecursion);
    private IndexWriter _writer = null!;
    private Dictionary<string, IndexState.Entry> _known = new();
    private bool _addWithoutUpdate;
    private long _lastCommitTicks;
    private int _committing;
    private int _filesDone, _articles;
    private long _bytesDone;

    private IndexBuilder(BuildOptions options) => _options = options;

    public static BuildSummary Build(BuildOptions options, CancellationToken cancel = default) =>
        new IndexBuilder(options).Run(cancel);

    private BuildSummary Run(CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        string indexPath = Path.GetFullPath(_options.IndexPath);
        var scan = FileScanner.Scan(_options.Roots, excludeDirectory: indexPath);
        if (scan.Files.Count == 0 && scan.Problems.Count > 0 && scan.Problems.All(p => p.Reason == "no such file or folder"))
            throw new SearchException($"nothing to index: {string.Join(", ", scan.Problems.Select(p => p.Path))} not found");
        foreach (var (path, reason) in scan.Problems)
            _summary.Skipped.Add(new SkippedItem(path, null, reason));
        _summary.FilesScanned = scan.Files.Count;
        _options.AfterScan?.Invoke(scan);

        using var dir = IndexStore.OpenDirectory(PrepareFolder(indexPath));
        using var buildLock = IndexStore.LockForWriting(indexPath);
        var analysis = OpenWriter(dir, indexPath);
        try
        {
            using (var reader = DirectoryReader.Open(_writer, applyAllDeletes: true))
                _known = _options.Rebuild ? new() : IndexState.Load(reader);
            // Path-derived ids are unique within one root, so a fresh single-root build can skip the
            // delete-by-id that UpdateDocument costs. Record ids from the data may repeat: those always update.
            _addWithoutUpdate = _known.Count == 0 && _options.Roots.Count == 1;

            using var progressTimer = StartProgress(scan, clock);
            _lastCommitTicks = clock.ElapsedTicks;
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = _options.Threads > 0 ? _options.Threads : Environment.ProcessorCount,
                CancellationToken = cancel,
            };
            try
            {
                Parallel.ForEach(scan.Files, parallel, file => ProcessFile(file, analysis, clock));
            }
            catch (OperationCanceledException)
            {
                _summary.Interrupted = true;
            }
            if (!_summary.Interrupted)
                RemoveVanished(scan);
            _writer.Commit();
            // Counted from the commit, not IndexWriter.NumDocs: after Lucene rejects a document
            // (an immense term) NumDocs undercounts by one per rejection (Lucene.Net 4.8 beta00017).
            using (var committed = DirectoryReader.Open(dir))
                _summary.DocumentsInIndex = committed.NumDocs;
        }
        finally
        {
            _writer.Dispose();
        }
        _summary.Bytes = _bytesDone;
        _summary.Seconds = clock.Elapsed.TotalSeconds;
        return _summary;
    }

    /// <summary>Creates the index folder if needed and refuses to write into a folder that holds
    /// something other than an index (a typo in --index must not litter someone's documents).</summary>
    private static string PrepareFolder(string indexPath)
    {
        if (File.Exists(indexPath))
            throw new SearchException($"{indexPath} is a file, not an index folder");
        Directory.CreateDirectory(indexPath);
        var entries = Directory.EnumerateFileSystemEntries(indexPath).Select(Path.GetFileName).Where(n => n != null && !n.StartsWith('.')).ToList();
        bool looksLikeIndex = entries.Count == 0 || entries.Any(n => n!.StartsWith("segments", StringComparison.Ordinal) || n == "write.lock");
        if (!looksLikeIndex)
            throw new SearchException($"{indexPath} is not a search index and is not empty; choose an empty or new folder for --index");
        return indexPath;
    }

    private AnalysisSettings OpenWriter(Lucene.Net.Store.Directory dir, string indexPath)
    {
        var analysis = _options.Analysis ?? AnalysisSettings.Default;
        bool exists = DirectoryReader.IndexExists(dir);
        if (exists && !_options.Rebuild)
        {
            var (reader, existing) = IndexStore.OpenReader(dir, indexPath);
            reader.Dispose();
            if (_options.Analysis != null && _options.Analysis != existing)
                throw new SearchException($"{indexPath} was built with other analysis settings ({existing.Stemmer}, stop words {(existing.StopWords ? "on" : "off")}); add --rebuild to change them");
            analysis = existing;
        }
        IndexWriterConfig Config() => new(ArticleAnalyzer.Version, new ArticleAnalyzer(analysis, TextMode.Index))
        {
            OpenMode = _options.Rebuild || !exists ? OpenMode.CREATE : OpenMode.APPEND,
            RAMBufferSizeMB = _options.RamBufferMB,
            MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
            Similarity = new BM25Similarity(),
        };
        try
        {
            try
            {
                _writer = new IndexWriter(dir, Config());
            }
            catch (Exception e) when (_options.Rebuild && e is IOException or InvalidOperationException && !IndexStore.IsLockFailure(e))
            {
                // Even in CREATE mode Lucene reads every old commit point (IndexFileDeleter), so a
                // damaged segments_N made `--rebuild`, the advice for a damaged index, fail too.
                // The folder was checked to be an index: clear its files and start afresh.
                foreach (string f in System.IO.Directory.EnumerateFiles(indexPath))
                {
                    string name = Path.GetFileName(f);
                    if (name.StartsWith("segments", StringComparison.Ordinal) || name.StartsWith('_'))
                        File.Delete(f);
                }
                _writer = new IndexWriter(dir, Config());
            }
        }
        catch (Exception e) when (IndexStore.IsLockFailure(e))
        {
            throw new IndexLockedException(indexPath, e);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            throw IndexStore.Damaged(indexPath, e);
        }
        var userData = analysis.ToUserData();
        userData[IndexStore.VersionKey] = Schema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _writer.SetCommitData(userData);
        return analysis;
    }

    private void ProcessFile(FileScanner.ScannedFile file, AnalysisSettings analysis, Stopwatch clock)
    {
        string path = file.Source.FullPath;
        _known.TryGetValue(path, out var known);
        try
        {
            if (known != null && known.State.Size == file.Size && known.State.MtimeTicks == file.MtimeTicks)
            {
                Unchanged(known);
                return;
            }
            string hash = Hash(path);
            if (known != null && known.State.Hash == hash)
            {
                Unchanged(known);
                return;
            }
            var choice = ReaderRegistry.Default.Resolve(file.Source);
            if (choice.Disposition == FileDisposition.Ignored)
            {
                lock (_summaryLock) _summary.FilesIgnored++;
                return;
            }
            if (choice.Reader == null)
            {
                Skip(file.Source.RelativePath, null, choice.Reason ?? "unreadable");
                return;
            }
            var state = new FileState(hash, file.Size, file.MtimeTicks);
            IEnumerable<ReadItem> items = Guarded(choice.Reader.Read(file.Source));
            if (file.Size <= ReadWholeLimit)
                items = items.ToList(); // read failures surface here, before the index is touched
            IndexFile(file, state, items, known);
        }
        catch (ReaderFailedException e)
        {
            Skip(file.Source.RelativePath, null, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Skip(file.Source.RelativePath, null, e is UnauthorizedAccessException ? "permission denied" : e is FileNotFoundException or DirectoryNotFoundException ? "file vanished during the build" : e.Message);
        }
        finally
        {
            Interlocked.Increment(ref _filesDone);
            Interlocked.Add(ref _bytesDone, file.Size);
            MaybeCommit(clock);
        }
    }

    private void IndexFile(FileScanner.ScannedFile file, FileState state, IEnumerable<ReadItem> items, IndexState.Entry? known)
    {
        string path = file.Source.FullPath;
        int count = 0, problems = 0;
        _commitLock.EnterReadLock();
        try
        {
            var pathTerm = new Term(Schema.Path, path);
            if (known != null)
                _writer.DeleteDocuments(pathTerm);
            try
            {
                foreach (var item in items)
                {
                    if (item.Problem is { } problem)
                    {
                        Skip(file.Source.RelativePath, problem.Line == RecordProblem.WholeFile ? null : problem.Line, problem.Reason);
                        problems++;
                        continue;
                    }
                    var article = item.Article!;
                    ArticleEnricher.Enrich(article, file.Source);
                    var doc = ArticleDocument.Build(article, state, path, _options.TermVectors);
                    bool pathId = article.Id.StartsWith(file.Source.RelativePath, StringComparison.Ordinal);
                    try
                    {
                        if (_addWithoutUpdate && pathId)
                            _writer.AddDocument(doc);
                        else
                            _writer.UpdateDocument(new Term(Schema.Id, article.Id), doc);
                    }
                    catch (ArgumentException e)
                    {
                        // Lucene refuses a document with a term or doc value over 32,766 bytes (a
                        // 40 KB id or author) by throwing; left unhandled it ended the whole build.
                        // The writer stays usable (the document is dropped), so report the record.
                        Skip(file.Source.RelativePath, article.Record != null ? article.Line : null, "rejected by the index: " + Rejection(e));
                        problems++;
                        continue;
                    }
                    count++;
                    Interlocked.Increment(ref _articles);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ReaderFailedException)
            {
                // A streamed file failed half-way: take out what was added, keep the commit whole.
                _writer.DeleteDocuments(pathTerm);
                throw;
            }
        }
        finally
        {
            _commitLock.ExitReadLock();
        }
        lock (_summaryLock)
        {
            if (count == 0 && problems == 0)
                _summary.Skipped.Add(new SkippedItem(file.Source.RelativePath, null, "no articles found"));
            if (count > 0)
                _summary.FilesIndexed++;
            if (known == null)
                _summary.ArticlesAdded += count;
            else
            {
                _summary.ArticlesUpdated += Math.Min(count, known.Articles);
                _summary.ArticlesAdded += Math.Max(0, count - known.Articles);
                _summary.ArticlesRemoved += Math.Max(0, known.Articles - count);
            }
        }
    }

    private static string Rejection(ArgumentException e)
    {
        string m = IndexStore.FirstLine(e.Message);
        int cut = m.IndexOf(", all of which", StringComparison.Ordinal);
        if (cut > 0) m = m[..cut];
        return m.Length > 200 ? m[..200] + "…" : m;
    }

    /// <summary>Enumerates a reader's items, turning an unexpected exception from a reader (a bug,
    /// or content no test foresaw) into a <see cref="ReaderFailedException"/>, so that one bad file
    /// is reported instead of ending the build. I/O errors pass through as they are.</summary>
    private static IEnumerable<ReadItem> Guarded(IEnumerable<ReadItem> items)
    {
        IEnumerator<ReadItem> e;
        try { e = items.GetEnumerator(); }
        catch (Exception ex) when (IsReaderBug(ex)) { throw new ReaderFailedException(ex); }
        using (e)
        {
            while (true)
            {
                try
                {
                    if (!e.MoveNext())
                        yield break;
                }
                catch (Exception ex) when (IsReaderBug(ex))
                {
                    throw new ReaderFailedException(ex);
                }
                yield return e.Current;
            }
        }
    }

    private static bool IsReaderBug(Exception e) =>
        e is not (IOException or UnauthorizedAccessException or OutOfMemoryException or OperationCanceledException or ReaderFailedException);

    private sealed class ReaderFailedException(Exception inner)
        : Exception($"could not be read ({inner.GetType().Name}: {IndexStore.FirstLine(inner.Message)})", inner);

    private void Unchanged(IndexState.Entry known)
    {
        lock (_summaryLock)
        {
            _summary.FilesUnchanged++;
            _summary.ArticlesUnchanged += known.Articles;
        }
    }

    private void Skip(string file, int? line, string reason)
    {
        lock (_summaryLock) _summary.Skipped.Add(new SkippedItem(file, line, reason));
    }

    /// <summary>Deletes the articles of files that were indexed from the scanned roots before but
    /// are gone now. Files from other roots indexed into the same index are left alone.</summary>
    private void RemoveVanished(FileScanner.Result scan)
    {
        var seen = new HashSet<string>(scan.Files.Select(f => f.Source.FullPath), StringComparer.Ordinal);
        var roots = _options.Roots.Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r))).ToList();
        foreach (var (path, entry) in _known)
        {
            if (seen.Contains(path))
                continue;
            bool underRoot = roots.Any(r => path == r || path.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            if (!underRoot)
                continue;
            _writer.DeleteDocuments(new Term(Schema.Path, path));
            _summary.ArticlesRemoved += entry.Articles;
        }
    }

    private void MaybeCommit(Stopwatch clock)
    {
        long now = clock.ElapsedTicks;
        if (TimeSpan.FromTicks((long)((now - Interlocked.Read(ref _lastCommitTicks)) * (TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency))) < _options.CommitInterval)
            return;
        if (Interlocked.CompareExchange(ref _committing, 1, 0) != 0)
            return;
        try
        {
            _commitLock.EnterWriteLock();
            try
            {
                _writer.Commit();
            }
            finally
            {
                _commitLock.ExitWriteLock();
            }
            Interlocked.Exchange(ref _lastCommitTicks, clock.ElapsedTicks);
        }
        finally
        {
            Interlocked.Exchange(ref _committing, 0);
        }
    }

    private Timer? StartProgress(FileScanner.Result scan, Stopwatch clock)
    {
        if (_options.OnProgress is not { } report)
            return null;
        int total = scan.Files.Count;
        long bytes = scan.Files.Sum(f => f.Size);
        return new Timer(_ => report(new BuildProgress(Volatile.Read(ref _filesDone), total, Interlocked.Read(ref _bytesDone), bytes,
            Volatile.Read(ref _articles), clock.Elapsed)), null, 250, 250);
    }

    private static string Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
