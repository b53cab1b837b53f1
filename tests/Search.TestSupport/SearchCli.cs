using System.Diagnostics;
using System.Text;
using Search.Cli;
using Search.Cli.Rendering;
using Xunit;

namespace Search.Tests.Support;

/// <summary>Runs `search` in-process with captured output, or as a real child process (the
/// `search.dll` beside the test assembly): the one runner of every test project.</summary>
public static class SearchCli
{
    public sealed record Run(int Code, string Out, string Err);

    public static Run WithInput(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, new Output(new StringReader(stdin), output, error, false, false, false));
        return new Run(code, output.ToString(), error.ToString());
    }

    public static Run InProcess(params string[] args) => WithInput("", args);

    /// <summary>Runs as on a terminal <paramref name="width"/> columns wide, with or without colour
    /// (output still captured, so never paged).</summary>
    public static Run Terminal(int width, bool color, string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, new Output(new StringReader(stdin), output, error, false, false, false, width, color));
        return new Run(code, output.ToString(), error.ToString());
    }

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

    /// <summary>Runs in a child process to the end (killed after <paramref name="timeout"/>).</summary>
    public static Run RunChild(TimeSpan timeout, params string[] args)
    {
        using var child = Start(args);
        int code = child.Wait(timeout);
        return new Run(code, child.Out, child.Err);
    }

    /// <summary>Runs in a child process with <paramref name="stdin"/> as its input.</summary>
    public static Run Process(string stdin, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(120_000), "search did not finish in 2 minutes");
        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }
}
