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
        });
        double seconds = clock.Elapsed.TotalSeconds;
        string note = summary.Skipped.Count == 0 ? "" : $"{summary.Skipped.Count} skipped";
        return new IndexChildResult(summary.DocumentsInIndex, seconds, Measure.PeakWorkingSet(), Measure.SizeOnDisk(indexPath), note);
    }
}
