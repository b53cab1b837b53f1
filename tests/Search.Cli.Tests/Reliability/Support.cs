using System.Diagnostics;
using System.Text;
using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Reliability;

/// <summary>A temporary folder deleted when disposed.</summary>
internal sealed class Scratch : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "search-rel-" + Guid.NewGuid().ToString("N")[..12]);

    public Scratch() => Directory.CreateDirectory(Path);

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public string File(string relative, string content)
    {
        string full = Sub(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// Locates <c>../shared</c> (read-only corpora and tools beside the project root). A fresh clone has
/// none, so tests needing it are skipped with the reason. <c>SEARCH_SHARED</c> overrides the search.
/// </summary>
internal static class Shared
{
    public static readonly string? Root = Find();

    public const string SkipReason = "needs ../shared/tools/make-corpus.py beside the project root (present in CI, absent from a fresh clone)";

    public static string MakeCorpus => System.IO.Path.Combine(Root ?? throw new InvalidOperationException(SkipReason), "tools", "make-corpus.py");

    /// <summary>
    /// A make-corpus.py corpus of <paramref name="docs"/> articles, generated once per machine into
    /// the temp folder (generating takes a while) and renamed into place whole, so a run that dies
    /// half-way never leaves a partial corpus for the next. <paramref name="relativeOut"/> is where
    /// inside the folder make-corpus writes (null: the folder itself, as text files).
    /// </summary>
    public static string CachedCorpus(string name, int docs, string? relativeOut = null, params string[] extraArgs)
    {
        string final = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{name}-{docs}");
        if (Directory.Exists(final))
            return final;
        string partial = final + ".partial-" + Environment.ProcessId;
        if (relativeOut != null)
            Directory.CreateDirectory(partial);
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { MakeCorpus, "--docs", docs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--out", relativeOut == null ? partial : System.IO.Path.Combine(partial, relativeOut) }.Concat(extraArgs))
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException("make-corpus.py failed: " + err);
        try { Directory.Move(partial, final); }
        catch (IOException) when (Directory.Exists(final)) { Directory.Delete(partial, true); }
        return final;
    }

    private static string? Find()
    {
        string? env = Environment.GetEnvironmentVariable("SEARCH_SHARED");
        if (!string.IsNullOrEmpty(env) && File.Exists(System.IO.Path.Combine(env, "tools", "make-corpus.py")))
            return System.IO.Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (File.Exists(System.IO.Path.Combine(candidate, "tools", "make-corpus.py")))
                return candidate;
        }
        return null;
    }
}

/// <summary>A long fact that needs ../shared/tools/make-corpus.py (and python3): it runs with
/// SEARCH_LONG_TESTS=1 (.ci/run sets it) where the tool is present; skipped elsewhere, saying why.</summary>
public sealed class NeedsCorpusToolFactAttribute : FactAttribute
{
    public NeedsCorpusToolFactAttribute()
    {
        if (!Search.Tests.Support.LongTests.Enabled) Skip = Search.Tests.Support.LongTests.SkipReason;
        else if (Shared.Root == null) Skip = Shared.SkipReason;
    }
}

/// <summary>Runs the real CLI (<c>dotnet search.dll</c>) in a child process.</summary>
internal static class Cli
{
    /// <summary>search.dll as built beside the tests (the project reference copies it with its
    /// runtimeconfig and deps), else from src/Search.Cli/bin.</summary>
    public static readonly string Dll = FindDll();

    private static string FindDll()
    {
        string here = Path.Combine(AppContext.BaseDirectory, "search.dll");
        if (File.Exists(here) && File.Exists(Path.Combine(AppContext.BaseDirectory, "search.runtimeconfig.json")))
            return here;
        string config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        return Path.Combine(RepoPaths.Root, "src", "Search.Cli", "bin", config, "net10.0", "search.dll");
    }

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Dll);
        foreach (string a in args)
            psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment.Remove("SEARCH_INDEX");
        psi.Environment.Remove("SEARCH_DEBUG");
        return psi;
    }

    /// <summary>A running child whose output is collected in the background.</summary>
    public sealed class Child : IDisposable
    {
        private readonly StringBuilder _out = new(), _err = new();

        public Child(ProcessStartInfo psi)
        {
            Process = new Process { StartInfo = psi };
            Process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (_out) _out.AppendLine(e.Data); };
            Process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (_err) _err.AppendLine(e.Data); };
            Process.Start();
            Process.StandardInput.Close();
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
        }

        public Process Process { get; }
        public string Out { get { lock (_out) return _out.ToString(); } }
        public string Err { get { lock (_err) return _err.ToString(); } }
        public bool Exited => Process.HasExited;

        /// <summary>SIGKILL on Linux: no finalisers, no Dispose, no Lucene rollback.</summary>
        public void Kill()
        {
            try { Process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            Process.WaitForExit();
        }

        public int Wait(TimeSpan timeout)
        {
            if (!Process.WaitForExit(timeout))
            {
                Kill();
                throw new TimeoutException($"search did not finish in {timeout.TotalSeconds:F0} s; stderr: {Err}");
            }
            Process.WaitForExit(); // flush the async readers
            return Process.ExitCode;
        }

        public void Dispose()
        {
            if (!Process.HasExited)
                Kill();
            Process.Dispose();
        }
    }

    public static Child Start(params string[] args) => new(StartInfo(args));

    public static (int Code, string Out, string Err) Run(TimeSpan timeout, params string[] args)
    {
        using var child = Start(args);
        int code = child.Wait(timeout);
        return (code, child.Out, child.Err);
    }
}
