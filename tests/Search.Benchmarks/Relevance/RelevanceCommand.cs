using System.Diagnostics;
using System.Globalization;
using System.Text;
using Search.Core.Evaluation;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Benchmarks.Relevance;

/// <summary>
/// <c>relevance [--source DIR] [--work DIR] [--out FILE] [--sweep]</c>: converts TIME and Cranfield,
/// measures the plain-Lucene baseline (<see cref="LuceneBaseline"/>) and our default ranking on both,
/// prints the table and writes it to <c>tests/Search.Benchmarks/Relevance/RESULTS.md</c> (or --out).
/// <c>--sweep</c> also measures variations of each ranking setting around the default, the evidence
/// for the defaults chosen.
/// </summary>
public static class RelevanceCommand
{
    public const string Name = "relevance";
    public const string Usage = "relevance [--source DIR] [--work DIR] [--out FILE] [--sweep]   baseline vs. our ranking on TIME and Cranfield (table in docs/relevance-history.md)";
    private const int Depth = 100;

    public static int Run(string[] args)
    {
        string? source = null, work = null, output = null;
        bool sweep = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--source" when i + 1 < args.Length: source = args[++i]; break;
                case "--work" when i + 1 < args.Length: work = args[++i]; break;
                case "--out" when i + 1 < args.Length: output = args[++i]; break;
                case "--sweep": sweep = true; break;
                default:
                    Console.Error.WriteLine($"{Name}: unexpected argument '{args[i]}'\nusage: {Usage}");
                    return 2;
            }
        }
        source ??= RelevanceDataCommand.FindSharedRelevance();
        if (source == null || !Directory.Exists(source))
        {
            Console.Error.WriteLine($"{Name}: no relevance corpora found; pass --source DIR (the folder holding time/ and cran/)");
            return 1;
        }
        output ??= DefaultResultsPath();
        bool temporary = work == null;
        work ??= Path.Combine(Path.GetTempPath(), "search-relevance-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var clock = Stopwatch.StartNew();
        try
        {
            var runs = RelevanceDataCommand.Collections
                .Select(c => new RelevanceRun(c.Load(Path.Combine(source, c.Folder)), work))
                .ToList();
            string table = Table(runs);
            Console.WriteLine(table);
            if (output != null)
            {
                File.WriteAllText(output, Results(table), new UTF8Encoding(false));
                Console.WriteLine($"written to {output}");
            }
            if (sweep)
            {
                string sweepTable = Sweep(runs);
                if (output != null)
                {
                    string sweepPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, "SWEEP.md");
                    File.WriteAllText(sweepPath, SweepResults(sweepTable), new UTF8Encoding(false));
                    Console.WriteLine($"written to {sweepPath}");
                }
            }
            Console.Error.WriteLine($"{Name}: {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }
        catch (Exception e) when (e is EvaluationFormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{Name}: {e.Message}");
            return 1;
        }
        finally
        {
            if (temporary && Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The table of docs/relevance-history.md: per collection, the baseline and our default ranking.</summary>
    public static string Table(IReadOnlyList<RelevanceRun> runs)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| Collection | System | nDCG@10 | MAP | P@10 | R@100 | MRR |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            string label = $"{run.Name} ({run.Collection.Documents.Count} docs, {run.Qrels.QueryIds.Count} queries)";
            Row(sb, label, "baseline: Lucene StandardAnalyzer + BM25, one body field", run.Baseline(Depth).Mean);
            Row(sb, "", "search (default ranking)", run.Evaluate(depth: Depth).Mean);
        }
        return sb.ToString().TrimEnd();
    }

    private static void Row(StringBuilder sb, string collection, string system, MetricValues m) =>
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {collection} | {system} | {m.Ndcg10:0.0000} | {m.Map:0.0000} | {m.P10:0.0000} | {m.Recall100:0.0000} | {m.Mrr:0.0000} |"));

    private static string Results(string table)
    {
        var a = AnalysisSettings.Default;
        var r = RankingSettings.Default;
        return string.Create(CultureInfo.InvariantCulture, $"""
            # Relevance: baseline vs. default ranking

            Produced by `dotnet run -c Release --project tests/Search.Benchmarks -- relevance` (do not edit by hand).
            Means over the judged queries, trec_eval-compatible (`search eval`), depth {Depth}.

            {table}

            Default ranking: stemmer {a.Stemmer}, stop words {(a.StopWords ? "on" : "off")}, BM25 k1 {r.K1} b {r.B},
            title weight {r.TitleWeight}, body weight {r.BodyWeight}, proximity boost {(r.ProximityBoost > 0 ? $"{r.ProximityBoost} (slop {r.ProximitySlop})" : "off")}.

            """);
    }

    /// <summary>tests/Search.Benchmarks/Relevance/RESULTS.md of the checkout we run in, if we can find it.</summary>
    private static string? DefaultResultsPath()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                string folder = Path.Combine(dir.FullName, "tests", "Search.Benchmarks", "Relevance");
                if (File.Exists(Path.Combine(dir.FullName, "Search.sln")) && Directory.Exists(folder))
                    return Path.Combine(folder, "RESULTS.md");
            }
        return null;
    }

    private sealed record Variant(string Group, string Label, AnalysisSettings Analysis, RankingSettings Ranking);

    /// <summary>One setting at a time around the default (k1 and b together), so each row shows what
    /// that one choice is worth on each collection.</summary>
    private static IEnumerable<Variant> Variants()
    {
        var a = AnalysisSettings.Default;
        var r = RankingSettings.Default;
        yield return new("default", "default", a, r);
        foreach (float k1 in new[] { 0.9f, 1.2f, 1.5f, 2.0f, 2.5f, 3.0f })
            foreach (float b in new[] { 0.3f, 0.5f, 0.75f, 0.9f })
                yield return new("bm25", $"k1={k1} b={b}", a, r with { K1 = k1, B = b });
        foreach (float t in new[] { 1f, 1.5f, 2f, 3f })
            yield return new("title", $"title weight {t}", a, r with { TitleWeight = t });
        foreach (string s in AnalysisSettings.Stemmers)
            yield return new("stemmer", $"stemmer {s}", a with { Stemmer = s }, r);
        foreach (bool stop in new[] { true, false })
            yield return new("stopwords", $"stop words {(stop ? "on" : "off")}", a with { StopWords = stop }, r);
        yield return new("proximity", "proximity off", a, r with { ProximityBoost = 0 });
        foreach (float boost in new[] { 0.1f, 0.25f, 0.5f, 1f })
            foreach (int slop in new[] { 2, 8, 20, 50, 100 })
                yield return new("proximity", $"proximity {boost} slop {slop}", a, r with { ProximityBoost = boost, ProximitySlop = slop });
    }

    private const string SweepLegend =
        "One setting at a time around the default; (Δ) against the default row; ++ = nDCG@10 and MAP both up on every collection. " +
        "Differences below about 0.005 are within what a few queries moving one rank produce.";

    private static string SweepResults(string table) => $"""
        # Relevance: ranking sweep

        Produced by `dotnet run -c Release --project tests/Search.Benchmarks -- relevance --sweep` (do not edit by hand).
        {SweepLegend}

        {table}

        """;

    /// <summary>Measures every variant on every collection; prints the table and returns it.</summary>
    private static string Sweep(IReadOnlyList<RelevanceRun> runs)
    {
        Console.WriteLine();
        Console.WriteLine(SweepLegend);
        Console.WriteLine();
        var table = new StringBuilder();
        var header = new StringBuilder("| Variant |");
        var rule = new StringBuilder("|---|");
        foreach (var run in runs)
        {
            header.Append($" {run.Name} nDCG@10 | {run.Name} MAP |");
            rule.Append("---:|---:|");
        }
        void Emit(string line)
        {
            Console.WriteLine(line);
            table.AppendLine(line);
        }
        Emit(header.Append(" |").ToString());
        Emit(rule.Append("---|").ToString());
        var measured = new Dictionary<(AnalysisSettings, RankingSettings), MetricValues[]>();
        MetricValues[]? reference = null;
        foreach (var v in Variants())
        {
            if (!measured.TryGetValue((v.Analysis, v.Ranking), out var means))
                measured[(v.Analysis, v.Ranking)] = means = runs.Select(run => run.Evaluate(v.Analysis, v.Ranking, Depth).Mean).ToArray();
            reference ??= means;
            var line = new StringBuilder($"| {v.Label} |");
            bool allUp = true;
            for (int i = 0; i < runs.Count; i++)
            {
                double dn = means[i].Ndcg10 - reference[i].Ndcg10, dm = means[i].Map - reference[i].Map;
                allUp &= dn > 0 && dm > 0;
                line.Append(string.Create(CultureInfo.InvariantCulture, $" {means[i].Ndcg10:0.0000} ({dn:+0.0000;-0.0000;0}) | {means[i].Map:0.0000} ({dm:+0.0000;-0.0000;0}) |"));
            }
            Emit(line.Append(allUp && v.Group != "default" ? " ++ |" : " |").ToString());
        }
        return table.ToString().TrimEnd();
    }
}
