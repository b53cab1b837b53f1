using Search.Core.Enrich;
using Search.Core.Ingest;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// One file's way through a build: skip it if unchanged, read it (small files whole, so their
/// errors surface before the index is touched; big ones streamed) and hand its articles on in
/// batches; on the adding side, enrich each article, build its document and write the record
/// (<see cref="RecordWriter"/>);
/// and when the last batch is in, finish the file (records gone from it deleted, its state set)
/// or, if it stopped part-way, leave it listed as unfinished so the next build reads it again.
/// </summary>
public sealed class FileIngest(
    BuildOptions options,
    ChangeDetector changes,
    RecordWriter records,
    Checkpointer checkpoints,
    BuildAccounting accounting,
    IndexWriter writer,
    long buildNumber,
    CancellationToken cancel)
{
    /// <summary>Records handed to an adding thread at a time.</summary>
    private const int BatchSize = 32;

    private Exception? _workerFailure;

    /// <summary>An error of the index itself (not of the input) met while adding: the build stops
    /// and rolls back to its last commit.</summary>
    public Exception? WorkerFailure => Volatile.Read(ref _workerFailure);

    /// <summary>Reads one file (or skips it) and hands its records on in batches.</summary>
    public void Read(FileScanner.ScannedFile file, Action<Batch> send)
    {
        string path = file.Source.FullPath;
        long uncounted = file.Size;
        try
        {
            if (changes.UnchangedBySizeAndDate(file, out var known))
            {
                accounting.Unchanged(known!.Articles);
                return;
            }
            byte[]? head = null;
            if (known == null && file.Size > TextDecoding.HeadSize)
            {
                // A file the index never held: its head says whether any reader takes it, so a big
                // image or archive is ignored without being read whole.
                head = TextDecoding.ReadHead(path);
                accounting.Read(head.Length);
                if (ReaderRegistry.Default.Resolve(path, head).Disposition == FileDisposition.Ignored)
                {
                    accounting.Ignored(file.Source.RelativePath);
                    uncounted -= head.Length;
                    return;
                }
            }
            byte[]? bytes = null;
            if (file.Size <= options.ReadWholeLimit)
            {
                // A file of 0 bytes is not opened: an empty file has nothing to read, and a named
                // pipe, socket or device (which say 0 bytes) would stop the build waiting for a
                // writer, or never end.
                bytes = file.Size == 0 ? [] : head == null ? File.ReadAllBytes(path) : ReadRest(path, head);
                accounting.Read(bytes.Length - (head?.Length ?? 0));
                uncounted = 0;
            }
            else if (head != null)
                uncounted -= head.Length;
            string hash = "";
            if (bytes != null)
            {
                hash = ChangeDetector.Hash(bytes);
                if (changes.UnchangedByHash(path, known, hash))
                {
                    // Touched but not changed: record its new date so the next run skips it unread.
                    var state = new FileState(hash, file.Size, file.MtimeTicks);
                    checkpoints.FileFinished(path, () => writer.UpdateBinaryDocValue(new Term(Schema.Path, path), Schema.FileState, new BytesRef(state.ToString())));
                    accounting.Unchanged(known!.Articles);
                    return;
                }
            }
            accounting.Rereading(path); // what this read finds replaces what the index recorded of it
            var choice = bytes != null
                ? ReaderRegistry.Default.Resolve(path, bytes.AsSpan(0, (int)Math.Min(bytes.Length, TextDecoding.HeadSize)))
                : head != null ? ReaderRegistry.Default.Resolve(path, head) : ReaderRegistry.Default.Resolve(file.Source);
            if (choice.Disposition == FileDisposition.Ignored)
            {
                accounting.Ignored(file.Source.RelativePath);
                return;
            }
            if (choice.Reader == null)
            {
                accounting.Skip(file.Source.RelativePath, null, (choice.Reason ?? "unreadable") + Kept(known), path);
                return;
            }
            if (options.Csv != null)
                file = file with { Source = file.Source with { Csv = options.Csv } };
            var work = new FileWork(file, new FileState(hash, file.Size, file.MtimeTicks), known, changes.RecordsOf(path));
            IEnumerable<ReadItem> items;
            if (bytes != null && !choice.Gzipped)
                items = choice.Reader is IBinaryArticleReader binary
                    ? binary.Read(file.Source, bytes) // web pages, PDFs: bytes, never sniffed as text
                    : choice.Reader.Read(file.Source, TextDecoding.Decode(bytes, out _));
            else
                // Streamed (a big file, or a gzipped one, which may expand to any size): progress counts
                // the bytes as the reader reads them, unless they were read whole and counted above.
                items = choice.Reader.Read(file.Source with
                {
                    Gzipped = choice.Gzipped,
                    OnRead = bytes != null ? null : n => { accounting.Read(n); Interlocked.Add(ref work.BytesCounted, n); },
                });
            if (options.WrapItems != null)
                items = options.WrapItems(file.Source, items);
            items = Guarded(items);
            if (bytes != null && !choice.Gzipped)
                items = items.ToList(); // small files: read errors surface before the index is touched (a gzipped one may expand to any size: streamed)
            Send(work, items, send);
            if (bytes == null)
            {
                long counted = Interlocked.Read(ref work.BytesCounted);
                if (counted == 0 && work.Failure == null)
                {
                    // A reader that takes its file whole (one big text, page or PDF) does not count
                    // as it reads, and the summary's "MB read" left out a 50 MB article: the file
                    // was read all the same.
                    accounting.Read(Math.Max(0, file.Size - (head?.Length ?? 0)));
                    uncounted = 0;
                }
                else
                    uncounted = Math.Max(0, file.Size - counted);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ReaderFailedException)
        {
            // Nothing of the file reached the writer (small files are parsed before; a streamed
            // file's failures part-way are caught in Send): what the index held of it stays.
            accounting.Rereading(path);
            accounting.Skip(file.Source.RelativePath, null, Reason(e), path);
        }
        finally
        {
            accounting.FileDone(Math.Max(0, uncounted));
        }
    }

    private void Send(FileWork work, IEnumerable<ReadItem> items, Action<Batch> send)
    {
        checkpoints.FileStarted(work.Path);
        try
        {
            var batch = new List<Article>(BatchSize);
            int first = 0;
            void Flush()
            {
                Interlocked.Increment(ref work.Pending);
                send(new Batch(work, first, batch));
                first += batch.Count;
                batch = new List<Article>(BatchSize);
            }
            try
            {
                foreach (var item in items)
                {
                    if (cancel.IsCancellationRequested)
                    {
                        work.Failure ??= Interrupted;
                        break;
                    }
                    if (item.Problem is { } problem)
                    {
                        Problem(work, problem.Line == RecordProblem.WholeFile ? null : problem.Line, problem.Reason);
                        continue;
                    }
                    batch.Add(item.Article!);
                    if (batch.Count == BatchSize)
                        Flush();
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ReaderFailedException)
            {
                work.Failure = Reason(e); // a streamed file failed part-way: it stays unfinished
            }
            if (batch.Count > 0)
                Flush(); // what was read before a failure or Ctrl-C is good: keep it
        }
        finally
        {
            Release(work);
        }
    }

    private const string Interrupted = "interrupted";

    /// <summary>Adds one batch (on an adding thread, or inline with one thread).</summary>
    public void Add(Batch batch)
    {
        var work = batch.Work;
        try
        {
            if (WorkerFailure != null)
                return;
            for (int i = 0; i < batch.Articles.Count; i++)
            {
                var article = batch.Articles[i];
                try
                {
                    // Here rather than on the reading thread: one big file has one reader, and
                    // this is most of the work before the writer (the fingerprint above all).
                    UInt128 hash = RecordHash.Of(article); // of the record as read, before enrichment
                    if (!string.IsNullOrWhiteSpace(article.Published) && DateParsing.ToIsoDate(article.Published, options.DateOrder) == null)
                    {
                        if (options.DateOrder == DateOrder.Unknown && DateParsing.IsAmbiguous(article.Published))
                            accounting.AmbiguousDate(article.Published);
                        else
                            accounting.UnreadDate(article.Published);
                    }
                    ArticleEnricher.Enrich(article, work.Source, options.DateOrder);
                    var doc = ArticleDocument.Build(article, work.State, work.Path, hash, options.Duplicates);
                    if (options.Duplicates)
                        DuplicateFields.AddBuild(doc, buildNumber);
                    if (records.Write(work, batch.First + i, article, doc, hash))
                        checkpoints.Written(article.Title.Length + article.Body.Length);
                }
                catch (ArgumentException e)
                {
                    // Lucene refuses a document with a term or doc value over 32,766 bytes (a 40 KB
                    // id or author) by throwing; the writer stays usable and drops the document, so
                    // the record is reported instead of ending the build.
                    Problem(work, article.Record != null ? article.Line : null, "rejected by the index: " + Rejection(e));
                }
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

    /// <summary>Drops one hold on a file; the last one out finishes the file. A failure of the
    /// index while finishing stops the build like one while adding (never escapes a thread).</summary>
    private void Release(FileWork work)
    {
        if (Interlocked.Decrement(ref work.Pending) != 0)
            return;
        try
        {
            Finish(work);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _workerFailure, e, null);
        }
    }

    private void Finish(FileWork work)
    {
        string rel = work.Source.RelativePath;
        string? whole = work.WholeFileProblem;
        if (work.Failure != null || WorkerFailure != null)
        {
            if (whole != null)
                accounting.Skip(rel, null, whole, work.Path);
            checkpoints.FileAbandoned(work.Path, work.Touched);
            if (work.Touched || work.Added + work.Updated > 0)
                accounting.FileUnfinished(rel, work.Added, work.Updated, work.Unchanged);
            if (work.Failure is { } failure && failure != Interrupted)
                accounting.Skip(rel, null, work.Touched
                    ? $"{failure} (stopped part-way; what was read is indexed, and the file is read again next time)"
                    : failure, work.Path);
            return;
        }
        int articles = work.Added + work.Updated + work.Unchanged;
        if (articles == 0 && work.Problems > 0 && work.Known != null)
        {
            // Not one record read: a broken export or a file cut short, far likelier than an
            // archive emptied on purpose. Its articles stay, as for a file that turned empty or
            // unreadable, until it reads again (its old state makes the next build read it).
            checkpoints.FileFinished(work.Path, () => { });
            accounting.Skip(rel, null, (whole ?? NoArticles(work.Problems)) + Kept(work.Known), work.Path);
            accounting.FileRead(0, 0, 0, 0, anyArticle: false);
            return;
        }
        int removed = 0;
        checkpoints.FileFinished(work.Path, () =>
        {
            removed = records.RemoveVanishedRecords(work);
            // Articles left unchanged still carry the file's previous state: set the new one on all.
            if (work.Known != null)
                writer.UpdateBinaryDocValue(new Term(Schema.Path, work.Path), Schema.FileState, new BytesRef(work.State.ToString()));
        });
        if (whole != null || articles == 0)
            // A file none of whose records could be read is skipped as a whole (its bad records are
            // listed after it), so the summary's files add up to those scanned.
            accounting.Skip(rel, null, whole ?? NoArticles(work.Problems), work.Path);
        accounting.FileRead(work.Added, work.Updated, work.Unchanged, removed, articles > 0);
    }

    /// <summary>A record (<paramref name="line"/>) or the file as a whole (null) not indexed. The
    /// first problem of the whole file waits for <see cref="Finish"/>.</summary>
    private void Problem(FileWork work, int? line, string reason)
    {
        Interlocked.Increment(ref work.Problems);
        if (line == null && Interlocked.CompareExchange(ref work.WholeFileProblem, reason, null) == null)
            return;
        accounting.Skip(work.Source.RelativePath, line, reason, work.Path);
    }

    private static string NoArticles(int badRecords) => badRecords switch
    {
        0 => "no articles found",
        1 => "no articles: its only record is bad (below)",
        int n => $"no articles: all {n} of its records are bad (below)",
    };

    /// <summary>What a skipped file that the index held still has in it.</summary>
    private static string Kept(IndexState.Entry? known) => known is { Articles: > 0 } k
        ? $"; the index keeps the {(k.Articles == 1 ? "article" : $"{k.Articles} articles")} it had from it"
        : "";

    /// <summary>The whole file, its first bytes already read as <paramref name="head"/>: the rest
    /// is read after them, not the head again.</summary>
    private static byte[] ReadRest(string path, byte[] head)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        stream.Position = head.Length;
        using var whole = new MemoryStream((int)Math.Max(head.Length, stream.Length));
        whole.Write(head);
        stream.CopyTo(whole);
        return whole.ToArray();
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
        : Exception($"could not be read ({IndexStore.Brief(inner)})", inner);
}
