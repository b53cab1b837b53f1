using System.Collections.Concurrent;
using Search.Core.Ingest;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// The build's threads: readers (one per core) read files, enrich their articles and build Lucene
/// documents, in batches; as many adding threads take batches from a bounded queue and add them to
/// the one IndexWriter, which gives each adding thread its own in-memory segment. Even one large
/// CSV or JSON Lines file keeps every core busy. Lucene.Net 4.8 beta00017 scales with adding
/// threads once tiered PGO is off (the CLI turns it off).
/// </summary>
public static class BuildPipeline
{
    /// <summary>Runs every file through <paramref name="ingest"/>; false when cancelled part-way.</summary>
    public static bool Run(IReadOnlyList<FileScanner.ScannedFile> files, FileIngest ingest, int threads, CancellationToken cancel)
    {
        if (threads == 1)
        {
            // One thread does everything, in order: the baseline the parallel build is measured by.
            foreach (var file in files)
            {
                if (cancel.IsCancellationRequested || ingest.WorkerFailure != null)
                    return false;
                ingest.Read(file, ingest.Add);
            }
            return !cancel.IsCancellationRequested;
        }
        using var queue = new BlockingCollection<Batch>(boundedCapacity: threads * 4);
        var adders = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(() =>
        {
            foreach (var batch in queue.GetConsumingEnumerable())
                ingest.Add(batch);
        }, TaskCreationOptions.LongRunning)).ToArray();
        bool completed = true;
        try
        {
            // With many small files, reading and parsing (open, hash, decode, parse, enrich: about
            // 0.3 ms a file) is a large share of the work; readers wait on the bounded queue when
            // the adders are behind.
            Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel },
                (file, state) =>
                {
                    if (ingest.WorkerFailure != null)
                    {
                        state.Stop();
                        return;
                    }
                    ingest.Read(file, queue.Add);
                });
        }
        catch (OperationCanceledException)
        {
            completed = false;
        }
        finally
        {
            queue.CompleteAdding();
            // Not cancellable: the adders must have stopped before the pipeline returns.
            Task.WaitAll(adders, CancellationToken.None);
        }
        return completed && !cancel.IsCancellationRequested && ingest.WorkerFailure == null;
    }
}
