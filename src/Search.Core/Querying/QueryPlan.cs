using Search.Core.Facets;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;

namespace Search.Core.Querying;

/// <summary>
/// What a <see cref="SearchRequest"/> asks of the index, before any searcher is involved: the
/// parsed query with its limits checked, the facet dimensions and filters normalised, and the
/// page clamped to the window a ranked search can serve (<see cref="MaxWindow"/>).
/// <see cref="Bind"/> then settles what depends on the index (facet values as people type them).
/// </summary>
internal sealed class QueryPlan
{
    /// <summary>Deepest page a ranked search may ask for; every hit beyond it comes from
    /// <see cref="HitStream"/> (`search query --all --jsonl`).</summary>
    public const int MaxWindow = 10_000;

    /// <summary>Most term-level clauses a query may have. Lucene.Net 4.8 spends about a
    /// millisecond per term clause even when the term is in no document (weights, statistics per
    /// clause), so a pasted 500-word query took over a second on a 300-article index.</summary>
    public const int MaxQueryTerms = 128;

    private QueryPlan(SearchRequest request, Query query, Dictionary<string, IReadOnlyList<string>> filters, IReadOnlyList<string> facets)
    {
        Request = request;
        Query = query;
        Filters = filters;
        Facets = facets;
        Offset = Math.Clamp(request.Offset, 0, MaxWindow);
        Limit = Math.Clamp(request.Limit, 0, MaxWindow - Offset);
    }

    public SearchRequest Request { get; }
    public Query Query { get; private set; }
    /// <summary>Filters as asked (dimension names normalised, values trimmed).</summary>
    public Dictionary<string, IReadOnlyList<string>> Filters { get; }
    /// <summary>Filters as index keys; set by <see cref="Bind"/>.</summary>
    public Dictionary<string, IReadOnlyList<string>> FilterKeys { get; private set; } = new();
    public IReadOnlyList<string> Facets { get; }
    public int Offset { get; }
    public int Limit { get; }
    public List<string> Notes { get; } = new();

    /// <summary>True when the query has nothing left to search (stop words only).</summary>
    public bool IsEmpty => Query is BooleanQuery { Clauses.Count: 0 };

    public bool MatchesAll => Query is MatchAllDocsQuery;

    /// <summary>True when the page asked for reaches past <see cref="MaxWindow"/>.</summary>
    public bool PastWindow => (long)Request.Offset + Request.Limit > MaxWindow && Request.Limit > 0;

    /// <param name="index">The index searched: the query is analysed as each language it holds
    /// (<see cref="LanguageQueries"/>); null: as English only.</param>
    public static QueryPlan Parse(SearchRequest request, ArticleAnalyzers analyzers, RankingSettings ranking, Lucene.Net.Index.IndexReader? index = null)
    {
        Query query;
        try
        {
            query = index == null
                ? new ArticleQueryParser(analyzers, request.MaxExpansions, ranking).ParseQuery(request.Query, request.MatchAny)
                : LanguageQueries.Parse(request.Query, request.MatchAny, analyzers, request.MaxExpansions, ranking, index);
        }
        catch (QuerySyntaxException e)
        {
            throw QueryPositions.AsSeen(request.Query, e);
        }
        if (!request.MatchAny && CountLeaves(query, MaxQueryTerms + 1) > MaxQueryTerms)
            throw new QuerySyntaxException($"the query has too many words: at most {MaxQueryTerms / Schema.DefaultFields.Count} words (or {MaxQueryTerms} field:value terms) are searched at once; shorten it", 0);
        var filters = SearchFilters.Normalize(request.Filters);
        var facets = request.Facets.Select(f => FacetDimensions.Normalize(f) ?? throw new SearchException(SearchFilters.UnknownDimension(f), QuerySyntaxException.Code)).Distinct().ToList();
        return new QueryPlan(request, query, filters, facets);
    }

    /// <summary>Values as people type them (place:uk, source:wikinews) become the values the index
    /// holds, in the query and the filters; a keyword query is expanded when asked (RM3).</summary>
    public void Bind(IndexSearcher searcher, ArticleAnalyzers analyzers, RankingSettings ranking)
    {
        Query = FacetValueResolver.Rewrite(Query, searcher.IndexReader, Notes);
        FilterKeys = SearchFilters.Resolve(searcher.IndexReader, Filters, Notes);
        if (Request.Expand && Request.MatchAny && !MatchesAll)
            Query = Rm3Expansion.Expand(searcher, Query, SearchFilters.Build(FilterKeys), analyzers.Stemmed, ranking);
    }

    private static int CountLeaves(Query query, int stopAt)
    {
        if (query is not BooleanQuery bq)
            // A word on the combined field stands for its title and body clauses: the limit stays
            // "64 words" whichever way words are scored.
            return query is TermQuery { Term.Field: Schema.AllText } ? Schema.DefaultFields.Count : 1;
        int n = 0;
        foreach (var clause in bq.Clauses)
        {
            n += CountLeaves(clause.Query, stopAt - n);
            if (n >= stopAt)
                break;
        }
        return n;
    }
}
