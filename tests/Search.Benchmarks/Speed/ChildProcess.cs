using System.Diagnostics;
using System.Text.Json;

namespace Search.Benchmarks.Speed;

/// <summary>
/// Runs a measurement in a child process of this same program (<c>speed child ...</c>), so each
/// indexer's peak working set is its own and the runs do not warm or pollute one another. The
/// child prints its result as one JSON document on stdout; its stderr passes through.
/// The runtime is set as the `search` CLI sets it (workstation non-concurrent GC, tiered PGO off, calls counted for tier-up from the start), for every engine alike.
/// </summary>
public static class ChildProcess
{
    /// <summary>NaN marks "not applicable" in results, so named floating-point literals are allowed.</summary>
    public static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static T Run<T>(params string[] args)
    {
        var start = new ProcessStartInfo { UseShellExecute = false, RedirectStandardOutput = true };
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell this program's path");
        start.FileName = self;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        start.ArgumentList.Add(SpeedCommand.Name);
        start.ArgumentList.Add("child");
        foreach (string a in args)
            start.ArgumentList.Add(a);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_gcConcurrent"] = "0";
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.Environment["DOTNET_TC_CallCountingDelayMs"] = "0";
        using var p = Process.Start(start) ?? throw new InvalidOperationException("cannot start the child process");
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"child `{string.Join(' ', args)}` failed with exit code {p.ExitCode}");
        return JsonSerializer.Deserialize<T>(output, Json) ?? throw new InvalidOperationException($"child `{string.Join(' ', args)}` printed no result");
    }

    /// <summary>The child side: runs one measurement and prints its JSON.</summary>
    public static int Serve(string[] args)
    {
        object result = args switch
        {
            ["index-ours", var format, var corpus, var output, var threads] => OursIndexer.Index(corpus, output, int.Parse(threads, System.Globalization.CultureInfo.InvariantCulture)),
            ["index-ours-nodup", var format, var corpus, var output, var threads] => OursIndexer.Index(corpus, output, int.Parse(threads, System.Globalization.CultureInfo.InvariantCulture), duplicates: false),
            ["index-ours-languages-off", var format, var corpus, var output, var threads] => Languages.LanguagesCostCommand.IndexWithoutLanguages(corpus, output, int.Parse(threads, System.Globalization.CultureInfo.InvariantCulture)),
            ["index-lucene", var format, var corpus, var output] => LuceneBaseline.Index(Child(format, corpus), output),
            ["index-lucene-parallel", var format, var corpus, var output] => LuceneParallelBaseline.Index(Child(format, corpus), output),
            ["index-fts5", var format, var corpus, var output] => Fts5Baseline.Index(Child(format, corpus), output),
            ["queries", var ours, var lucene, var fts5, var iterations, var seconds] => QueryBench.Run(ours, lucene, fts5 == "-" ? null : fts5,
                int.Parse(iterations, System.Globalization.CultureInfo.InvariantCulture), double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
            ["queries", var ours, var lucene, var fts5, var iterations, var seconds, var luceneAll] => QueryBench.Run(ours, lucene, fts5 == "-" ? null : fts5,
                int.Parse(iterations, System.Globalization.CultureInfo.InvariantCulture), double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture), luceneAll),
            ["query-stages", var ours, var lucene, var iterations] => QueryStages.Run(ours, lucene, int.Parse(iterations, System.Globalization.CultureInfo.InvariantCulture)),
            ["profile", var format, var corpus, var work] => StageProfile.Run(Child(format, corpus), work),
            ["field-costs", var format, var corpus, var work, var rounds] => FieldCosts.Run(Child(format, corpus), work, int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"unknown child command: {string.Join(' ', args)}"),
        };
        if (result is IndexChildResult indexed)
            result = indexed with { CpuSeconds = Environment.CpuUsage.TotalTime.TotalSeconds };
        Console.Out.Write(JsonSerializer.Serialize(result, result.GetType(), Json));
        return 0;
    }

    public static string FormatArg(CorpusFormat f) => f == CorpusFormat.Txt ? "txt" : "jsonl";

    private static Corpus Child(string format, string root) =>
        new(Path.GetFileName(root), format == "txt" ? CorpusFormat.Txt : CorpusFormat.Jsonl, root, 0);
}
