using Search.Core.Ingest;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// The build's threads: one worker per core, and each worker does whatever is there to do. It
/// adds a batch waiting in the queue (enriching its articles, building their documents and adding
/// them to the one IndexWriter) or, when none waits, reads and parses the next file into batches
/// for the queue. A reader that finds the queue full adds its own batch. So even one large CSV or
/// JSON Lines file keeps every core busy (its one reader only parses; the others add what it
/// reads), there are never more busy threads than cores, and the writer keeps one in-memory
/// segment per core, so a checkpoint commit flushes as few segments as there are cores. (Separate
/// reading and adding threads meant twice as many threads as cores, twice the segments per
/// checkpoint, and readers spinning on a full queue: an eighth of the CPU in a profile.)
/// Lucene.Net 4.8 beta00017 scales with adding threads once tiered PGO is off (the CLI turns it off).
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
        var work = new SharedWork(files, ingest, capacity: threads * 4, cancel);
        var workers = Enumerable.Range(0, threads)
            .Select(_ => Task.Factory.StartNew(work.Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        // Not cancellable: the workers must have stopped before the pipeline returns. A worker's
        // unexpected exception (a bug) stops the others and is rethrown here.
        try
        {
            Task.WaitAll(workers, CancellationToken.None);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return !cancel.IsCancellationRequested && ingest.WorkerFailure == null;
    }

    /// <summary>The files still to read and the batches read but not added, shared by the workers.</summary>
    private sealed class SharedWork(IReadOnlyList<FileScanner.ScannedFile> files, FileIngest ingest, int capacity, CancellationToken cancel)
    {
        private readonly Queue<Batch> _batches = new();
        private int _nextFile = -1;
        private int _reading;
        private bool _failed;

        public void Run()
        {
            try
            {
                while (true)
                {
                    if (TakeBatch() is { } batch)
                    {
                        ingest.Add(batch); // always, even when cancelled: a batch holds its file open
                        continue;
                    }
                    if (NextFile() is { } file)
                    {
                        try
                        {
                            ingest.Read(file, Send);
                        }
                        finally
                        {
                            lock (_batches)
                            {
                                _reading--;
                                Monitor.PulseAll(_batches);
                            }
                        }
                        continue;
                    }
                    lock (_batches)
                    {
                        // Nothing queued and no file left: done once no one is still reading.
                        if (_batches.Count > 0)
                            continue;
                        if (_reading == 0)
                            return;
                        Monitor.Wait(_batches, 100); // woken by a batch queued or a file done
                    }
                }
            }
            catch
            {
                lock (_batches)
                {
                    _failed = true;
                    Monitor.PulseAll(_batches);
                }
                throw;
            }
        }

        private Batch? TakeBatch()
        {
            lock (_batches)
                return _batches.Count > 0 ? _batches.Dequeue() : null;
        }

        private FileScanner.ScannedFile? NextFile()
        {
            lock (_batches)
            {
                if (_failed || cancel.IsCancellationRequested || ingest.WorkerFailure != null)
                    return null;
                if (_nextFile + 1 >= files.Count)
                    return null;
                _reading++;
                return files[++_nextFile];
            }
        }

        /// <summary>Queues a batch for any worker; when the queue is full, the reader adds it itself.</summary>
        private void Send(Batch batch)
        {
            lock (_batches)
            {
                if (_batches.Count < capacity)
                {
                    _batches.Enqueue(batch);
                    Monitor.Pulse(_batches);
                    return;
                }
            }
            ingest.Add(batch);
        }
    }
}
