using System.Diagnostics;
using System.Text;

namespace Search.Benchmarks.Speed;

/// <summary>
/// Start-up as a user meets it, with the Release build of the CLI (its apphost): wall-clock from
/// Process.Start to the first line of results of a one-shot `search query`, and to the console's
/// prompt. The prompt is only drawn on a terminal, so the console runs under `script` (a
/// pseudo-terminal) and the clock stops when "search>" appears; `script`'s own start-up, timed
/// the same way with `echo`, is reported beside it. The time for piped `:quit` to exit is an
/// upper bound that needs no terminal. Medians of several runs after one warm-up run.
/// </summary>
public static class StartupTimer
{
    private static readonly string[] ScriptEcho = ["-qfec", "echo search\\>", "/dev/null"];

    private const int Runs = 10;

    /// <summary>Publishes the CLI as README's install section does (Release, ReadyToRun, for this
    /// machine's runtime) into <paramref name="work"/> and returns its apphost path.</summary>
    public static string BuildCli(string work)
    {
        string project = Path.Combine(RepoPaths.Root, "src", "Search.Cli", "Search.Cli.csproj");
        string output = Path.Combine(work, "cli");
        Log.Step("publishing the CLI (Release, ReadyToRun) for start-up timing");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (string a in new[] { "publish", project, "-c", "Release", "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "-o", output, "-nologo", "-v", "quiet" })
            start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet build");
        string log = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException("publishing the CLI failed:\n" + log);
        string cli = Path.Combine(output, "search");
        return File.Exists(cli) ? cli : throw new InvalidOperationException($"no CLI at {cli} after the build");
    }

    public static List<StartupTiming> Run(string cli, string index, string query)
    {
        var results = new List<StartupTiming>();
        string[] queryArgs = { "query", query, "--index", index };
        results.Add(Repeat("`search query` → first result line", $"search query {query}", () => TimeToFirstLine(cli, queryArgs, null).FirstLine));
        results.Add(Repeat("`search query` → exit", $"search query {query}", () => TimeToFirstLine(cli, queryArgs, null).Exit));
        string consoleCommand = $"{Quote(cli)} console --index {Quote(index)}";
        results.Add(Repeat("console → prompt (in a pty)", "script -qfec 'search console'", () => TimeToText("script", new[] { "-qfec", consoleCommand, "/dev/null" }, "search>")));
        results.Add(Repeat("  pty overhead (`script` + echo)", "script -qfec 'echo search>'", () => TimeToText("script", ScriptEcho, "search>")));
        results.Add(Repeat("console, piped `:quit` → exit", "printf ':quit\\n' | search console", () => TimeToFirstLine(cli, new[] { "console", "--index", index }, ":quit\n").Exit));
        return results;
    }

    private static StartupTiming Repeat(string what, string command, Func<double> once)
    {
        once(); // warm-up: disk cache, like a user's second run
        var times = Enumerable.Range(0, Runs).Select(_ => once()).Order().ToList();
        return new StartupTiming(what, command, Runs, Measure.Percentile(times, 0.5), times[0], times[^1]);
    }

    private static (double FirstLine, double Exit) TimeToFirstLine(string exe, string[] args, string? input)
    {
        var start = new ProcessStartInfo(exe)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (string a in args)
            start.ArgumentList.Add(a);
        long t0 = Stopwatch.GetTimestamp();
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {exe}");
        if (input != null)
            p.StandardInput.Write(input);
        p.StandardInput.Close();
        var stderr = p.StandardError.ReadToEndAsync();
        double first = double.NaN;
        while (p.StandardOutput.ReadLine() is { } line)
            if (double.IsNaN(first) && line.Trim().Length > 0)
                first = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        p.WaitForExit();
        double exit = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{exe} {string.Join(' ', args)} exited with {p.ExitCode}: {stderr.Result}");
        return (first, exit);
    }

    /// <summary>Time until <paramref name="marker"/> appears on stdout; then the process tree is ended.</summary>
    private static double TimeToText(string exe, string[] args, string marker)
    {
        var start = new ProcessStartInfo(exe) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (string a in args)
            start.ArgumentList.Add(a);
        start.Environment["TERM"] = "xterm";
        long t0 = Stopwatch.GetTimestamp();
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {exe}");
        var seen = new StringBuilder();
        var buffer = new char[4096];
        double found = double.NaN;
        var deadline = TimeSpan.FromSeconds(30);
        while (Stopwatch.GetElapsedTime(t0) < deadline)
        {
            var read = p.StandardOutput.ReadAsync(buffer, 0, buffer.Length);
            if (!read.Wait(deadline) || read.Result == 0)
                break;
            seen.Append(buffer, 0, read.Result);
            if (seen.ToString().Contains(marker, StringComparison.Ordinal))
            {
                found = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                break;
            }
        }
        if (!p.HasExited)
            p.Kill(entireProcessTree: true);
        p.WaitForExit();
        return double.IsNaN(found) ? throw new InvalidOperationException($"no '{marker}' from {exe} {string.Join(' ', args)}; output: {seen}") : found;
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
