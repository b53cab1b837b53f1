namespace Search.Core.Ingest;

/// <summary>
/// Runs one file's extraction with a time limit. Extraction libraries cannot be cancelled, and a
/// few real pages take seconds (one took 22 s with SmartReader): past the limit the file is
/// reported as skipped and the build moves on; the abandoned work finishes on a pool thread and its
/// result is dropped.
/// </summary>
public static class TimeBox
{
    /// <summary>The result of <paramref name="work"/>, or null when it ran out of time.
    /// Exceptions from <paramref name="work"/> propagate.</summary>
    public static T? Run<T>(Func<T> work, TimeSpan limit) where T : class
    {
        if (limit == Timeout.InfiniteTimeSpan)
            return work();
        Task<T> task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try { task.Wait(limit); }
        catch (AggregateException) { } // rethrown unwrapped below
        if (!task.IsCompleted)
        {
            _ = task.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            return null;
        }
        return task.GetAwaiter().GetResult();
    }

    /// <summary>The reason given for a file that ran out of time.</summary>
    public static string Reason(TimeSpan limit) => $"timed out: extraction took longer than {limit.TotalSeconds:0.#} s";
}
