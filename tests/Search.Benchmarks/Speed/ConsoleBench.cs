using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Search.Benchmarks.Speed;

/// <summary>One query kind in the console, end to end, against a bare plain Lucene.Net search.</summary>
/// <remarks>The ratios are the median of the rounds' own ratios, each round's console time over the
/// bare search timed in that round, so they need not equal the medians' quotient.</remarks>
public sealed record ConsoleTiming(string Type, string Query, int Queries, double WallMs, double CpuMs, double LuceneWallMs, double LuceneCpuMs,
    double WallRatio, double CpuRatio);

/// <summary>
/// The console as a script uses it: <c>search console</c> with N queries of one kind piped in and
/// its output (rendered results, facet panel) read from a pipe. Per query = (time for 2N queries −
/// time for N) ÷ N, so start-up, the first query's warm-up and the exit drop out. Timed as wall
/// clock and as the process's CPU time (user + system, from the children's rusage). The peer is a
/// bare plain Lucene.Net search of the same words (<see cref="LuceneBaseline.Searcher"/>: parse,
/// top 10, stored titles), warm, in this process: its p50 wall and CPU time. Each of
/// <see cref="Rounds"/> rounds runs N, then the peer, then 2N, and gives its own ratio; the
/// report is the median of each.
/// </summary>
public static class ConsoleBench
{
    public const int Rounds = 5;

    public static List<ConsoleTiming> Run(string cli, string oursIndex, string luceneIndex, int queries)
    {
        using var lucene = new LuceneBaseline.Searcher(luceneIndex);
        var results = new List<ConsoleTiming>();
        foreach (var c in QueryMix.All.Where(c => c.Lucene != null && c.Ours.Facets.Count == 0 && c.Ours.Filters.Count == 0))
        {
            Log.Step($"  console: {c.Type}");
            var rounds = new List<(double Wall, double Cpu, double LuceneWall, double LuceneCpu)>();
            for (int r = 0; r < Rounds; r++)
            {
                // The bare search is timed in every round, between the console's runs, so a machine
                // that slows down or speeds up during the run moves both sides of a round's ratio.
                var single = Pipe(cli, oursIndex, c.Ours.Query, queries);
                var (luceneWall, luceneCpu) = Bare(lucene, c.Lucene!, Math.Max(100, queries));
                var twice = Pipe(cli, oursIndex, c.Ours.Query, 2 * queries);
                rounds.Add(((twice.Wall - single.Wall) / queries, (twice.Cpu - single.Cpu) / queries, luceneWall, luceneCpu));
            }
            results.Add(new ConsoleTiming(c.Type, c.Ours.Query, queries,
                Median(rounds.Select(x => x.Wall)), Median(rounds.Select(x => x.Cpu)),
                Median(rounds.Select(x => x.LuceneWall)), Median(rounds.Select(x => x.LuceneCpu)),
                Median(rounds.Select(x => x.Wall / x.LuceneWall)), Median(rounds.Select(x => x.Cpu / x.LuceneCpu))));
        }
        return results;
    }

    /// <summary>Wall and CPU ms of one console run answering <paramref name="query"/> <paramref name="count"/> times.</summary>
    private static (double Wall, double Cpu) Pipe(string cli, string index, string query, int count)
    {
        bool dll = cli.EndsWith(".dll", StringComparison.Ordinal);
        var start = new ProcessStartInfo(dll ? "dotnet" : cli)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (dll)
            start.ArgumentList.Add(cli);
        foreach (string a in new[] { "console", "--index", index })
            start.ArgumentList.Add(a);
        double cpu0 = ChildrenCpuMs();
        long t0 = Stopwatch.GetTimestamp();
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {cli}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        for (int i = 0; i < count; i++)
            p.StandardInput.WriteLine(query);
        p.StandardInput.Close();
        p.WaitForExit();
        double wall = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        double cpu = ChildrenCpuMs() - cpu0;
        if (p.ExitCode != 0 || stdout.Result.Length == 0)
            throw new InvalidOperationException($"the console failed on '{query}' (exit {p.ExitCode}): {stderr.Result}");
        return (wall, cpu);
    }

    private static (double Wall, double Cpu) Bare(LuceneBaseline.Searcher lucene, string query, int samples)
    {
        // Warm enough for the JIT's optimised tier (a method is recompiled after 30 calls).
        for (int i = 0; i < 200; i++)
            lucene.Search(query, out _);
        var walls = new List<double>();
        var cpus = new List<double>();
        for (int i = 0; i < samples; i++)
        {
            double c0 = ThreadCpu.NowMs();
            long t0 = Stopwatch.GetTimestamp();
            lucene.Search(query, out _);
            walls.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            cpus.Add(ThreadCpu.NowMs() - c0);
        }
        return (Median(walls), Median(cpus));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return Measure.Percentile(sorted, 0.5);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeVal
    {
        public long Seconds;
        public long Microseconds;
    }

    /// <summary>The head of <c>struct rusage</c>: user and system time (the rest is not read).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public TimeVal User;
        public TimeVal System;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    private const int RusageChildren = -1;

    [DllImport("libc", EntryPoint = "getrusage")]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in this project for one call
    private static extern int GetRUsage(int who, out RUsage usage);
#pragma warning restore SYSLIB1054

    /// <summary>User + system CPU ms of every child this process has waited for.</summary>
    private static double ChildrenCpuMs()
    {
        if (!OperatingSystem.IsLinux() || GetRUsage(RusageChildren, out var u) != 0)
            return double.NaN;
        return (u.User.Seconds + u.System.Seconds) * 1000.0 + (u.User.Microseconds + u.System.Microseconds) / 1000.0;
    }
}
