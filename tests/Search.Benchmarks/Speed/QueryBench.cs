using System.Diagnostics;
using Search.Core.Querying;

namespace Search.Benchmarks.Speed;

/// <summary>
/// Times the query mix in one warm process over the three indexes of one corpus. For each query
/// type, the engines take turns query by query (so noise from a busy machine falls on all alike)
/// after a warm-up; each stops after <c>iterations</c> samples or its time budget (at least 20 samples).
/// Ours is timed as the user sees it (snippets on) and, right after, without snippets.
/// The order of the turns is shuffled every round (a fixed seed): an engine that always ran
/// right after another meets the caches that one left (FTS5 reads megabytes of pages a query),
/// so a fixed order charged that to ours alone and never to the plain search.
/// </summary>
public static class QueryBench
{
    private const int WarmUp = 20;
    private const int MinSamples = 20;

    private sealed record Engine(string Name, Func<QueryCase, bool> Applies, Func<QueryCase, long> Run, Func<QueryCase, long> Count, Func<QueryCase, string> Text);

    public static List<QueryTiming> Run(string oursPath, string lucenePath, string? fts5Path, int iterations, double secondsPerType, string? luceneAllPath = null)
    {
        using var ours = ArticleSearcher.Open(oursPath);
        using var lucene = new LuceneBaseline.Searcher(lucenePath);
        using var luceneAll = luceneAllPath == null ? null : new LuceneBaseline.Searcher(luceneAllPath, new Lucene.Net.Analysis.En.EnglishAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48));
        using var fts5 = fts5Path == null ? null : new Fts5Baseline.Searcher(fts5Path);
        var engines = new List<Engine>
        {
            new(Engines.Ours, _ => true, c => ours.Search(c.Ours).Total, c => ours.Search(c.Ours).Total, c => c.Ours.Query),
            new(Engines.OursNoSnippets, _ => true, c => ours.Search(WithoutSnippets(c.Ours)).Total, c => ours.Search(c.Ours).Total, c => c.Ours.Query),
            new(Engines.Lucene, c => c.Lucene != null, c => lucene.Search(c.Lucene!, out _), c => lucene.Search(c.Lucene!, out _), c => c.Lucene!),
        };
        if (luceneAll != null)
            engines.Add(new(Engines.LuceneParallel, c => c.Lucene != null, c => luceneAll.Search(c.Lucene!, out _), c => luceneAll.Search(c.Lucene!, out _), c => c.Lucene!));
        if (fts5 != null)
            engines.Add(new(Engines.Fts5, c => c.Fts5 != null, c => fts5.Top(c.Fts5!), c => fts5.Count(c.Fts5!), c => c.Fts5!));

        var results = new List<QueryTiming>();
        foreach (var c in QueryMix.All)
        {
            Console.Error.WriteLine($"  queries: {c.Type}");
            var active = engines.Where(e => e.Applies(c)).ToList();
            foreach (var e in engines.Except(active))
                results.Add(QueryTiming.Na(c.Type, e.Name, e.Name is Engines.Lucene or Engines.LuceneParallel ? c.LuceneNa ?? "n/a" : c.Fts5Na ?? "n/a"));
            var hits = active.ToDictionary(e => e.Name, e => e.Count(c));
            for (int i = 0; i < WarmUp; i++)
                foreach (var e in active)
                    e.Run(c);
            var samples = active.ToDictionary(e => e.Name, _ => new List<double>());
            var spent = active.ToDictionary(e => e.Name, _ => 0.0);
            var running = new List<Engine>(active);
            var turns = new Random(TurnSeed);
            while (running.Count > 0)
            {
                foreach (var e in TurnOrder(running, turns))
                {
                    long start = Stopwatch.GetTimestamp();
                    e.Run(c);
                    double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    samples[e.Name].Add(ms);
                    spent[e.Name] += ms / 1000;
                    int n = samples[e.Name].Count;
                    if (n >= iterations || (n >= MinSamples && spent[e.Name] >= secondsPerType))
                        running.Remove(e);
                }
            }
            foreach (var e in active)
            {
                var s = samples[e.Name];
                s.Sort();
                results.Add(new QueryTiming(c.Type, e.Name, e.Text(c), hits[e.Name], s.Count,
                    Measure.Percentile(s, 0.50), Measure.Percentile(s, 0.95), Measure.Percentile(s, 0.99)));
            }
        }
        return results;
    }

    /// <summary>This round's order: ours and ours without snippets stay one unit (the second
    /// would otherwise warm the first's index for it, a neighbour no other engine has); the units
    /// shuffled.</summary>
    private static List<Engine> TurnOrder(List<Engine> running, Random turns)
    {
        var units = running.Where(e => e.Name != Engines.OursNoSnippets)
            .Select(e => e.Name == Engines.Ours ? running.Where(r => r.Name is Engines.Ours or Engines.OursNoSnippets).ToArray() : new[] { e })
            .ToList();
        if (!running.Any(e => e.Name == Engines.Ours))
            units.AddRange(running.Where(e => e.Name == Engines.OursNoSnippets).Select(e => new[] { e }));
        var order = units.ToArray();
        turns.Shuffle(order);
        return order.SelectMany(u => u).ToList();
    }

    private const int TurnSeed = 18;

    private static SearchRequest WithoutSnippets(SearchRequest r) => r with { Snippets = false };
}
