using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Facets;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Ingest;
using Search.Core.Snippets;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Querying;

/// <summary>
/// Answers queries over one index: parse → filter → collect (top hits and facet counts in one
/// pass) → snippets → "did you mean". Thread-safe; readers come from a <see cref="SearcherManager"/>,
/// so a build running in another process is picked up at its next commit (<see cref="Refresh"/>)
/// while queries keep answering from the last one.
/// </summary>
public sealed class ArticleSearcher : IDisposable
{
    /// <summary>Deepest page a query may ask for; beyond it ranking the whole index is the cost.</summary>
    public const int MaxWindow = 10_000;

    private static readonly ISet<string> HitFields = new HashSet<string>
        { Schema.Id, Schema.Title, Schema.Source, Schema.Author, Schema.Published, Schema.Section, Schema.Url };

    /// <summary>With snippets the stored body is needed too (it is most of the stored data).</summary>
    private static readonly ISet<string> HitFieldsWithBody = new HashSet<string>(HitFields) { Schema.Body };

    private readonly LuceneDirectory _dir;
    private readonly SearcherManager _searchers;

    private ArticleSearcher(string path, LuceneDirectory dir, SearcherManager searchers, AnalysisSettings analysis, RankingSettings ranking)
    {
        IndexPath = path;
        _dir = dir;
        _searchers = searchers;
        Analysis = analysis;
        Analyzers = new ArticleAnalyzers(analysis);
        Ranking = ranking;
    }

    public string IndexPath { get; }
    public AnalysisSettings Analysis { get; }
    internal ArticleAnalyzers Analyzers { get; }
    public RankingSettings Ranking { get; }

    /// <summary>Opens the index at <paramref name="path"/>; a clear <see cref="SearchException"/>
    /// when it is missing, not an index, of another schema version or damaged. Scoring follows
    /// <paramref name="ranking"/>, <see cref="RankingSettings.Default"/> when null.</summary>
    public static ArticleSearcher Open(string path, RankingSettings? ranking = null)
    {
        ranking ??= RankingSettings.Default;
        path = Path.GetFullPath(path);
        if (File.Exists(path))
            throw new SearchException($"{path} is a file, not an index folder");
        var dir = IndexStore.OpenDirectory(path);
        try
        {
            IndexStore.CheckExists(dir, path);
            SearcherManager manager;
            try { manager = new SearcherManager(dir, new Bm25SearcherFactory(ranking)); }
            catch (Exception e) when (IndexStore.IsDamage(e)) { throw IndexStore.Damaged(path, e); }
            try
            {
                var searcher = manager.Acquire();
                try { return new ArticleSearcher(path, dir, manager, IndexStore.ReadSettings((DirectoryReader)searcher.IndexReader, path), ranking); }
                finally { manager.Release(searcher); }
            }
            catch
            {
                manager.Dispose();
                throw;
            }
        }
        catch
        {
            dir.Dispose();
            throw;
        }
    }

    /// <summary>Picks up a newer commit if there is one (cheap when there is none).</summary>
    public void Refresh()
    {
        try { _searchers.MaybeRefresh(); }
        catch (IOException) { /* a commit in progress: keep answering from the current one */ }
    }

