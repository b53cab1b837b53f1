using System.Diagnostics;
using Search.Core.Duplicates;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Ingest;
using Search.Core.Querying.StoredFields;
using Search.Core.Snippets;

namespace Search.Core.Querying;

/// <summary>
/// The query side's entry point over one index: ranked pages (<see cref="Search"/>), every hit
/// (<see cref="SearchAll"/>), articles by id, related articles, duplicate clusters and statistics.
/// Thread-safe; each call borrows a searcher from a <see cref="SearcherPool"/>, so a build running
/// in another process is picked up at its next commit (<see cref="Refresh"/>) while queries keep
/// answering from the last one. The work itself is done by the parts: <see cref="QueryPlan"/>,
/// <see cref="RankedSearch"/> (with <see cref="MatchCollector"/>, <see cref="HitBuilder"/>,
/// <see cref="Suggestions"/>), <see cref="AnyWordsFallback"/> and <see cref="HitStream"/>.
/// </summary>
public sealed class ArticleSearcher : IDisposable
{
    /// <summary>Deepest page a query may ask for; beyond it, <see cref="SearchAll"/>.</summary>
    public const int MaxWindow = QueryPlan.MaxWindow;

    /// <summary>Most term-level clauses a query may have (see <see cref="QueryPlan.MaxQueryTerms"/>).</summary>
    public const int MaxQueryTerms = QueryPlan.MaxQueryTerms;

    private readonly SearcherPool _pool;

    private static readonly ISet<string> LanguageField = new HashSet<string> { Schema.Language };

    private ArticleSearcher(string path, SearcherPool pool, RankingSettings ranking)
    {
        IndexPath = path;
        _pool = pool;
        Ranking = ranking;
    }

    public string IndexPath { get; }

    /// <summary>The analysis of the commit queries run on now (a `--rebuild` may change it).</summary>
    public AnalysisSettings Analysis => _pool.Analysis;

    /// <summary>The analysers of the commit queries run on now; each query takes its searcher's.</summary>
    internal ArticleAnalyzers Analyzers => _pool.Use(s => s.Analyzers);

    public RankingSettings Ranking { get; }

    /// <summary>Opens the index at <paramref name="path"/>; a clear <see cref="SearchException"/>
    /// when it is missing, not an index, of another schema version or damaged. Scoring follows
    /// <paramref name="ranking"/>, <see cref="RankingSettings.Default"/> when null.</summary>
    public static ArticleSearcher Open(string path, RankingSettings? ranking = null)
    {
        ranking ??= RankingSettings.Default;
        path = Path.GetFullPath(path);
        return new ArticleSearcher(path, SearcherPool.Open(path, ranking), ranking);
    }

    /// <summary>Picks up a newer commit if there is one (cheap when there is none).</summary>
    public void Refresh() => _pool.Refresh();

    /// <summary>Runs <paramref name="request"/>: one ranked page (up to hit <see cref="MaxWindow"/>;
    /// a page past it says so in <see cref="SearchResult.Notice"/>). Plain words that no article
    /// has all of are answered as keywords of which any may match (see <see cref="AnyWordsFallback"/>).</summary>
    public SearchResult Search(SearchRequest request) => AnyWordsFallback.Search(request, SearchAsGiven);

    /// <summary>Every hit of <paramref name="request"/>'s query and filters in its order, streamed
    /// in bounded memory with no depth limit; one hit per article (not collapsed). A bad query
    /// throws here; the searcher is held until the enumeration ends.</summary>
    public IEnumerable<Hit> SearchAll(SearchRequest request) => HitStream.All(_pool, request, Ranking);

    /// <summary>The request as <see cref="Search"/> answers it: plain words that no article has all
    /// of as keywords of which any may match (<see cref="SearchRequest.MatchAny"/>), else unchanged.
    /// What <see cref="SearchAll"/> is given for every hit of what the pages show.</summary>
    public SearchRequest AnsweredAs(SearchRequest request) =>
        AnyWordsFallback.Applies(request, SearchAsGiven) ? request.AsAnyWords(suggest: false) : request;

