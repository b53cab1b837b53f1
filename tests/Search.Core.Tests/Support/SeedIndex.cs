using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Querying;
using Xunit;
using Search.Tests.Support;

namespace Search.Core.Tests.Support;

/// <summary>An index of the project's seeds/ built once for all tests that share it.</summary>
public sealed class SeedIndex : IDisposable
{
    private readonly TempDir _dir = new();

    public SeedIndex()
    {
        Summary = IndexBuilder.Build(new BuildOptions { Roots = new[] { RepoPaths.Seeds }, IndexPath = IndexPath });
        Searcher = ArticleSearcher.Open(IndexPath);
    }

    public string IndexPath => Path.Combine(_dir.Path, "index");
    public BuildSummary Summary { get; }
    public ArticleSearcher Searcher { get; }

    public SearchResult Search(string query, int limit = 10, int offset = 0, SortOrder sort = SortOrder.Relevance) =>
        Searcher.Search(new SearchRequest { Query = query, Limit = limit, Offset = offset, Sort = sort });

    /// <summary>The stored title and body of every seed article, each as one text: what the tests
    /// that read "every word of the seeds" go through.</summary>
    /// <summary>The stored texts a sweep compares token for token: every article's title and body
    /// in the long run (<c>SEARCH_LONG_TESTS=1</c>, as .ci/run sets), every second article's in the
    /// default run, which must stay under three minutes.</summary>
    public List<string> SweptTexts() => LongTests.Enabled ? StoredTexts() : StoredTexts().Where((_, i) => i / 2 % 2 == 0).ToList();

    /// <summary>The share of <see cref="StoredTexts"/> that <see cref="SweptTexts"/> holds.</summary>
    public static double SweptShare => LongTests.Enabled ? 1 : 0.5;

    public List<string> StoredTexts()
    {
        using var dir = Lucene.Net.Store.FSDirectory.Open(IndexPath);
        using var reader = Lucene.Net.Index.DirectoryReader.Open(dir);
        return Enumerable.Range(0, reader.MaxDoc).Select(d => reader.Document(d))
            .SelectMany(doc => new[] { doc.Get(Schema.Title) ?? "", doc.Get(Schema.Body) ?? "" }).ToList();
    }

    /// <summary>Ids of every article the query matches.</summary>
    public HashSet<string> Ids(string query) =>
        Search(query, limit: 1000).Hits.Select(h => h.Id).ToHashSet();

    /// <summary>Runs <paramref name="work"/> on a searcher of its own over the index, with the
    /// request parsed as a search parses it under the default ranking (and bound, facet values
    /// resolved and keywords expanded, when <paramref name="bind"/>).</summary>
    internal T Parsed<T>(SearchRequest request, Func<ArticleIndexSearcher, QueryPlan, T> work, bool bind = false)
    {
        var ranking = RankingSettings.Default;
        using var pool = SearcherPool.Open(Path.GetFullPath(IndexPath), ranking);
        var analyzers = new ArticleAnalyzers(pool.Analysis);
        return pool.Use(s =>
        {
            var plan = QueryPlan.Parse(request, analyzers, ranking, s.IndexReader);
            if (bind)
                plan.Bind(s, analyzers, ranking);
            return work(s, plan);
        });
    }

    public void Dispose()
    {
        Searcher.Dispose();
        _dir.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SeedIndexCollection : ICollectionFixture<SeedIndex>
{
    public const string Name = "seed index";
}
