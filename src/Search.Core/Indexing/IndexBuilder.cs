using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Search.Core.Enrich;
using Search.Core.Indexing.Analysis;
using Search.Core.Ingest;

namespace Search.Core.Indexing;

/// <summary>
/// Builds or updates an index from folders of articles: scan → read → enrich → add to the one
/// <see cref="IndexWriter"/>, committing in batches.
///
/// Pipeline: reader threads (one per core) read files, enrich their articles and build Lucene
/// documents, in batches; as many adding threads take batches from a bounded queue and add them
/// to the one IndexWriter, which gives each adding thread its own in-memory segment. Batches of one
/// file may be added out of order, so a record whose id repeats within a file is settled by its
/// position (the last one wins, as when reading in order; see <see cref="AddOrUpdate"/>). Even one
/// large CSV or JSON Lines file keeps every core busy.
///
/// Incremental: a file whose size and mtime match what the index recorded is skipped unread; one
/// whose content hash matches is skipped after hashing; a changed file has its old articles
/// deleted and its new ones added in the same commit; a file that is gone has its articles
/// removed. Crash-safe: a <see cref="CommitGate"/> keeps every commit whole-file, and the file states
/// that drive the next run are stored on the articles themselves. A build killed at any moment
/// leaves the last commit intact, and re-running it completes the work without duplicates.
/// </summary>
public sealed class IndexBuilder
{
    /// <summary>Files up to this size are read whole (and hashed from the same bytes) before the
    /// index is touched, so a file that fails half-way leaves its previous articles in place.
    /// Larger ones are streamed.</summary>
    private const long ReadWholeLimit = 16 << 20;

    /// <summary>Articles handed to a worker at a time.</summary>
    private const int BatchSize = 32;

