using System.Diagnostics;
using Search.Cli;
using Search.Cli.Rendering;
using Xunit;

namespace Search.Cli.Tests.Support;

/// <summary>Runs `search` in-process with captured output, or as a real child process.</summary>
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

    /// <summary>The built `search` program next to this test assembly.</summary>
    public static string ProgramDll => Path.Combine(AppContext.BaseDirectory, "search.dll");

    public static Run Process(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ProgramDll);
        foreach (string a in args)
            start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(120_000), "search did not finish in 2 minutes");
        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>An index of seeds/ built once through the CLI, for the tests that share it.</summary>
public sealed class SeedIndexFixture : IDisposable
{
    public SeedIndexFixture()
    {
        Dir = Path.Combine(Path.GetTempPath(), "search-cli-test-" + Guid.NewGuid().ToString("N")[..10]);
        Index = Path.Combine(Dir, "index");
        FirstBuild = SearchCli.InProcess("index", RepoPaths.Seeds, "--index", Index);
    }

    public string Dir { get; }
    public string Index { get; }
    public SearchCli.Run FirstBuild { get; }

    public void Dispose()
    {
        try { Directory.Delete(Dir, true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class SeedIndexCollection : ICollectionFixture<SeedIndexFixture>
{
    public const string Name = "cli seed index";
}
