using System.Diagnostics;
using System.Globalization;
using Search.Core.Querying;

namespace Search.Benchmarks.Speed;

/// <summary>
/// <c>speed query-repeat DIR TYPE SECONDS [--console] [--show] [--lucene]</c>: runs one query type of the mix over
/// <c>DIR/ours</c> again and again for a while, the benchmark's request (or, with
/// <c>--console</c>, the console's: four facets), so a sampling profiler sees that query alone
/// (for example <c>DOTNET_PerfMapEnabled=1 perf record -g dotnet Search.Benchmarks.dll speed query-repeat ...</c>);
/// <c>--lucene</c> runs the plain Lucene.Net search of the same words over <c>DIR/lucene</c> instead,
/// so each engine can be timed alone in its own process.
/// Prints the number of queries run, the thread's CPU time and the bytes it allocated per query.
/// </summary>
public static class QueryRepeat
{
    private static readonly string[] PanelFacets = { "source", "section", "place", "year" };

    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: speed query-repeat DIR TYPE SECONDS [--console] [--show] [--lucene]   (TYPE: query:TEXT or " + string.Join(", ", QueryMix.All.Select(c => $"'{c.Type}'")) + ")");
            return 2;
        }
        var type = args[1].StartsWith("query:", StringComparison.Ordinal)
            ? new QueryCase("given", new SearchRequest { Query = args[1]["query:".Length..] }, null, null)
            : QueryMix.All.FirstOrDefault(c => c.Type == args[1]);
        if (type == null)
        {
            Console.Error.WriteLine($"speed query-repeat: no query type '{args[1]}' in the mix");
            return 2;
        }
        double seconds = double.Parse(args[2], CultureInfo.InvariantCulture);
        var request = args.Contains("--console") ? type.Ours with { Facets = PanelFacets } : type.Ours;
        Action run;
        IDisposable engine;
        if (args.Contains("--lucene"))
        {
            var lucene = new LuceneBaseline.Searcher(Path.Combine(args[0], "lucene"));
            string text = type.Lucene ?? throw new ArgumentException($"the plain index cannot answer '{type.Type}'");
            (engine, run) = (lucene, () => lucene.Search(text, out _));
        }
        else
        {
            var ours = ArticleSearcher.Open(Path.Combine(args[0], "ours"));
            if (args.Contains("--show"))
                Show(Path.Combine(args[0], "ours"), request);
            (engine, run) = (ours, () => ours.Search(request));
        }
        using var disposing = engine;
        for (int i = 0; i < 200; i++)
            run();
        int n = 0;
        var clock = Stopwatch.StartNew();
        double cpu0 = ThreadCpu.NowMs();
        long bytes0 = GC.GetAllocatedBytesForCurrentThread();
        int gen0 = GC.CollectionCount(0);
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            run();
            n++;
        }
        Console.Out.WriteLine(FormattableString.Invariant($"{n} queries, {(ThreadCpu.NowMs() - cpu0) / n:0.000} ms thread CPU each, {(GC.GetAllocatedBytesForCurrentThread() - bytes0) / 1024.0 / n:0.0} KB allocated each, {GC.CollectionCount(0) - gen0} gen0 collections"));
        return 0;
    }

    /// <summary>The query as parsed and as expanded, on stderr.</summary>
    private static void Show(string index, SearchRequest request)
    {
        using var pool = SearcherPool.Open(Path.GetFullPath(index), RankingSettings.Default);
        var analyzers = new Search.Core.Indexing.Analysis.ArticleAnalyzers(pool.Analysis);
        pool.Use(s =>
        {
            var plan = QueryPlan.Parse(request, analyzers, RankingSettings.Default, s.IndexReader);
            plan.Bind(s, analyzers, RankingSettings.Default);
            Console.Error.WriteLine($"parsed: {plan.Query}");
            Console.Error.WriteLine($"expanded: {s.Expand(plan.Query)}");
            Console.Error.WriteLine($"segments: {s.IndexReader.Leaves.Count}");
            return 0;
        });
    }
}
