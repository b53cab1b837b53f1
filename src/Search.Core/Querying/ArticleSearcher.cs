using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Duplicates;
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
    private readonly ReferenceManager<IndexSearcher> _searchers;

    private ArticleSearcher(string path, LuceneDirectory dir, ReferenceManager<IndexSearcher> searchers, AnalysisSettings analysis, RankingSettings ranking)
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
            ReferenceManager<IndexSearcher> manager;
            try { manager = new CompleteBuildSearcherManager(dir, new Bm25SearcherFactory(ranking), path); }
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
            // Values as people type them (place:uk, source:wikinews) become the values the index holds.
            var notes = new List<string>();
            query = FacetValueResolver.Rewrite(query, searcher.IndexReader, notes);
            var filterKeys = ResolveFilters(searcher.IndexReader, filters, notes);
            int offset = Math.Clamp(request.Offset, 0, MaxWindow);
            int limit = Math.Clamp(request.Limit, 0, MaxWindow - offset);
            int maxDoc = Math.Max(1, searcher.IndexReader.MaxDoc);
            var clusters = ClusterMap.For(searcher.IndexReader);
            bool collapse = request.Collapse && clusters.HasCopies;
            // Collapsed, a page of N stories needs more than N articles: start with twice as many
            // and widen (rarely) when copies ate the window.
            int window = Math.Max(1, Math.Min(collapse ? 2 * (offset + limit) + 10 : offset + limit, maxDoc));
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
            var stories = collapse ? clusters : null;
            var mainFacets = new FacetCollector(plain, stories);
            var storyCounter = collapse ? new StoryCounter(clusters) : null;
            var filter = FilterFor(filterKeys, except: null);
            Run(searcher, query, filter, scorerInOrder =>
            {
                top = TopFieldCollector.Create(SortFor(request.Sort), window, fillFields: false, trackDocScores: true, trackMaxScore: false,
                    docsScoredInOrder: forceInOrder || scorerInOrder);
                var collectors = new List<ICollector> { top };
                if (plain.Count > 0) collectors.Add(mainFacets);
                if (storyCounter != null) collectors.Add(storyCounter);
                return collectors.Count == 1 ? top : MultiCollector.Wrap(collectors.ToArray());
            });
            var facetResults = new Dictionary<string, IReadOnlyList<FacetValue>>();
            var facetOthers = new Dictionary<string, FacetOther>();
            foreach (string dim in facets)
            {
                var selected = filters.GetValueOrDefault(dim) ?? (IReadOnlyList<string>)Array.Empty<string>();
                if (filters.ContainsKey(dim))
                {
                    var own = new FacetCollector(new[] { dim }, stories);
                    Run(searcher, query, FilterFor(filterKeys, except: dim), _ => own);
                    facetResults[dim] = own.Top(dim, request.FacetLimit, selected);
                    facetOthers[dim] = own.Other(dim, facetResults[dim]);
                }
                else
                {
                    facetResults[dim] = mainFacets.Top(dim, request.FacetLimit, selected);
                    facetOthers[dim] = mainFacets.Other(dim, facetResults[dim]);
                }
            }

            int articles = top.TotalHits;
            var page = collapse
                ? CollapsedPage(searcher, query, filter, request.Sort, forceInOrder, top, window, clusters, offset, limit)
                : top.GetTopDocs(offset, limit).ScoreDocs;
            var hits = BuildHits(searcher, query, page, offset, request.Snippets, clusters, collapse);
            var result = new SearchResult
            {
                Query = request.Query,
                Total = storyCounter?.Stories ?? articles,
                Articles = articles,
                Collapsed = collapse,
                TookMs = 0,
                Offset = offset,
                Hits = hits,
                Facets = facetResults,
                FacetOthers = facetOthers,
                Filters = filters,
                Notes = notes.Distinct().ToList(),
            };
            if (request.Suggest && top.TotalHits < 3 && query is not MatchAllDocsQuery)
                result.Suggestion = SuggestBetter(searcher, request.Query, top.TotalHits, filterKeys);
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

    /// <summary>The index values (keys) each filter value stands for (see <see cref="FacetValueResolver"/>);
    /// a value that stands for none keeps its own key, matches nothing, and gets a note.</summary>
    private static Dictionary<string, IReadOnlyList<string>> ResolveFilters(IndexReader reader, Dictionary<string, IReadOnlyList<string>> filters, List<string> notes)
    {
        var keys = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (dim, values) in filters)
        {
            var resolver = FacetValueResolver.For(reader, dim);
            var list = new List<string>();
            foreach (string v in values)
            {
                var found = resolver.Resolve(v);
                if (found.Count == 0)
                {
                    notes.Add(FacetValueResolver.NothingMatches(dim, v, resolver.Suggest(v)));
                    list.Add(ArticleDocument.FacetKey(v));
                }
                else
                    list.AddRange(found);
            }
            keys[dim] = list.Distinct().ToList();
        }
        return keys;
    }

    /// <summary>Values within a dimension are OR'd, dimensions AND'd; filters do not change scores.</summary>
    private static Filter? FilterFor(Dictionary<string, IReadOnlyList<string>> filterKeys, string? except)
    {
        var all = new BooleanQuery();
        foreach (var (dim, keys) in filterKeys)
        {
            if (dim == except)
                continue;
            var any = new BooleanQuery();
            foreach (string k in keys)
                any.Add(new TermQuery(new Term(FacetDimensions.Field(dim), k)), Occur.SHOULD);
            all.Add(any, Occur.MUST);
        }
        return all.Clauses.Count == 0 ? null : new QueryWrapperFilter(all);
    }

    /// <summary>
    /// One page of stories: the first article of each cluster in the chosen order stands for it
    /// (the best-scored copy under relevance, the newest or oldest under a date order), so the
    /// copy shown is the one that best answers what was asked. Widens the window when copies
    /// filled it before the page was complete.
    /// </summary>
    private static ScoreDoc[] CollapsedPage(IndexSearcher searcher, Query query, Filter? filter, SortOrder sort, bool forceInOrder,
        TopFieldCollector top, int window, ClusterMap clusters, int offset, int limit)
    {
        while (true)
        {
            var docs = top.GetTopDocs(0, window).ScoreDocs;
            var seen = new HashSet<long>();
            var firsts = new List<ScoreDoc>(offset + limit);
            foreach (var sd in docs)
            {
                if (seen.Add(clusters.StoryOf(sd.Doc)))
                    firsts.Add(sd);
                if (firsts.Count == offset + limit)
                    break;
            }
            int maxDoc = Math.Max(1, searcher.IndexReader.MaxDoc);
            if (firsts.Count >= offset + limit || docs.Length >= top.TotalHits || window >= maxDoc)
                return firsts.Skip(offset).Take(limit).ToArray();
            window = (int)Math.Min((long)window * 4, maxDoc);
            TopFieldCollector wider = null!;
            Run(searcher, query, filter, scorerInOrder => wider = TopFieldCollector.Create(SortFor(sort), window, fillFields: false,
                trackDocScores: true, trackMaxScore: false, docsScoredInOrder: forceInOrder || scorerInOrder));
            top = wider;
        }
    }

    private List<Hit> BuildHits(IndexSearcher searcher, Query query, ScoreDoc[] page, int offset, bool snippets, ClusterMap clusters, bool collapsed)
    {
        var hits = new List<Hit>(page.Length);
        var snippetBuilder = snippets && page.Length > 0 ? new SnippetBuilder(query, searcher.IndexReader, Analyzers) : null;
        for (int i = 0; i < page.Length; i++)
        {
            var sd = page[i];
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
                Cluster = clusters.KeyOf(sd.Doc) is var key && key != DuplicateClusterer.Unassigned ? ClusterMap.Format(key) : null,
                Copies = clusters.SizeOf(sd.Doc),
                CopySources = collapsed ? SourcesOfCopies(searcher, clusters, sd.Doc) : Array.Empty<string>(),
            });
        }
        return hits;
    }

    private static readonly ISet<string> SourceField = new HashSet<string> { Schema.Source };

    /// <summary>The outlets of a doc's copies (its own outlet left out unless a copy shares it), each once; copies without a source are only counted.</summary>
    private static IReadOnlyList<string> SourcesOfCopies(IndexSearcher searcher, ClusterMap clusters, int doc)
    {
        var members = clusters.MembersOf(doc);
        if (members.Count < 2)
            return Array.Empty<string>();
        return members.Where(m => m != doc)
            .Select(m => searcher.Doc(m, SourceField).Get(Schema.Source)).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private string? SuggestBetter(IndexSearcher searcher, string text, int total, Dictionary<string, IReadOnlyList<string>> filterKeys)
    {
        string? suggestion = SpellingSuggester.Suggest(searcher.IndexReader, text);
        if (suggestion == null)
            return null;
        try
        {
            var parsed = new ArticleQueryParser(Analyzers, 10_000, Ranking).ParseQuery(suggestion);
            var count = new TotalHitCountCollector();
            Run(searcher, parsed, FilterFor(filterKeys, except: null), _ => count);
            return count.TotalHits > total ? suggestion : null;
        }
        catch (SearchException)
        {
            return null;
        }
    }

    /// <summary>
    /// Articles like the one with <paramref name="id"/>: Lucene's MoreLikeThis over title and body
    /// (its defaults: the 25 terms of the article that score highest by tf·idf, each at least twice
    /// in it and in five articles of the index), ranked by BM25. MoreLikeThis would return the
    /// seed itself and its copies first: both are left out, and the rest collapsed to one per story.
    /// A <see cref="SearchException"/> when no article has that id.
    /// </summary>
    public RelatedResult Related(string id, int limit = 10)
    {
        var clock = Stopwatch.StartNew();
        var searcher = _searchers.Acquire();
        try
        {
            var found = searcher.Search(new TermQuery(new Term(Schema.Id, id)), 1);
            if (found.TotalHits == 0)
                throw new SearchException($"no article with id '{id}'");
            int seed = found.ScoreDocs[0].Doc;
            var clusters = ClusterMap.For(searcher.IndexReader);
            var seedStory = clusters.StoryOf(seed);
            var query = RelatedArticles.Query(searcher.IndexReader, Analyzers, seed);
            var page = new List<ScoreDoc>();
            if (query != null && limit > 0)
            {
                var seen = new HashSet<long> { seedStory };
                int window = limit + clusters.SizeOf(seed) + 10;
                var top = searcher.Search(query, window);
                foreach (var sd in top.ScoreDocs)
                    if (seen.Add(clusters.StoryOf(sd.Doc)) && page.Count < limit)
                        page.Add(sd);
            }
            return new RelatedResult
            {
                SeedId = id,
                SeedTitle = searcher.Doc(seed, HitFields).Get(Schema.Title) ?? "",
                SeedCopies = clusters.SizeOf(seed) - 1,
                Hits = BuildHits(searcher, new MatchAllDocsQuery(), page.ToArray(), 0, snippets: false, clusters, collapsed: true),
                TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2),
            };
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Every cluster of two or more articles: the largest first, then by key; members
    /// earliest first (undated last), then by id.</summary>
    public IReadOnlyList<DuplicateCluster> Duplicates()
    {
        var searcher = _searchers.Acquire();
        try
        {
            var clusters = ClusterMap.For(searcher.IndexReader);
            var result = new List<DuplicateCluster>();
            foreach (var (key, docs) in clusters.Clusters)
            {
                var members = docs.Select(d => searcher.Doc(d, HitFields))
                    .Select(doc => new DuplicateCluster.Member(doc.Get(Schema.Id) ?? "", doc.Get(Schema.Title) ?? "", doc.Get(Schema.Source), doc.Get(Schema.Published)))
                    .OrderBy(m => m.Published ?? "9999").ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
                result.Add(new DuplicateCluster(ClusterMap.Format(key), members));
            }
            return result.OrderByDescending(c => c.Members.Count).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        }
        finally
        {
            _searchers.Release(searcher);
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
