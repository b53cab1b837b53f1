using System.Diagnostics;
using Search.Core.Indexing;
using Search.Core.Facets;
using Search.Core.Indexing.Analysis;

namespace Search.Core.Querying;

/// <summary>
/// One page of a <see cref="QueryPlan"/> on one searcher: collect (top window, stories and facets
/// in one pass, see <see cref="MatchCollector"/>), page (collapsed to stories when the index has
/// copies), build hits, and offer a respelling when little is found.
/// </summary>
internal static class RankedSearch
{
    public static SearchResult Run(ArticleIndexSearcher searcher, QueryPlan plan, ArticleAnalyzers analyzers, RankingSettings ranking)
    {
        var clock = Stopwatch.StartNew();
        var request = plan.Request;
        if (plan.IsEmpty)
            return Empty(plan, clock);
        plan.Bind(searcher, analyzers, ranking);
        // Patterns (prefix, wildcard, fuzzy) expanded once, for the search and the snippets alike.
        var query = searcher.Expand(plan.Query);
        var clusters = ClusterMap.For(searcher.IndexReader);
        bool collapse = request.Collapse && clusters.HasCopies;
        var stories = collapse ? StoryNumbers.For(clusters, searcher.IndexReader.MaxDoc) : null;
        int maxDoc = Math.Max(1, searcher.IndexReader.MaxDoc);
        int offset = plan.Offset, limit = plan.Limit;
        // Collapsed, a page of N stories needs more than N articles: start with twice as many
        // and widen (rarely) when copies ate the window.
        int window = Math.Max(1, Math.Min(collapse ? 2 * (offset + limit) + 10 : offset + limit, maxDoc));

        // A filtered dimension that is also counted is counted sideways (its own filter off); the
        // other filters narrow the search itself.
        var sidewaysDims = plan.Facets.Where(plan.FilterKeys.ContainsKey).ToList();
        var plainDims = plan.Facets.Where(f => !plan.FilterKeys.ContainsKey(f)).ToList();
        var filter = SearchFilters.Build(plan.FilterKeys, except: sidewaysDims);
        var sideways = sidewaysDims.Select(d => ((Filter)new QueryWrapperFilter(SearchFilters.AnyOf(d, plan.FilterKeys[d])), new FacetCollector(new[] { d }, stories))).ToList();
        var plainFacets = plainDims.Count > 0 ? new FacetCollector(plainDims, stories) : null;
        var storyCounter = stories != null ? new StoryTally(stories) : null;
        var top = new TopCollection(searcher, query, SortOrders.For(request.Sort));
        searcher.Run(query, filter, _ => plainFacets == null && sideways.Count == 0
            ? top.Create(window, storyCounter)
            : new MatchCollector(top.Create(window), storyCounter, plainFacets, sideways));

        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>();
        var others = new Dictionary<string, FacetOther>();
        foreach (string dim in plan.Facets)
        {
            var counter = plan.FilterKeys.ContainsKey(dim) ? sideways[sidewaysDims.IndexOf(dim)].Item2 : plainFacets!;
            facets[dim] = counter.Top(dim, request.FacetLimit, Selected(plan, dim));
            others[dim] = counter.Other(dim, facets[dim]);
        }

        int articles = top.TotalHits;
        var page = collapse
            // A wider window is searched under every filter (it collects hits only).
            ? CollapsedPaging.Page(top, sideways.Count == 0 ? filter : SearchFilters.Build(plan.FilterKeys), window, clusters, offset, limit, maxDoc)
            : top.Page(offset, limit);
        var hits = new HitBuilder(searcher, clusters, request.Snippets ? ForSnippets(plan.Query, query) : null, analyzers, collapse).Build(page, offset + 1);
        var result = new SearchResult
        {
            Query = request.Query,
            Total = storyCounter?.Stories ?? articles,
            Articles = articles,
            Collapsed = collapse,
            TookMs = 0,
            // An empty page says the offset asked for, not the window's end it was clamped to.
            Offset = hits.Count == 0 ? request.Offset : offset,
            Hits = hits,
            Facets = facets,
            FacetOthers = others,
            Filters = plan.Filters,
            Notes = plan.Notes.Append(plan.PastWindow && articles > QueryPlan.MaxWindow ? PastWindowNote(request) : null)
                .Append(articles == 0 ? UndatedIndexNote.For(request.Query, searcher.IndexReader) : null)
                .Append(articles > 0 ? UndatedIndexNote.ForSort(request.Sort, searcher.IndexReader) : null).OfType<string>().Distinct().ToList(),
        };
        if (request.Suggest && articles < 3 && !plan.MatchesAll)
            result.Suggestion = Suggestions.Better(searcher, request.Query, articles, SearchFilters.Build(plan.FilterKeys), analyzers, ranking);
        result.TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2);
        return result;
    }

    /// <summary>The values of <paramref name="dimension"/> its filter selects, as the facet counts
    /// name them: a typed value the index holds under another name (`place=usa`, `source=wikinews`)
    /// selects what it stands for (United States, en.wikinews.org), not a value of its own with no
    /// articles; a value that stands for nothing stays, shown with its count of 0.</summary>
    private static IReadOnlyList<string> Selected(QueryPlan plan, string dimension)
    {
        var typed = plan.Filters.GetValueOrDefault(dimension) ?? (IReadOnlyList<string>)Array.Empty<string>();
        if (plan.FilterKeys.GetValueOrDefault(dimension) is not { } keys)
            return typed;
        var typedKeys = typed.Select(ArticleDocument.FacetKey).ToHashSet(StringComparer.Ordinal);
        return typed.Where(t => keys.Contains(ArticleDocument.FacetKey(t))).Concat(keys.Where(k => !typedKeys.Contains(k))).ToList();
    }

    /// <summary>The expanded query when it still names its terms (fuzzy words become their terms,
    /// so the snippets do not expand them a second time: that was half a fuzzy query's time);
    /// the parsed one when a pattern became a filter of documents, which names no terms.</summary>
    internal static Query ForSnippets(Query parsed, Query expanded) => NamesTerms(expanded) ? expanded : parsed;

    private static bool NamesTerms(Query query) => query switch
    {
        ConstantScoreQuery c => c.Query != null && NamesTerms(c.Query),
        BooleanQuery b => b.Clauses.All(c => NamesTerms(c.Query)),
        DisjunctionMaxQuery d => d.All(NamesTerms),
        _ => true,
    };

    /// <summary>Said when a page reaches past the ranked window: where every hit can be had.</summary>
    public static string PastWindowNote(SearchRequest request) =>
        $"pages stop at hit {QueryPlan.MaxWindow:N0} (asked for hits {request.Offset + 1L:N0}–{(long)request.Offset + request.Limit:N0}); " +
        "for every hit, in order, use `search query QUERY --all --jsonl`";

    private static SearchResult Empty(QueryPlan plan, Stopwatch clock) => new()
    {
        Query = plan.Request.Query,
        Total = 0,
        TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2),
        Offset = plan.Request.Offset,
        Hits = Array.Empty<Hit>(),
        Facets = plan.Facets.ToDictionary(f => f, _ => (IReadOnlyList<FacetValue>)Array.Empty<FacetValue>()),
        Filters = plan.Filters,
        Notice = StopWordsOnly(plan.Request.Query),
    };

    /// <summary>What to say when nothing of the query is left to search: every word is a stop word
    /// (too common to be indexed: "the", "to be or not to be"), or there is no word at all (an empty
    /// phrase, punctuation).</summary>
    private static string StopWordsOnly(string query) =>
        LongestWord(query) is { Length: > MaxWordLength } tooLong
            ? $"'{tooLong[..20]}…' is {tooLong.Length:N0} characters long, and no word longer than {MaxWordLength} is indexed, so nothing can match; type a shorter word"
            : HasWord(query)
                ? $"\"{query.Trim()}\" has only stop words (the, to, be, or, not, … are too common to be indexed), so nothing can match; add a word that says what you are looking for"
                : $"the query {query.Trim()} has no word in it, so nothing can match; type a word or a phrase";

    /// <summary>The longest word the tokenizer keeps (Lucene's StandardTokenizer drops longer ones).</summary>
    private const int MaxWordLength = Lucene.Net.Analysis.Standard.StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH;

    /// <summary>The longest run of letters and digits in the query.</summary>
    private static string LongestWord(string query)
    {
        string longest = "";
        int start = -1;
        for (int i = 0; i <= query.Length; i++)
        {
            bool inWord = i < query.Length && char.IsLetterOrDigit(query[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                if (i - start > longest.Length)
                    longest = query[start..i];
                start = -1;
            }
        }
        return longest;
    }

    /// <summary>Whether the query holds a word: letters or digits other than the operators AND, OR, NOT.</summary>
    private static bool HasWord(string query) =>
        query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('"', '(', ')', '+', '-', '!'))
            .Any(w => w is not ("AND" or "OR" or "NOT") && w.Any(char.IsLetterOrDigit));
}
