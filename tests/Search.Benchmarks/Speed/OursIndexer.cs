using System.Diagnostics;
using Search.Core.Indexing;

namespace Search.Benchmarks.Speed;

/// <summary>Our indexing path, exactly as `search index PATH --index DIR --rebuild [--threads N]`
/// runs it: <see cref="IndexBuilder.Build"/> with the default options (256 MB RAM buffer).</summary>
public static class OursIndexer
{
    /// <param name="duplicates">False: without near-duplicate clustering, to report what it costs.</param>
    public static IndexChildResult Index(string corpusRoot, string indexPath, int threads, bool duplicates = true)
    {
        Measure.Delete(indexPath);
        var clock = Stopwatch.StartNew();
        var summary = IndexBuilder.Build(new BuildOptions
        {
            Roots = new[] { corpusRoot },
            IndexPath = indexPath,
            Rebuild = true,
            Threads = threads,
            Duplicates = duplicates,
            // For experiments only (the benchmark reports the default): SPEED_RAM_MB=64.
            RamBufferMB = Environment.GetEnvironmentVariable("SPEED_RAM_MB") is { } ram ? double.Parse(ram, System.Globalization.CultureInfo.InvariantCulture) : 256,
            // Also for experiments: SPEED_COMMIT_SECONDS=600 takes the checkpoints out, whose number
            // follows wall time (a loaded machine makes more of them, hence more flushes and merges).
            CommitInterval = Environment.GetEnvironmentVariable("SPEED_COMMIT_SECONDS") is { } every
                ? TimeSpan.FromSeconds(double.Parse(every, System.Globalization.CultureInfo.InvariantCulture)) : TimeSpan.FromSeconds(10),
        });
        double seconds = clock.Elapsed.TotalSeconds;
        if (Environment.GetEnvironmentVariable("SPEED_GC") == "1")
            Console.Error.WriteLine($"gc: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen0/1/2), paused {GC.GetTotalPauseDuration().TotalSeconds:0.00} s, allocated {GC.GetTotalAllocatedBytes() / 1e9:0.0} GB, cpu {Environment.CpuUsage.TotalTime.TotalSeconds:0.0} s");
        string note = summary.Skipped.Count == 0 ? "" : $"{summary.Skipped.Count} skipped";
        return new IndexChildResult(summary.DocumentsInIndex, seconds, Measure.PeakWorkingSet(), Measure.SizeOnDisk(indexPath), note);
    }
}
