using System.Runtime.ExceptionServices;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// Flushes the writer's in-memory segments on several threads at once, at the end of a build's
/// reading. Lucene.Net 4.8 flushes a full flush's segments (a commit's, a near-real-time
/// reader's) one after another on the thread that asked for it; an adding thread that comes by
/// meanwhile helps (an update first flushes any segment queued for flushing), but at the end of a
/// build no thread adds anything. So while one thread runs the full flush, the others each make an
/// update that adds nothing (<see cref="IndexWriter.AddDocuments"/> of no documents, which takes
/// the same way in) until it is over, and so flush a queued segment each. A build keeps one
/// in-memory segment per adding thread, so its last flush takes about one segment's time instead
/// of all of theirs. The segments written are the same: nothing is added or committed, and the
/// merges a flush may start are those the last commit's flush would have started.
/// </summary>
public static class ParallelFlush
{
    private static readonly IEnumerable<IEnumerable<IIndexableField>> NoDocuments = Array.Empty<IEnumerable<IIndexableField>>();

    /// <summary>Flushes everything the writer buffers, on <paramref name="threads"/> threads. A
    /// flush that fails throws as the writer's own flush would (the caller rolls back).</summary>
    public static void Run(IndexWriter writer, int threads)
    {
        // The writer never holds more in-memory segments than it has thread states (8 by default).
        threads = Math.Min(threads, writer.Config.MaxThreadStates);
        if (threads < 2)
        {
            writer.Flush(triggerMerge: true, applyAllDeletes: false);
            return;
        }
        using var done = new ManualResetEventSlim(false);
        var helpers = new Task[threads - 1];
        for (int i = 0; i < helpers.Length; i++)
            helpers[i] = Task.Factory.StartNew(() => Help(writer, done), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            writer.Flush(triggerMerge: true, applyAllDeletes: false);
        }
        finally
        {
            done.Set();
            // A helper's failure is a flush's failure; the flush's own, if any, is the one thrown.
            try
            {
                Task.WaitAll(helpers, CancellationToken.None);
            }
            catch (AggregateException) when (helpers.Any(h => h.IsFaulted))
            {
            }
        }
        if (helpers.FirstOrDefault(h => h.IsFaulted)?.Exception?.InnerException is { } failure)
            ExceptionDispatchInfo.Capture(failure).Throw();
    }

    /// <summary>Comes by the writer every millisecond until the flush is over: each visit flushes
    /// any segment then queued. The full flush queues them all at once, so the first visit after
    /// that takes one; the wait for it is at most a millisecond of a flush's hundreds.</summary>
    private static void Help(IndexWriter writer, ManualResetEventSlim done)
    {
        while (!done.IsSet)
        {
            writer.AddDocuments(NoDocuments);
            done.Wait(1);
        }
    }
}
