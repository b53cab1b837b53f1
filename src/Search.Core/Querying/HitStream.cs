using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;

namespace Search.Core.Querying;

/// <summary>
/// Every hit of a query, in the request's order, page by page with Lucene's searchAfter: memory
/// stays bounded by one page whatever the number of hits, and there is no depth limit (the ranked
/// window of <see cref="QueryPlan.MaxWindow"/> does not apply). Each article is its own hit (no
/// collapsing: a hit says its cluster and copies); offset and limit are ignored, facets are not
/// counted. The searcher is held until the enumeration ends or is disposed.
/// </summary>
internal static class HitStream
{
    /// <summary>Documents fetched per searchAfter call.</summary>
    public const int PageSize = 1_000;

    public static IEnumerable<Hit> All(SearcherPool pool, SearchRequest request, RankingSettings ranking)
    {
        // Parsed before the first hit is asked for, so a bad query fails at the call.
        var plan = pool.Use(searcher => QueryPlan.Parse(request with { Offset = 0, Limit = 0, Facets = Array.Empty<string>() }, searcher.Analyzers, ranking, searcher.IndexReader));
        return plan.IsEmpty ? Array.Empty<Hit>() : Stream(pool, plan, ranking);
    }

    private static IEnumerable<Hit> Stream(SearcherPool pool, QueryPlan plan, RankingSettings ranking)
    {
        using var lease = pool.Acquire();
        var searcher = lease.Searcher;
        var analyzers = searcher.Analyzers;
        plan.Bind(searcher, analyzers, ranking);
        var query = searcher.Expand(plan.Query);
        var filter = SearchFilters.Build(plan.FilterKeys);
        var sort = SortOrders.For(plan.Request.Sort);
        var hits = new HitBuilder(searcher, ClusterMap.For(searcher.IndexReader), plan.Request.Snippets ? RankedSearch.ForSnippets(plan.Query, query) : null, analyzers, collapsed: false);
        FieldDoc? after = null;
        int rank = 1;
        while (true)
        {
            var page = searcher.After(after, query, filter, PageSize, sort);
            if (page.ScoreDocs.Length == 0)
                yield break;
            foreach (var hit in hits.Build(page.ScoreDocs, rank))
                yield return hit;
            rank += page.ScoreDocs.Length;
            if (page.ScoreDocs.Length < PageSize)
                yield break;
            after = (FieldDoc)page.ScoreDocs[^1];
        }
    }
}
