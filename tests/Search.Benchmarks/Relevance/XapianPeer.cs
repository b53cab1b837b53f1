using System.Diagnostics;
using Search.Core.Evaluation;

namespace Search.Benchmarks.Relevance;

/// <summary>
/// The Xapian peer: <c>xapian_bm25.py</c> (Xapian 1.4 BM25 with default parameters, English stemmer,
/// title weight 2 in the same field as the body) run by Debian's <c>/usr/bin/python3</c>, which
/// <c>install-xapian.sh</c> gives <c>python3-xapian</c> when it lacks it. It writes a TREC run file
/// that is scored by the same code as our runs (<see cref="RunFile"/>, <see cref="RelevanceEvaluator"/>).
/// </summary>
public static class XapianPeer
{
    public const string Label = "Xapian 1.4 BM25 (English stemmer, title weight 2, defaults)";
    private const string Python = "/usr/bin/python3";

    private static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Relevance", name);

    /// <summary>Makes sure the system Python can import xapian, installing it if needed; the
    /// reason when it cannot.</summary>
    public static string? Prepare()
    {
        if (!File.Exists(Python)) return $"{Python} not found (Xapian's Debian bindings need the system Python)";
        if (Exec(Python, "-c", "import xapian").Code == 0) return null;
        var install = Exec("/bin/sh", Script("install-xapian.sh"));
        return install.Code == 0 ? null : $"install-xapian.sh failed: {install.Error.Trim()}";
    }

    /// <summary>Runs the collection in <paramref name="directory"/> (docs.jsonl, queries.tsv) and
    /// returns the run file it wrote.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(string DocId, float Score)>> Run(string directory, int depth = 100)
    {
        string runPath = Path.Combine(directory, "xapian.run");
        var r = Exec(Python, Script("xapian_bm25.py"), Path.Combine(directory, "docs.jsonl"), Path.Combine(directory, "queries.tsv"),
            runPath, depth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (r.Code != 0) throw new IOException($"xapian_bm25.py failed on {directory}: {r.Error.Trim()}");
        return RunFile.Load(runPath);
    }

    private static (int Code, string Error) Exec(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info) ?? throw new IOException($"cannot start {program}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        _ = stdout.Result;
        return (p.ExitCode, error);
    }
}
