using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Search.Benchmarks.Speed;

/// <summary>What the numbers were measured on, and at which commit.</summary>
public sealed record MachineInfo(string Cpu, int Cores, long RamBytes, string Os, string Runtime)
{
    public static MachineInfo Current() => new(CpuModel(), Environment.ProcessorCount, MemTotal(), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);

    public override string ToString() =>
        $"{Cpu}, {Cores} cores, {Formats.N(RamBytes / 1073741824.0, 1)} GB RAM, {Os}, {Runtime}";

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException) { return RuntimeInformation.ProcessArchitecture.ToString(); }
    }

    private static long MemTotal()
    {
        try
        {
            string? line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return line == null ? 0 : long.Parse(line[9..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { return 0; }
    }

    /// <summary>Short commit of the repository, "+dirty" when the work tree has changes.</summary>
    public static string Commit()
    {
        string head = Git("rev-parse", "--short", "HEAD").Trim();
        return Git("status", "--porcelain", "--untracked-files=no").Trim().Length > 0 ? head + "+dirty" : head;
    }

    private static string Git(params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
            foreach (string a in args)
                start.ArgumentList.Add(a);
            using var p = Process.Start(start)!;
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? output : "unknown";
        }
        catch (System.ComponentModel.Win32Exception) { return "unknown"; }
    }
}
