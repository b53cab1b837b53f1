using Lucene.Net.Search;
using Search.Core.Facets;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Querying;
using Search.Core.Querying.StoredFields;

namespace Search.Benchmarks.Speed;

/// <summary>One stage of a query's time: the p50 over the samples, in ms.</summary>
public sealed record QueryStageTiming(string Type, string Stage, double P50Ms, double P50Kb = 0);

/// <summary>
/// Where a query's time goes: the parts <see cref="ArticleSearcher.Search"/> runs, each timed on
/// its own in one warm process (parse and plan; bind and pattern expansion; the search with the
/// top window only; the same search also counting stories and the console's facet panel; paging;
/// hits from stored fields; hits with snippets and highlighted titles), beside the whole call, the
/// console's check for a newer commit before each query, and
/// the plain Lucene.Net search of the same words. Medians of interleaved samples of the thread's CPU time
/// (<see cref="ThreadCpu"/>), so a busy machine's preemptions do not count.
/// </summary>
public static class QueryStages
{
    private static readonly string[] PanelFacets = { "source", "section", "place", "year" };

    public static List<QueryStageTiming> Run(string oursPath, string lucenePath, int iterations)
    {
        var ranking = RankingSettings.Default;
        using var pool = SearcherPool.Open(Path.GetFullPath(oursPath), ranking);
        using var ours = ArticleSearcher.Open(oursPath);
        using var lucene = new LuceneBaseline.Searcher(lucenePath);
        var analyzers = new ArticleAnalyzers(pool.Analysis);
        var results = new List<QueryStageTiming>();
        foreach (var c in QueryMix.All.Where(c => c.Lucene != null))
        {
            var request = c.Ours;
            var stages = new Dictionary<string, Func<double>>
            {
                ["parse + plan"] = () => Time(() => QueryPlan.Parse(request, analyzers, ranking)),
                ["bind + expand patterns"] = () => pool.Use(s =>
                {
                    var plan = QueryPlan.Parse(request, analyzers, ranking);
                    return Time(() => { plan.Bind(s, analyzers, ranking); s.Expand(plan.Query); });
                }),
                ["search: top 10 only"] = () => pool.Use(s => Search(s, request, analyzers, ranking, null)),
                ["search + stories"] = () => pool.Use(s => Search(s, request, analyzers, ranking, Array.Empty<string>())),
                ["search + stories + 4 facets (console)"] = () => pool.Use(s => Search(s, request, analyzers, ranking, PanelFacets)),
                ["hits: stored fields"] = () => pool.Use(s => Hits(s, request, analyzers, ranking, snippets: false)),
                ["hits: documents read (HitDocuments)"] = () => pool.Use(s => Documents(s, request, analyzers, ranking, lucene: false)),
                ["hits: documents read (Lucene's loading)"] = () => pool.Use(s => Documents(s, request, analyzers, ranking, lucene: true)),
                ["hits: stored fields + snippets"] = () => pool.Use(s => Hits(s, request, analyzers, ranking, snippets: true)),
                ["whole: RankedSearch.Run"] = () => pool.Use(s => Time(() => RankedSearch.Run(s, QueryPlan.Parse(request, analyzers, ranking), analyzers, ranking))),
                ["whole: ArticleSearcher.Search"] = () => Time(() => ours.Search(request)),
                ["whole, console's request (4 facets)"] = () => Time(() => ours.Search(request with { Facets = PanelFacets })),
                ["console: refresh before each query"] = () => Time(ours.Refresh),
                ["Lucene.Net plain (whole)"] = () => Time(() => lucene.Search(c.Lucene!, out _)),
            };
            Console.Error.WriteLine($"  stages: {c.Type}");
            var samples = stages.Keys.ToDictionary(k => k, _ => new List<double>());
            var allocated = stages.Keys.ToDictionary(k => k, _ => new List<double>());
            for (int i = 0; i < iterations + 10; i++)
                foreach (var (name, stage) in stages)
                {
                    double ms = stage();
                    if (i >= 10)
                    {
                        samples[name].Add(ms);
                        allocated[name].Add(t_lastKb);
                    }
                }
            foreach (var (name, list) in samples)
            {
                list.Sort();
                allocated[name].Sort();
                results.Add(new QueryStageTiming(c.Type, name, Measure.Percentile(list, 0.5), Measure.Percentile(allocated[name], 0.5)));
            }
        }
        return results;
    }

