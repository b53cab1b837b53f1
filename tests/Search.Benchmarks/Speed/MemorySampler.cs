using System.Diagnostics;
using System.Globalization;

namespace Search.Benchmarks.Speed;

/// <summary>
/// For finding what a build's peak memory is made of (`SPEED_MEMLOG=FILE`): every 100 ms a line
/// with the seconds since the start, the resident set (anonymous and file pages, from
/// /proc/self/status), the managed heap as the last collection left it (size, fragmentation,
/// committed) and the bytes allocated since the start, and the collections so far. The heap size
/// right after a full blocking collection is what was live then; the resident set above the
/// committed heap is native memory (the runtime, the JIT, thread stacks).
/// </summary>
public sealed class MemorySampler : IDisposable
{
    private readonly StreamWriter _out;
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new(false);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private MemorySampler(string path)
    {
        _out = new StreamWriter(path) { AutoFlush = true };
        _out.WriteLine("s rss_mb anon_mb file_mb heap_mb frag_mb committed_mb promoted_mb last_gc_gen alloc_gb gen0 gen1 gen2");
        _thread = new Thread(Loop) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    /// <summary>A sampler when SPEED_MEMLOG names a file, else null.</summary>
    public static MemorySampler? FromEnvironment() =>
        Environment.GetEnvironmentVariable("SPEED_MEMLOG") is { Length: > 0 } path ? new MemorySampler(path) : null;

    private void Loop()
    {
        do
            Sample();
        while (!_stop.Wait(100));
        Sample();
    }

    private void Sample()
    {
        var (rss, anon, file) = Resident();
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        const double MB = 1 << 20;
        _out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{_clock.Elapsed.TotalSeconds:0.0} {rss / MB:0} {anon / MB:0} {file / MB:0} {info.HeapSizeBytes / MB:0} {info.FragmentedBytes / MB:0} {info.TotalCommittedBytes / MB:0} {info.PromotedBytes / MB:0} {info.Generation} {GC.GetTotalAllocatedBytes() / 1e9:0.00} {GC.CollectionCount(0)} {GC.CollectionCount(1)} {GC.CollectionCount(2)}"));
    }

    private static (long Rss, long Anon, long File) Resident()
    {
        long rss = 0, anon = 0, file = 0;
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                rss = Kb(line);
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                anon = Kb(line);
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
                file = Kb(line);
        }
        return (rss, anon, file);
    }

    private static long Kb(string line) =>
        long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;

    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        _out.Dispose();
        _stop.Dispose();
    }
}
