using System.Diagnostics;
using Search.Core.Indexing;
using Search.Core.Indexing.Writing;

namespace Search.Benchmarks.Speed;

/// <summary>Our indexing path, exactly as `search index PATH --index DIR --rebuild [--threads N]`
/// runs it: <see cref="IndexBuilder.Build"/> with the default options (256 MB RAM buffer, a
/// checkpoint after every 32 MB of text).</summary>
public static class OursIndexer
{
    /// <param name="duplicates">False: without near-duplicate clustering, to report what it costs.</param>
    public static IndexChildResult Index(string corpusRoot, string indexPath, int threads, bool duplicates = true)
    {
        Measure.Delete(indexPath);
        using var sampler = MemorySampler.FromEnvironment(); // SPEED_MEMLOG=FILE: what the peak is made of
        var clock = Stopwatch.StartNew();
        DuplicateClusterer.Report? clustering = null;
        var defaults = new BuildOptions { Roots = Array.Empty<string>(), IndexPath = "" };
        var summary = IndexBuilder.Build(new BuildOptions
        {
            Roots = new[] { corpusRoot },
            IndexPath = indexPath,
            Rebuild = true,
            Threads = threads,
            Duplicates = duplicates,
            // For experiments only (the benchmark reports the defaults): SPEED_RAM_MB=64,
            // SPEED_COMMIT_MB=16 (checkpoints after every 16 MB of text; 0: by time alone),
            // SPEED_COMMIT_SECONDS=600 (the time bound; with SPEED_COMMIT_MB=0, one commit at the end).
            RamBufferMB = Number("SPEED_RAM_MB") ?? defaults.RamBufferMB,
            CommitTextMB = Number("SPEED_COMMIT_MB") ?? defaults.CommitTextMB,
            CommitInterval = Number("SPEED_COMMIT_SECONDS") is { } every ? TimeSpan.FromSeconds(every) : defaults.CommitInterval,
            AfterClustering = r => clustering = r,
        });
        double seconds = clock.Elapsed.TotalSeconds;
        if (Environment.GetEnvironmentVariable("SPEED_GC") == "1")
            Console.Error.WriteLine($"gc: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen0/1/2), paused {GC.GetTotalPauseDuration().TotalSeconds:0.00} s, allocated {GC.GetTotalAllocatedBytes() / 1e9:0.0} GB, lock contentions {System.Threading.Monitor.LockContentionCount}, cpu {Environment.CpuUsage.TotalTime.TotalSeconds:0.0} s");
        if (Environment.GetEnvironmentVariable("SPEED_GC") == "1" && clustering != null)
            Console.Error.WriteLine($"clustering: {clustering.Looked} looked at, {clustering.Joined} joined, {clustering.KeysWritten} keys written, {clustering.Took.TotalSeconds:0.00} s");
        string note = summary.Skipped.Count == 0 ? "" : $"{summary.Skipped.Count} skipped";
        return new IndexChildResult(summary.DocumentsInIndex, seconds, Measure.PeakWorkingSet(), Measure.SizeOnDisk(indexPath), note);
    }

    private static double? Number(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { } value ? double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}
