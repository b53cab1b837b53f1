using System.Diagnostics;
using System.Globalization;
using System.Text;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Benchmarks.Speed;

/// <summary>
/// <c>ranking-speed [--docs N] [--work DIR] [--shared DIR] [--iterations N]</c>: query latency of the
/// ranking shipped now against the one it replaced, in one warm process over one index of the
/// synthetic JSONL corpus (100k articles by default, made by make-corpus.py as the speed benchmark
/// makes it). The two take turns query by query, after a warm-up, so a busy machine slows both
/// alike; the report is each one's p50 and p95 and the ratio now ÷ before.
/// </summary>
public static class RankingSpeedCommand
{
    public const string Name = "ranking-speed";
    public const string Usage = "ranking-speed [--docs N] [--work DIR] [--shared DIR] [--iterations N]   query latency: current ranking vs. the previous default, same run";

    /// <summary>The ranking before issue 12: title and body scored apart and summed (title 2),
    /// BM25 k1 2.0 b 0.75, proximity 0.25 within 20 positions for keyword queries.</summary>
    public static readonly RankingSettings Previous = new()
    {
        CombinedField = false, TitleWeight = 2, BodyWeight = 1, FieldTieBreaker = 1, K1 = 2.0f, B = 0.75f,
        ProximityBoost = 0.25f, ProximitySlop = 20, QueryStopWords = false, QueryTermFrequency = true,
    };

    private static readonly (string Type, SearchRequest Request)[] Cases =
    [
        ("single keyword", new SearchRequest { Query = "government" }),
        ("two keywords", new SearchRequest { Query = "oil prices" }),
        ("four keywords", new SearchRequest { Query = "central bank interest rates" }),
        ("boolean NOT", new SearchRequest { Query = "market NOT oil" }),
        ("phrase", new SearchRequest { Query = "\"prime minister\"" }),
        ("--any, 4 words", new SearchRequest { Query = "central bank interest rates", MatchAny = true }),
        ("--any, a sentence", new SearchRequest { Query = "What did the government say about oil prices and the economy after the election?", MatchAny = true }),
    ];

    public static int Run(string[] args)
    {
        int docs = 100_000, iterations = 300;
        string work = "/tmp/search-bench";
        string? shared = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--docs" when i + 1 < args.Length: docs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--work" when i + 1 < args.Length: work = args[++i]; break;
                case "--shared" when i + 1 < args.Length: shared = args[++i]; break;
                case "--iterations" when i + 1 < args.Length: iterations = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"{Name}: unexpected argument '{args[i]}'\nusage: {Usage}");
                    return 2;
            }
        }
        var corpus = new CorpusMaker(work, CorpusMaker.FindShared(shared)).Synthetic(docs, CorpusFormat.Jsonl);
        string index = Path.Combine(work, "indexes", $"ranking-speed-{docs}-schema{Schema.Version}-{AnalysisSettings.Default.Stemmer}");
        if (!Directory.Exists(index))
        {
            Log.Step($"indexing {corpus.Label} into {index}");
            OursIndexer.Index(corpus.Root, index, Environment.ProcessorCount);
        }
        using var now = ArticleSearcher.Open(index, RankingSettings.Default);
        using var before = ArticleSearcher.Open(index, Previous);
        var report = new StringBuilder();
        report.AppendLine($"Query latency at {docs:N0} articles ({corpus.Label}), one warm process, {iterations} samples each, taking turns; ms.");
        report.AppendLine();
        report.AppendLine("| query | hits before | hits now | p50 before | p50 now | p95 before | p95 now | p50 now ÷ before |");
        report.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|");
        var ratios = new List<double>();
        foreach (var (type, request) in Cases)
        {
            Log.Step($"  {type}");
            long hitsBefore = before.Search(request).Total, hitsNow = now.Search(request).Total;
            for (int i = 0; i < 30; i++) { before.Search(request); now.Search(request); }
            var a = new List<double>(); var b = new List<double>();
            for (int i = 0; i < iterations; i++)
            {
                // Alternate which goes first, so neither always runs on a cache the other warmed.
                if (i % 2 == 0) { a.Add(Time(before, request)); b.Add(Time(now, request)); }
                else { b.Add(Time(now, request)); a.Add(Time(before, request)); }
            }
            a.Sort(); b.Sort();
            double ratio = Measure.Percentile(b, 0.5) / Measure.Percentile(a, 0.5);
            ratios.Add(ratio);
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {type}: `{request.Query}` | {hitsBefore:N0} | {hitsNow:N0} | {Measure.Percentile(a, 0.5):0.00} | {Measure.Percentile(b, 0.5):0.00} | {Measure.Percentile(a, 0.95):0.00} | {Measure.Percentile(b, 0.95):0.00} | {ratio:0.00} |"));
        }
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Geometric mean of the p50 ratios: {Math.Exp(ratios.Average(Math.Log)):0.00}."));
        Console.WriteLine(report);
        return 0;
    }

    private static double Time(ArticleSearcher searcher, SearchRequest request)
    {
        long start = Stopwatch.GetTimestamp();
        searcher.Search(request);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