    private SearchResult SearchAsGiven(SearchRequest request)
    {
        using var lease = _pool.Acquire();
        var plan = QueryPlan.Parse(request, lease.Searcher.Analyzers, Ranking, lease.Searcher.IndexReader);
        return RankedSearch.Run(lease.Searcher, plan, lease.Searcher.Analyzers, Ranking);
    }

    /// <summary>
    /// Articles like the one with <paramref name="id"/> (<see cref="RelatedArticles"/>: the seed's 50
    /// most telling words in the ranking field, its places, closeness in time), ranked by the same
    /// BM25 as every query. The query would return the seed itself and its copies first: both are
    /// left out, and the rest collapsed to one per story.
    /// When articles of several files share the id, <paramref name="file"/> (the file as
    /// <see cref="Article.File"/> or <see cref="Article.FullPath"/> has it) says which is the seed.
    /// A <see cref="SearchException"/> when no article has that id (in that file).
    /// </summary>
    public RelatedResult Related(string id, int limit = 10, string? file = null)
    {
        var clock = Stopwatch.StartNew();
        using var lease = _pool.Acquire();
        var searcher = lease.Searcher;
        {
            int seed = DocOf(searcher, id, file);
            if (seed < 0)
                throw new SearchException(file == null ? $"no article with id '{id}'" : $"no article with id '{id}' in {file}");
            var clusters = ClusterMap.For(searcher.IndexReader);
            var seedStory = clusters.StoryOf(seed);
            // The seed's words as its own language analysed them (issue 23).
            string language = Indexing.Analysis.Languages.LanguageChains.KeyOf(searcher.Doc(seed, LanguageField).Get(Schema.Language));
            var query = RelatedArticles.Query(searcher.IndexReader, searcher.Analyzers.For(language), seed);
            var page = new List<ScoreDoc>();
            if (query != null && limit > 0)
            {
                var seen = new HashSet<long> { seedStory };
                int window = limit + clusters.SizeOf(seed) + 10;
                var ranked = new IndexSearcher(searcher.IndexReader) { Similarity = RelatedOptions.Default.CreateSimilarity() };
                var top = ranked.Search(query, window);
                foreach (var sd in top.ScoreDocs)
                    if (seen.Add(clusters.StoryOf(sd.Doc)) && page.Count < limit)
                        page.Add(sd);
            }
            return new RelatedResult
            {
                SeedId = id,
                SeedTitle = HitDocuments.Read(searcher.IndexReader, seed, HitBuilder.HitFields).Get(Schema.Title) ?? "",
                SeedCopies = clusters.SizeOf(seed) - 1,
                Hits = new HitBuilder(searcher, clusters, query: null, searcher.Analyzers, collapsed: true).Build(page, 1),
                TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2),
            };
        }
    }

    /// <summary>The document of the article with <paramref name="id"/> (of <paramref name="file"/>,
    /// as <see cref="Article.File"/> or <see cref="Article.FullPath"/> has it, when given), or -1.</summary>
    private static int DocOf(IndexSearcher searcher, string id, string? file)
    {
        var found = searcher.Search(new TermQuery(new Term(Schema.Id, id)), file == null ? 1 : 100);
        foreach (var d in found.ScoreDocs)
        {
            var a = file == null ? null : ArticleDocument.Load(searcher.Doc(d.Doc));
            if (a == null || a.File == file || a.FullPath == file)
                return d.Doc;
        }
        return -1;
    }

    /// <summary>The story of the article with <paramref name="id"/> (of <paramref name="file"/>, when
    /// files share the id) as <see cref="Duplicates"/> lists it, members earliest first; null when the
    /// article has no copies. Reads that story's articles only. A <see cref="SearchException"/> when no
    /// article has the id.</summary>
    public DuplicateCluster? StoryOf(string id, string? file = null)
    {
        using var lease = _pool.Acquire();
        var searcher = lease.Searcher;
        int doc = DocOf(searcher, id, file);
        if (doc < 0)
            throw new SearchException(file == null ? $"no article with id '{id}'" : $"no article with id '{id}' in {file}");
        var clusters = ClusterMap.For(searcher.IndexReader);
        if (clusters.SizeOf(doc) < 2)
            return null;
        return new DuplicateCluster(ClusterMap.Format(clusters.StoryOf(doc)), Members(searcher.IndexReader, clusters.MembersOf(doc)));
    }

    private static List<DuplicateCluster.Member> Members(IndexReader reader, IEnumerable<int> docs) =>
        docs.Select(d => HitDocuments.Read(reader, d, HitBuilder.HitFields))
            .Select(doc => new DuplicateCluster.Member(doc.Get(Schema.Id) ?? "", doc.Get(Schema.Title) ?? "", doc.Get(Schema.Source), doc.Get(Schema.Published)))
            .OrderBy(m => m.Published ?? "9999").ThenBy(m => m.Id, StringComparer.Ordinal).ToList();

    /// <summary>Every cluster of two or more articles: the largest first, then by key; members
    /// earliest first (undated last), then by id.</summary>
    public IReadOnlyList<DuplicateCluster> Duplicates()
    {
        using var lease = _pool.Acquire();
        var searcher = lease.Searcher;
        {
            var clusters = ClusterMap.For(searcher.IndexReader);
            var result = new List<DuplicateCluster>();
            foreach (var (key, docs) in clusters.Clusters)
            {
                result.Add(new DuplicateCluster(ClusterMap.Format(key), Members(searcher.IndexReader, docs)));
            }
            return result.OrderByDescending(c => c.Members.Count).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>The article with this id, or null; when articles of several files share the id
    /// (see <see cref="Indexing.Writing.ArticleKey"/>), the one whose file sorts first.</summary>
    public Article? Get(string id) => GetAll(id) is [var first, ..] ? first : null;

    /// <summary>The article with this id from <paramref name="file"/> (as <see cref="Article.File"/>
    /// holds it), or null; any file's when <paramref name="file"/> is null, as <see cref="Get(string)"/>.</summary>
    public Article? Get(string id, string? file) => file == null ? Get(id) : GetAll(id).FirstOrDefault(a => a.File == file);

    /// <summary>Every article with this id, ordered by file: one, unless files share the id.</summary>
    public IReadOnlyList<Article> GetAll(string id) => _pool.Use(searcher =>
    {
        var top = searcher.Search(new TermQuery(new Term(Schema.Id, id)), 100);
        return (IReadOnlyList<Article>)top.ScoreDocs.Select(d => ArticleDocument.Load(searcher.Doc(d.Doc)))
            .OrderBy(a => a.File, StringComparer.Ordinal).ThenBy(a => a.FullPath, StringComparer.Ordinal).ToList();
    });

    /// <summary>The title and body of <paramref name="article"/> with the words that
    /// <paramref name="query"/> matches marked by <see cref="Highlight"/>; unmarked when the query
    /// does not parse.</summary>
    public (string Title, string Body) Highlighted(Article article, string query)
    {
        return _pool.Use(searcher =>
        {
            Query parsed;
            try { parsed = LanguageQueries.Parse(query, false, searcher.Analyzers, 10_000, Ranking, searcher.IndexReader); }
            catch (SearchException) { return (article.Title, article.Body); }
            // Marked as the article was analysed: its own language.
            var builder = new SnippetBuilder(parsed, searcher.IndexReader, searcher.Analyzers.For(Indexing.Analysis.Languages.LanguageChains.KeyOf(article.Language)));
            return (builder.Title(article.Title), builder.WholeBody(article.Body));
        });
    }

    /// <summary>The language codes of the index's articles (the `language` facet's values).</summary>
    public IReadOnlyList<string> Languages() => _pool.Use(searcher => LanguageQueries.CodesIn(searcher.IndexReader));

    public IndexStats Stats(int topValues = 5) => _pool.Use(searcher => IndexStats.Compute(searcher, _pool.Directory, IndexPath, searcher.Analyzers.Settings, topValues));

    public void Dispose() => _pool.Dispose();
}
