using System.Globalization;

namespace Search.Benchmarks.Speed;

/// <summary>Progress lines go to stderr; the report goes to stdout.</summary>
public static class Log
{
    private static readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();

    public static void Step(string message) => Console.Error.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {message}");
}

/// <summary>Process and disk measurements.</summary>
public static class Measure
{
    /// <summary>Peak resident set (VmHWM) of this process so far, in bytes.</summary>
    public static long PeakWorkingSet()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;
    }

    public static long SizeOnDisk(string path) =>
        File.Exists(path) ? new FileInfo(path).Length
        : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
        : 0;

    public static void Delete(string path)
    {
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
        else if (File.Exists(path))
            File.Delete(path);
    }

    /// <summary>The q-quantile (0..1) of sorted samples, nearest-rank.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>Number formatting for the report (invariant culture).</summary>
public static class Formats
{
    public static string Count(int n) => n switch
    {
        >= 1_000_000 when n % 1_000_000 == 0 => $"{n / 1_000_000}M",
        >= 1_000 when n % 1_000 == 0 => $"{n / 1_000}k",
        _ => n.ToString("N0", CultureInfo.InvariantCulture),
    };

    public static string N(double v, int decimals = 0) => double.IsNaN(v) ? "n/a" : v.ToString("N" + decimals, CultureInfo.InvariantCulture);

    public static string Mb(long bytes) => N(bytes / 1048576.0, bytes < 10 * 1048576L ? 1 : 0);

    public static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms < 10 ? N(ms, 2) : ms < 100 ? N(ms, 1) : N(ms, 0);

    public static string Ratio(double r) => double.IsNaN(r) || double.IsInfinity(r) ? "n/a" : r.ToString(r < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + "×";
}