    /// <summary>KB the last timed stage allocated on this thread.</summary>
    [ThreadStatic]
    private static double t_lastKb;

    private static double Time(Action work)
    {
        long bytes = GC.GetAllocatedBytesForCurrentThread();
        double start = ThreadCpu.NowMs();
        work();
        double ms = ThreadCpu.NowMs() - start;
        t_lastKb = (GC.GetAllocatedBytesForCurrentThread() - bytes) / 1024.0;
        return ms;
    }

    /// <summary>The collecting pass alone: top window, and (unless <paramref name="facets"/> is
    /// null) the stories and those facets in the same pass, as <see cref="RankedSearch"/> runs it.</summary>
    private static double Search(ArticleIndexSearcher s, SearchRequest request, ArticleAnalyzers analyzers, RankingSettings ranking, string[]? facets)
    {
        var plan = QueryPlan.Parse(request, analyzers, ranking);
        plan.Bind(s, analyzers, ranking);
        var query = s.Expand(plan.Query);
        var clusters = ClusterMap.For(s.IndexReader);
        var stories = facets != null && clusters.HasCopies ? StoryNumbers.For(clusters, s.IndexReader.MaxDoc) : null;
        var top = new TopCollection(s, query, SortOrders.For(request.Sort));
        return Time(() =>
        {
            var tally = stories != null ? new StoryTally(stories) : null;
            var counter = facets is { Length: > 0 } ? new FacetCollector(facets, stories) : null;
            s.Run(query, null, _ =>
            {
                var collector = top.Create(30);
                return facets == null ? collector : new MatchCollector(collector, tally, counter, Array.Empty<(Filter, FacetCollector)>());
            });
            if (counter != null)
                foreach (string f in facets!)
                    counter.Top(f, 10, Array.Empty<string>());
        });
    }

    /// <summary>The page's stored fields alone (a hit's fields and the body), read our way or Lucene's.</summary>
    private static double Documents(ArticleIndexSearcher s, SearchRequest request, ArticleAnalyzers analyzers, RankingSettings ranking, bool lucene)
    {
        var plan = QueryPlan.Parse(request, analyzers, ranking);
        plan.Bind(s, analyzers, ranking);
        var query = s.Expand(plan.Query);
        var top = new TopCollection(s, query, SortOrders.For(request.Sort));
        s.Run(query, null, _ => top.Create(10));
        var page = top.Page(0, 10);
        return Time(() =>
        {
            foreach (var hit in page)
            {
                if (lucene)
                    s.Doc(hit.Doc, HitBuilder.HitFieldsWithBody.AsSet);
                else
                    HitDocuments.Read(s.IndexReader, hit.Doc, HitBuilder.HitFieldsWithBody);
            }
        });
    }

    private static double Hits(ArticleIndexSearcher s, SearchRequest request, ArticleAnalyzers analyzers, RankingSettings ranking, bool snippets)
    {
        var plan = QueryPlan.Parse(request, analyzers, ranking);
        plan.Bind(s, analyzers, ranking);
        var query = s.Expand(plan.Query);
        var clusters = ClusterMap.For(s.IndexReader);
        var top = new TopCollection(s, query, SortOrders.For(request.Sort));
        s.Run(query, null, _ => top.Create(10));
        var page = top.Page(0, 10);
        return Time(() => new HitBuilder(s, clusters, snippets ? RankedSearch.ForSnippets(plan.Query, query) : null, analyzers, clusters.HasCopies).Build(page, 1));
    }
}
