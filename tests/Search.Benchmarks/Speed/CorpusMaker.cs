using System.Diagnostics;

namespace Search.Benchmarks.Speed;

/// <summary>
/// Makes the corpora under <c>WORK/corpora</c> with <c>shared/tools/make-corpus.py</c> (and the
/// Reuters-21578 conversion), reusing any made before: each is written under a temporary name and
/// renamed when complete, so an interrupted run never leaves a half corpus that looks whole.
/// </summary>
public sealed class CorpusMaker
{
    private readonly string _folder;
    private readonly string _shared;

    public CorpusMaker(string work, string shared)
    {
        _folder = Path.Combine(work, "corpora");
        _shared = shared;
        Directory.CreateDirectory(_folder);
    }

    /// <summary>Finds the shared folder (tools/make-corpus.py, corpora/) above the repository.</summary>
    public static string FindShared(string? given)
    {
        if (given != null)
            return Path.GetFullPath(given);
        for (var dir = new DirectoryInfo(RepoPaths.Root); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared");
            if (File.Exists(Path.Combine(candidate, "tools", "make-corpus.py")))
                return candidate;
        }
        throw new InvalidOperationException("cannot find shared/tools/make-corpus.py above the repository; pass --shared DIR");
    }

    public Corpus Synthetic(int docs, CorpusFormat format)
    {
        string name = $"news-{docs}-{(format == CorpusFormat.Txt ? "txt" : "jsonl")}";
        string root = Path.Combine(_folder, name);
        if (!Directory.Exists(root))
        {
            string temp = root + ".tmp";
            if (Directory.Exists(temp))
                Directory.Delete(temp, recursive: true);
            string output = temp;
            if (format == CorpusFormat.Jsonl)
            {
                Directory.CreateDirectory(temp);
                output = Path.Combine(temp, "news.jsonl");
            }
            Log.Step($"making {name} with make-corpus.py");
            RunPython(Path.Combine(_shared, "tools", "make-corpus.py"), "--docs", docs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--out", output, "--format", format == CorpusFormat.Txt ? "txt" : "jsonl");
            Directory.Move(temp, root);
        }
        return new Corpus($"news {Formats.Count(docs)}", format, root, docs);
    }

    public Corpus Reuters()
    {
        string root = Path.Combine(_folder, "reuters21578-jsonl");
        if (!Directory.Exists(root))
        {
            string temp = root + ".tmp";
            Directory.CreateDirectory(temp);
            Log.Step("converting Reuters-21578 to JSONL");
            int n = ReutersJsonl.Convert(Path.Combine(_shared, "corpora", "reuters21578"), Path.Combine(temp, "reuters.jsonl"));
            Log.Step($"  {n:N0} Reuters articles");
            Directory.Move(temp, root);
        }
        return new Corpus("reuters21578", CorpusFormat.Jsonl, root, 0);
    }

    private static void RunPython(string script, params string[] args)
    {
        var start = new ProcessStartInfo("python3") { UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add(script);
        foreach (string a in args)
            start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException("cannot start python3");
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"make-corpus.py failed with exit code {p.ExitCode}");
        Log.Step("  " + output.Trim());
    }
}