    private readonly BuildOptions _options;
    private readonly BuildSummary _summary = new();
    private readonly object _summaryLock = new();
    private readonly CommitGate _gate = new();
    private IndexWriter _writer = null!;
    private Dictionary<string, IndexState.Entry> _known = new();
    private IndexSearcher _before = null!;
    /// <summary>True when the build started from an empty index: an id not seen before in this build
    /// is then added without the delete-by-id an update costs.</summary>
    private bool _fresh;
    /// <summary>Ids added in this build (64-bit hashes) and where their article stands: file number
    /// and position in the file. Path-derived ids of a single root are unique and not tracked.</summary>
    private readonly Dictionary<long, long> _seenIds = new();
    /// <summary>Held while one id is decided and handed to Lucene, so that two adding threads with
    /// the same id cannot interleave; striped, so different ids rarely wait for one another.</summary>
    private readonly object[] _idLocks = Enumerable.Range(0, 64).Select(_ => new object()).ToArray();
    private int _fileNumbers;
    private long _lastCommitTicks;
    private int _committing;
    private int _filesDone, _articles;
    private long _bytesDone;
    private Exception? _workerFailure;

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
        OpenWriter(dir, indexPath);
        try
        {
            // The index as it was when the build started: what files it holds, and (for changed
            // files) which ids they had, so the summary can say what was added, updated, removed.
            using var before = DirectoryReader.Open(_writer, applyAllDeletes: true);
            _before = new IndexSearcher(before);
            _known = _options.Rebuild ? new() : IndexState.Load(before);
            _fresh = _known.Count == 0;

            using (StartProgress(scan, clock))
            {
                _lastCommitTicks = clock.ElapsedTicks;
                _summary.Interrupted = !RunPipeline(scan, clock, cancel);
            }
            if (_workerFailure != null)
                throw new SearchException($"indexing failed: {_workerFailure.GetType().Name}: {IndexStore.FirstLine(_workerFailure.Message)}", 1, _workerFailure);
            if (!_summary.Interrupted)
                RemoveVanished(scan);
            if (_options.Duplicates) Duplicates.DuplicateClusterer.BeforeCommit(_writer); // HOOK (issue 14): cluster keys land in this commit
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

    /// <summary>Reads every file and indexes its articles; false when cancelled part-way.</summary>
    private bool RunPipeline(FileScanner.Result scan, Stopwatch clock, CancellationToken cancel)
    {
        int threads = _options.Threads > 0 ? _options.Threads : Environment.ProcessorCount;
        if (threads == 1)
        {
            // One thread does everything, in order: the baseline the parallel build is measured by.
            foreach (var file in scan.Files)
            {
                if (cancel.IsCancellationRequested)
                    return false;
                Produce(file, clock, Index);
            }
            return true;
        }
        using var queue = new BlockingCollection<Batch>(boundedCapacity: threads * 4);
        // As many adding threads as cores. Lucene.Net 4.8 beta00017 scales with them once tiered PGO
        // is off (the CLI turns it off; with it on, two adding threads took as long as one).
        var adders = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(() =>
        {
            foreach (var batch in queue.GetConsumingEnumerable())
                Index(batch);
        }, TaskCreationOptions.LongRunning)).ToArray();
        bool completed = true;
        try
        {
            // As many readers as cores: with many small files, reading and parsing (open, hash,
            // decode, parse, enrich: about 0.3 ms a file) is a large share of the work; readers wait
            // on the bounded queue when the writer is behind.
            Parallel.ForEach(scan.Files, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel },
                file => Produce(file, clock, queue.Add));
        }
        catch (OperationCanceledException)
        {
            completed = false;
        }
        finally
        {
            queue.CompleteAdding();
            Task.WaitAll(adders);
        }
        return completed;
    }

    /// <summary>One file's way through the pipeline: its state, and how many of its batches are
    /// still being indexed (plus one held by the reader until it has read the whole file).</summary>
    private sealed class FileWork(FileScanner.ScannedFile file, FileState state, IndexState.Entry? known, int number)
    {
        /// <summary>Distinguishes files in <see cref="_seenIds"/>.</summary>
        public int Number { get; } = number;
        public FileScanner.ScannedFile File { get; } = file;
        public FileState State { get; } = state;
        public IndexState.Entry? Known { get; } = known;
        public int Pending = 1;
        public int Added;
        public int Problems;
        public string? Failure;
        public HashSet<string>? OldIds;
        public ConcurrentBag<string>? NewIds;
    }

    /// <summary>Consecutive articles of one file; <paramref name="First"/> is the first one's position in it.</summary>
    private sealed record Batch(FileWork Work, int First, List<(Article Article, Lucene.Net.Documents.Document Doc)> Articles);

    /// <summary>Reads one file (or skips it) and hands its articles on in batches.</summary>
    private void Produce(FileScanner.ScannedFile file, Stopwatch clock, Action<Batch> send)
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
            byte[]? bytes = file.Size <= ReadWholeLimit ? File.ReadAllBytes(path) : null;
            string hash = Convert.ToHexStringLower(bytes != null ? SHA256.HashData(bytes) : HashStream(path));
            if (known != null && known.State.Hash == hash)
            {
                Unchanged(known);
                return;
            }
            var choice = bytes != null
                ? ReaderRegistry.Default.Resolve(path, bytes.AsSpan(0, (int)Math.Min(bytes.Length, TextDecoding.HeadSize)))
                : ReaderRegistry.Default.Resolve(file.Source);
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
            // Small files are parsed completely here, so read errors surface before the index is touched.
            IEnumerable<ReadItem> items = bytes != null
                ? Guarded(choice.Reader.Read(file.Source, TextDecoding.Decode(bytes, out _))).ToList()
                : Guarded(choice.Reader.Read(file.Source));
            Send(new FileWork(file, new FileState(hash, file.Size, file.MtimeTicks), known, Interlocked.Increment(ref _fileNumbers)), items, send);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ReaderFailedException)
        {
            Skip(file.Source.RelativePath, null, Reason(e));
        }
        finally
        {
            Interlocked.Increment(ref _filesDone);
            Interlocked.Add(ref _bytesDone, file.Size);
            MaybeCommit(clock);
        }
    }

    private void Send(FileWork work, IEnumerable<ReadItem> items, Action<Batch> send)
    {
        _gate.Enter();
        if (work.Known != null)
        {
            work.OldIds = IdsOf(work.File.Source.FullPath, work.Known.Articles);
            work.NewIds = new ConcurrentBag<string>();
            _writer.DeleteDocuments(new Term(Schema.Path, work.File.Source.FullPath));
        }
        try
        {
            var batch = new List<(Article, Lucene.Net.Documents.Document)>(BatchSize);
            int first = 0;
            string path = work.File.Source.FullPath;
            foreach (var item in items)
            {
                if (item.Problem is { } problem)
                {
                    Skip(work.File.Source.RelativePath, problem.Line == RecordProblem.WholeFile ? null : problem.Line, problem.Reason);
                    Interlocked.Increment(ref work.Problems);
                    continue;
                }
                var article = item.Article!;
                ArticleEnricher.Enrich(article, work.File.Source);
                batch.Add((article, ArticleDocument.Build(article, work.State, path, _options.Duplicates))); // HOOK (issue 14): duplicate fields
                if (batch.Count == BatchSize)
                {
                    Interlocked.Increment(ref work.Pending);
                    send(new Batch(work, first, batch));
                    first += batch.Count;
                    batch = new List<(Article, Lucene.Net.Documents.Document)>(BatchSize);
                }
            }
            if (batch.Count > 0)
            {
                Interlocked.Increment(ref work.Pending);
                send(new Batch(work, first, batch));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ReaderFailedException)
        {
            work.Failure = Reason(e); // a streamed file failed half-way: what was added is taken out at the end
        }
        finally
        {
            Release(work);
        }
    }

    /// <summary>Adds one batch (on an adding thread, or inline with one thread).</summary>
    private void Index(Batch batch)
    {
        var work = batch.Work;
        try
        {
            if (work.Failure != null || _workerFailure != null)
                return;
            for (int i = 0; i < batch.Articles.Count; i++)
            {
                var (article, doc) = batch.Articles[i];
                try
                {
                    AddOrUpdate(work, batch.First + i, article, doc);
                }
                catch (ArgumentException e)
                {
                    // Lucene refuses a document with a term or doc value over 32,766 bytes (a 40 KB
                    // id or author) by throwing; the writer stays usable and drops the document, so
                    // the record is reported instead of ending the build.
                    Skip(work.File.Source.RelativePath, article.Record != null ? article.Line : null, "rejected by the index: " + Rejection(e));
                    Interlocked.Increment(ref work.Problems);
                    continue;
                }
                work.NewIds?.Add(article.Id);
                Interlocked.Increment(ref work.Added);
                Interlocked.Increment(ref _articles);
            }
        }
        catch (Exception e)
        {
            // Not the input's fault (that is reported per record): stop the build, keep the last commit.
            Interlocked.CompareExchange(ref _workerFailure, e, null);
            work.Failure ??= "indexing failed";
        }
        finally
        {
            Release(work);
        }
    }

    /// <summary>
    /// Hands one article to Lucene. A fresh build adds an id it has not seen (no delete-by-id to
    /// pay); an incremental build updates, so an id that moved from another file replaces its old
    /// article. An id seen before in this build: a later record of the same file replaces it, an
    /// earlier one (its batch overtaken by a later batch on another thread) is dropped, so the
    /// last record wins as it would in file order. Across files, the one added last wins.
    /// </summary>
    private void AddOrUpdate(FileWork work, int position, Article article, Lucene.Net.Documents.Document doc)
    {
        var source = work.File.Source;
        bool pathDerived = _options.Roots.Count == 1 && (article.Id == source.RelativePath
            || (article.Id.StartsWith(source.RelativePath, StringComparison.Ordinal) && article.Id.Length > source.RelativePath.Length && article.Id[source.RelativePath.Length] == '#'));
        if (pathDerived)
        {
            // Unique by construction within this build.
            if (_fresh)
                _writer.AddDocument(doc);
            else
                _writer.UpdateDocument(new Term(Schema.Id, article.Id), doc);
            return;
        }
        long hash = ((long)StringComparer.Ordinal.GetHashCode(article.Id) << 32) | (uint)StringComparer.OrdinalIgnoreCase.GetHashCode(article.Id);
        long place = ((long)work.Number << 32) | (uint)position;
        lock (_idLocks[(int)((ulong)hash % (ulong)_idLocks.Length)])
        {
            bool seen;
            lock (_seenIds)
            {
                seen = _seenIds.TryGetValue(hash, out long before);
                // An earlier record of the same file, overtaken: the later one stays. (Ids are
                // compared by a 64-bit hash: two different ids of one file would have to collide,
                // odds about 1e-8 for a million ids, and arrive out of order to be mistaken.)
                if (seen && before >> 32 == work.Number && before > place)
                    return;
                _seenIds[hash] = place;
            }
            if (_fresh && !seen)
                _writer.AddDocument(doc);
            else
                _writer.UpdateDocument(new Term(Schema.Id, article.Id), doc);
        }
    }

    /// <summary>Drops one hold on a file; the last one out finishes the file.</summary>
    private void Release(FileWork work)
    {
        if (Interlocked.Decrement(ref work.Pending) == 0)
            Finish(work);
    }

    private void Finish(FileWork work)
    {
        try
        {
            if (work.Failure != null)
            {
                _writer.DeleteDocuments(new Term(Schema.Path, work.File.Source.FullPath));
                Skip(work.File.Source.RelativePath, null, work.Failure);
                return;
            }
            lock (_summaryLock)
            {
                if (work.Added == 0 && work.Problems == 0)
                    _summary.Skipped.Add(new SkippedItem(work.File.Source.RelativePath, null, "no articles found"));
                if (work.Added > 0)
                    _summary.FilesIndexed++;
                if (work.OldIds == null || work.NewIds == null)
                    _summary.ArticlesAdded += work.Added;
                else
                {
                    var newIds = work.NewIds.ToHashSet(StringComparer.Ordinal);
                    int kept = newIds.Count(work.OldIds.Contains);
                    _summary.ArticlesUpdated += kept;
                    _summary.ArticlesAdded += newIds.Count - kept;
                    _summary.ArticlesRemoved += work.OldIds.Count - kept;
                }
            }
        }
        finally
        {
            _gate.Exit();
        }
    }

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "file vanished during the build",
        _ => e.Message,
    };

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

    private void OpenWriter(Lucene.Net.Store.Directory dir, string indexPath)
    {
        var analysis = _options.Analysis ?? AnalysisSettings.Default;
        IndexStore.DiscardUnfinishedFirstCommit(dir, indexPath);
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
    }

    /// <summary>Ids the file had when the build started.</summary>
    private HashSet<string> IdsOf(string path, int articles)
    {
        var top = _before.Search(new TermQuery(new Term(Schema.Path, path)), Math.Max(1, articles));
        var fields = new HashSet<string> { Schema.Id };
        return top.ScoreDocs.Select(d => _before.Doc(d.Doc, fields).Get(Schema.Id)).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

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

    /// <summary>Commits when the interval has passed (called by readers between files).</summary>
    private void MaybeCommit(Stopwatch clock)
    {
        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastCommitTicks), clock.ElapsedTicks) < _options.CommitInterval)
            return;
        if (Interlocked.CompareExchange(ref _committing, 1, 0) != 0)
            return;
        try
        {
            _gate.Commit(() =>
            {
                if (_options.Duplicates) Duplicates.DuplicateClusterer.BeforeCommit(_writer); // HOOK (issue 14): cluster keys land in this commit
                _writer.Commit();
            });
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

    private static byte[] HashStream(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        return SHA256.HashData(stream);
    }
}