    /// <summary>Runs <paramref name="request"/>. A query of plain words only (no quotes, operators,
    /// fields or patterns) that no article has all of, or that has more words than a query may
    /// require, is answered as keywords of which any may match, best first, and says so
    /// (<see cref="SearchResult.AnyWords"/>): a sentence pasted from a brief finds what it is about
    /// instead of nothing.</summary>
    public SearchResult Search(SearchRequest request)
    {
        if (request.MatchAny || !PlainWords.IsMatch(request.Query) || request.Query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < 2)
            return SearchAsGiven(request);
        var clock = Stopwatch.StartNew();
        SearchResult? strict = null;
        try
        {
            strict = SearchAsGiven(request);
        }
        catch (QuerySyntaxException)
        {
            // Too many words to require them all: answered as keywords below.
        }
        if (strict is { Total: > 0 })
            return strict;
        // The strict attempt already looked for a respelling (the costly part of an empty result).
        var any = SearchAsGiven(request.AsAnyWords(suggest: request.Suggest && strict == null));
        if (any.Total == 0)
            return strict ?? any;
        any.AnyWords = true;
        any.TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2); // both attempts
        // A respelling that finds the words together beats any-word matches: keep offering it.
        any.Suggestion = strict?.Suggestion ?? any.Suggestion;
        return any;
    }

    /// <summary>Letters, digits, apostrophes, hyphens inside words, sentence punctuation: no query
    /// syntax (AND, OR, NOT and TO in capitals are operators).</summary>
    private static readonly System.Text.RegularExpressions.Regex PlainWords = new(
        @"^(?!.*\b(AND|OR|NOT|TO)\b)(?:[\p{L}\p{N}\s'’.,;!?]|(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}]))*$",
        System.Text.RegularExpressions.RegexOptions.Compiled);

    private SearchResult SearchAsGiven(SearchRequest request)
    {
        var clock = Stopwatch.StartNew();
        var parser = new ArticleQueryParser(Analyzers, request.MaxExpansions, Ranking);
        var query = parser.ParseQuery(request.Query, request.MatchAny);
        if (!request.MatchAny && CountLeaves(query, MaxQueryTerms + 1) > MaxQueryTerms)
            throw new QuerySyntaxException($"the query has too many words: at most {MaxQueryTerms / Schema.DefaultFields.Count} words (or {MaxQueryTerms} field:value terms) are searched at once; shorten it", 0);
        var filters = NormalizeFilters(request.Filters);
        var facets = request.Facets.Select(f => FacetDimensions.Normalize(f) ?? throw new SearchException(UnknownDimension(f), QuerySyntaxException.Code)).Distinct().ToList();

        var searcher = _searchers.Acquire();
        try
        {
            if (query is BooleanQuery { Clauses.Count: 0 })
                return new SearchResult
                {
                    Query = request.Query,
                    Total = 0,
                    TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2),
                    Offset = request.Offset,
                    Hits = Array.Empty<Hit>(),
                    Facets = facets.ToDictionary(f => f, _ => (IReadOnlyList<FacetValue>)Array.Empty<FacetValue>()),
                    Filters = filters,
                    Notice = StopWordsOnly(request.Query),
                };
            int offset = Math.Clamp(request.Offset, 0, MaxWindow);
            int limit = Math.Clamp(request.Limit, 0, MaxWindow - offset);
            int window = Math.Max(1, Math.Min(offset + limit, Math.Max(1, searcher.IndexReader.MaxDoc)));
            // Collect in the order the query's scorer prefers, as IndexSearcher does for its own
            // collectors (in order made a term query 2x slower) -- except around wildcard, prefix
            // and range clauses, where Lucene.Net's out-of-order BooleanScorer over their
            // constant-score filters is 7x slower than in order (measured at 100k articles).
            if (request.Expand && request.MatchAny && query is not MatchAllDocsQuery)
                query = Rm3Expansion.Expand(searcher, query, FilterFor(filters, except: null), Analyzers.Stemmed, Ranking);
            bool forceInOrder = HasMultiTermClause(query);
            TopFieldCollector top = null!;
            // Dimensions without a filter of their own are counted in the main pass; a filtered one
            // is counted again without its own filter (multi-select), so its other values show.
            var plain = facets.Where(f => !filters.ContainsKey(f)).ToList();
            var mainFacets = new FacetCollector(plain);
            Run(searcher, query, FilterFor(filters, except: null), scorerInOrder =>
            {
                top = TopFieldCollector.Create(SortFor(request.Sort), window, fillFields: false, trackDocScores: true, trackMaxScore: false,
                    docsScoredInOrder: forceInOrder || scorerInOrder);
                return plain.Count > 0 ? MultiCollector.Wrap(top, mainFacets) : top;
            });
            var facetResults = new Dictionary<string, IReadOnlyList<FacetValue>>();
            var facetOthers = new Dictionary<string, FacetOther>();
            foreach (string dim in facets)
            {
                var selected = filters.GetValueOrDefault(dim) ?? (IReadOnlyList<string>)Array.Empty<string>();
                if (filters.ContainsKey(dim))
                {
                    var own = new FacetCollector(new[] { dim });
                    Run(searcher, query, FilterFor(filters, except: dim), _ => own);
                    facetResults[dim] = own.Top(dim, request.FacetLimit, selected);
                    facetOthers[dim] = own.Other(dim, facetResults[dim]);
                }
                else
                {
                    facetResults[dim] = mainFacets.Top(dim, request.FacetLimit, selected);
                    facetOthers[dim] = mainFacets.Other(dim, facetResults[dim]);
                }
            }

            var docs = top.GetTopDocs(offset, limit);
            var hits = BuildHits(searcher, query, docs, offset, request.Snippets);
            var result = new SearchResult
            {
                Query = request.Query,
                Total = top.TotalHits,
                TookMs = 0,
                Offset = offset,
                Hits = hits,
                Facets = facetResults,
                FacetOthers = facetOthers,
                Filters = filters,
            };
            if (request.Suggest && top.TotalHits < 3 && query is not MatchAllDocsQuery)
                result.Suggestion = SuggestBetter(searcher, request.Query, top.TotalHits, filters);
            result.TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2);
            return result;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>What to say when nothing of the query is left to search: every word is a stop word
    /// (too common to be indexed: "the", "to be or not to be").</summary>
    private static string StopWordsOnly(string query) =>
        $"\"{query.Trim()}\" has only stop words (the, to, be, or, not, … are too common to be indexed), so nothing can match; add a word that says what you are looking for";

    /// <summary>Most term-level clauses a query may have. Lucene.Net 4.8 spends about a
    /// millisecond per term clause even when the term is in no document (weights, statistics per
    /// clause), so a pasted 500-word query took over a second on a 300-article index.</summary>
    public const int MaxQueryTerms = 128;

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

    private static bool HasMultiTermClause(Query query) => query switch
    {
        FuzzyQuery => false, // scored term by term, not a constant-score filter
        MultiTermQuery => true,
        BooleanQuery b => b.Clauses.Any(c => HasMultiTermClause(c.Query)),
        _ => false,
    };

    /// <summary>Runs a search, turning over-broad patterns into query errors. The collector is made
    /// once the query's weight says whether its scorer delivers documents in order.</summary>
    private static void Run(IndexSearcher searcher, Query query, Filter? filter, Func<bool, ICollector> collectorFor)
    {
        try
        {
            ((ArticleIndexSearcher)searcher).Search(query, filter, collectorFor);
        }
        catch (TooManyTermsException e)
        {
            throw new QuerySyntaxException(e.Message, 0, e);
        }
        catch (BooleanQuery.TooManyClausesException e)
        {
            throw new QuerySyntaxException($"the query expands to more than {BooleanQuery.MaxClauseCount:N0} terms; make wildcards or fuzzy words more specific", 0, e);
        }
    }

    private static Sort SortFor(SortOrder order) => order switch
    {
        SortOrder.Newest => new Sort(ByDate(newestFirst: true), SortField.FIELD_SCORE),
        SortOrder.Oldest => new Sort(ByDate(newestFirst: false), SortField.FIELD_SCORE),
        // Relevance, ties broken by newer first.
        _ => new Sort(SortField.FIELD_SCORE, ByDate(newestFirst: true)),
    };

    /// <summary>Sorts by publication date with undated articles last in either direction.</summary>
    private static SortField ByDate(bool newestFirst)
    {
        return new SortField(Schema.PublishedSort, new DateSortSource(missingValue: newestFirst ? 0L : long.MaxValue), newestFirst);
    }

    private static Dictionary<string, IReadOnlyList<string>> NormalizeFilters(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (name, values) in filters)
        {
            string dim = FacetDimensions.Normalize(name) ?? throw new SearchException(UnknownDimension(name), QuerySyntaxException.Code);
            var list = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
            if (list.Count == 0)
                continue;
            result[dim] = result.TryGetValue(dim, out var existing) ? existing.Concat(list).Distinct(StringComparer.OrdinalIgnoreCase).ToList() : list;
        }
        return result;
    }

    internal static string UnknownDimension(string name) =>
        $"unknown facet '{name}'; facets are {string.Join(", ", FacetDimensions.All)}";

    /// <summary>Values within a dimension are OR'd, dimensions AND'd; filters do not change scores.</summary>
    private static Filter? FilterFor(Dictionary<string, IReadOnlyList<string>> filters, string? except)
    {
        var all = new BooleanQuery();
        foreach (var (dim, values) in filters)
        {
            if (dim == except)
                continue;
            var any = new BooleanQuery();
            foreach (string v in values)
                any.Add(new TermQuery(new Term(FacetDimensions.Field(dim), ArticleDocument.FacetKey(v))), Occur.SHOULD);
            all.Add(any, Occur.MUST);
        }
        return all.Clauses.Count == 0 ? null : new QueryWrapperFilter(all);
    }

    private List<Hit> BuildHits(IndexSearcher searcher, Query query, TopDocs docs, int offset, bool snippets)
    {
        var hits = new List<Hit>(docs.ScoreDocs.Length);
        var snippetBuilder = snippets && docs.ScoreDocs.Length > 0 ? new SnippetBuilder(query, searcher.IndexReader, Analyzers) : null;
        for (int i = 0; i < docs.ScoreDocs.Length; i++)
        {
            var sd = docs.ScoreDocs[i];
            var doc = searcher.Doc(sd.Doc, snippets ? HitFieldsWithBody : HitFields);
            string title = doc.Get(Schema.Title) ?? "";
            string body = doc.Get(Schema.Body) ?? "";
            hits.Add(new Hit
            {
                Rank = offset + i + 1,
                Id = doc.Get(Schema.Id) ?? "",
                Score = float.IsNaN(sd.Score) ? 0 : sd.Score,
                Title = title,
                Source = doc.Get(Schema.Source),
                Author = doc.Get(Schema.Author),
                Published = doc.Get(Schema.Published),
                Section = doc.Get(Schema.Section),
                Url = doc.Get(Schema.Url),
                Snippet = snippetBuilder?.Body(body) ?? "",
                TitleHighlighted = snippetBuilder?.Title(title) ?? title,
            });
        }
        return hits;
    }

    private string? SuggestBetter(IndexSearcher searcher, string text, int total, Dictionary<string, IReadOnlyList<string>> filters)
    {
        string? suggestion = SpellingSuggester.Suggest(searcher.IndexReader, text);
        if (suggestion == null)
            return null;
        try
        {
            var parsed = new ArticleQueryParser(Analyzers, 10_000, Ranking).ParseQuery(suggestion);
            var count = new TotalHitCountCollector();
            Run(searcher, parsed, FilterFor(filters, except: null), _ => count);
            return count.TotalHits > total ? suggestion : null;
        }
        catch (SearchException)
        {
            return null;
        }
    }

    /// <summary>The article with this id, or null; when articles of several files share the id
    /// (see <see cref="Indexing.Build.ArticleKey"/>), the one whose file sorts first.</summary>
    public Article? Get(string id) => GetAll(id).FirstOrDefault();

    /// <summary>Every article with this id, ordered by file: one, unless files share the id.</summary>
    public IReadOnlyList<Article> GetAll(string id)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(new TermQuery(new Term(Schema.Id, id)), 100);
            return top.ScoreDocs.Select(d => ArticleDocument.Load(searcher.Doc(d.Doc)))
                .OrderBy(a => a.File, StringComparer.Ordinal).ThenBy(a => a.FullPath, StringComparer.Ordinal).ToList();
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>The title and body of <paramref name="article"/> with the words that
    /// <paramref name="query"/> matches marked by <see cref="Highlight"/>; unmarked when the query
    /// does not parse.</summary>
    public (string Title, string Body) Highlighted(Article article, string query)
    {
        Query parsed;
        try { parsed = new ArticleQueryParser(Analyzers, 10_000, Ranking).ParseQuery(query); }
        catch (SearchException) { return (article.Title, article.Body); }
        var searcher = _searchers.Acquire();
        try
        {
            var builder = new SnippetBuilder(parsed, searcher.IndexReader, Analyzers);
            return (builder.Title(article.Title), builder.WholeBody(article.Body));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public IndexStats Stats(int topValues = 5)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return IndexStats.Compute(searcher, _dir, IndexPath, Analysis, topValues);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _dir.Dispose();
    }

    /// <summary>An IndexSearcher that builds a query's weight once and lets the caller pick the
    /// collector from it (IndexSearcher does that only for its own collectors).</summary>
    private sealed class ArticleIndexSearcher(IndexReader reader) : IndexSearcher(reader)
    {
        public void Search(Query query, Filter? filter, Func<bool, ICollector> collectorFor)
        {
            var weight = CreateNormalizedWeight(WrapFilter(query, filter));
            Search(m_leafContexts, weight, collectorFor(!weight.ScoresDocsOutOfOrder));
        }
    }

    private sealed class Bm25SearcherFactory(RankingSettings ranking) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new ArticleIndexSearcher(reader) { Similarity = ranking.CreateSimilarity() };
    }
}
