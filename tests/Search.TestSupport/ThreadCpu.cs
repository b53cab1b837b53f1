using System.Runtime.InteropServices;

namespace Search.Tests.Support;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), for timing stages of a
/// few milliseconds, or a test's time limit, on a machine shared by many processes: wall time there
/// mostly measures how often the thread was preempted, which falls hardest on the longest stage.
/// Elsewhere it falls back to wall time.
/// </summary>
public static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in this project for one blittable call
    private static extern int ClockGetTime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054

    private static readonly bool Available = OperatingSystem.IsLinux() && Probe();

    private static bool Probe()
    {
        try { return ClockGetTime(ClockThreadCpuTime, out _) == 0; }
        catch (DllNotFoundException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
    }

    /// <summary>Now, in milliseconds of this thread's CPU time (or of wall time where that is not available).</summary>
    public static double NowMs()
    {
        if (!Available)
            return System.Diagnostics.Stopwatch.GetTimestamp() * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
        if (ClockGetTime(ClockThreadCpuTime, out var t) != 0)
            return System.Diagnostics.Stopwatch.GetTimestamp() * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
        return t.Seconds * 1000.0 + t.Nanoseconds / 1e6;
    }
}
