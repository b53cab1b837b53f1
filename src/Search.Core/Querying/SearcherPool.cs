using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Querying;

/// <summary>
/// The searcher lifetime in one place: opens the index (with clear errors), hands out searchers of
/// the newest complete build (<see cref="CompleteBuildSearcherManager"/>) as leases that give them back when
/// disposed, and picks up commits made by a build in another process.
/// </summary>
internal sealed class SearcherPool : IDisposable
{
    private readonly LuceneDirectory _dir;
    private readonly ReferenceManager<IndexSearcher> _searchers;

    private SearcherPool(LuceneDirectory dir, ReferenceManager<IndexSearcher> searchers, AnalysisSettings analysis)
    {
        _dir = dir;
        _searchers = searchers;
        Analysis = analysis;
    }

    public LuceneDirectory Directory => _dir;

    /// <summary>The analysis the index was built with (read from its commit).</summary>
    public AnalysisSettings Analysis { get; }

    /// <summary>Opens the index folder at <paramref name="path"/> (a full path); a
    /// <see cref="SearchException"/> when it is missing, not an index, of another schema version or damaged.</summary>
    public static SearcherPool Open(string path, RankingSettings ranking)
    {
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
                try { return new SearcherPool(dir, manager, IndexStore.ReadSettings((DirectoryReader)searcher.IndexReader, path)); }
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

    /// <summary>A searcher of the current commit, until the lease is disposed.</summary>
    public Lease Acquire() => new(_searchers, (ArticleIndexSearcher)_searchers.Acquire());

    /// <summary>Runs <paramref name="work"/> with a searcher and gives it back, whatever happens.</summary>
    public T Use<T>(Func<ArticleIndexSearcher, T> work)
    {
        using var lease = Acquire();
        return work(lease.Searcher);
    }

    /// <summary>The newest commit generation in the folder when the searchers were last refreshed.</summary>
    private long _refreshedAt = -1;

    /// <summary>Picks up a newer commit if there is one. Cheap when there is none: a listing of the
    /// folder says whether any commit is newer than at the last refresh; only then are the commits
    /// read to choose the newest complete one (reading them all at every console query was a tenth
    /// of its time). A commit's completeness never changes once written, so an unchanged newest
    /// generation means an unchanged choice. (Trusting the folder's modification time instead of
    /// listing it saved 0.3 ms a query but let a server miss a build now and then: LiveIndexTests.)</summary>
    public void Refresh()
    {
        try
        {
            long newest = SegmentInfos.GetLastCommitGeneration(_dir);
            if (newest == Interlocked.Read(ref _refreshedAt))
                return;
            if (_searchers.MaybeRefresh())
                Interlocked.Exchange(ref _refreshedAt, newest);
        }
        catch (IOException) { /* a commit in progress: keep answering from the current one */ }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _dir.Dispose();
    }

    /// <summary>One searcher on loan from the pool.</summary>
    public readonly struct Lease(ReferenceManager<IndexSearcher> manager, ArticleIndexSearcher searcher) : IDisposable
    {
        public ArticleIndexSearcher Searcher { get; } = searcher;

        public void Dispose() => manager.Release(Searcher);
    }

    private sealed class Bm25SearcherFactory(RankingSettings ranking) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new ArticleIndexSearcher(reader) { Similarity = ranking.CreateSimilarity() };
    }
}

/// <summary>An IndexSearcher that builds a query's weight once and lets the caller pick the
/// collector from it (IndexSearcher does that only for its own collectors), turning over-broad
/// patterns into query errors.</summary>
internal sealed class ArticleIndexSearcher(IndexReader reader) : IndexSearcher(reader)
{
    /// <summary>Runs <paramref name="query"/> under <paramref name="filter"/>; the collector is made
    /// once the weight says whether its scorer delivers documents in order.</summary>
    public void Run(Query query, Filter? filter, Func<bool, ICollector> collectorFor) => Guard(() =>
    {
        var weight = CreateNormalizedWeight(WrapFilter(query, filter));
        Search(m_leafContexts, weight, collectorFor(!weight.ScoresDocsOutOfOrder));
        return 0;
    });

    /// <summary>The query with its patterns expanded to the terms they match (done once, so the
    /// search and the snippets share the expansion).</summary>
    public Query Expand(Query query) => Guard(() => Rewrite(query));

    /// <summary>A page of <see cref="IndexSearcher.SearchAfter(FieldDoc, Query, Filter, int, Sort, bool, bool)"/>.</summary>
    public TopDocs After(FieldDoc? after, Query query, Filter? filter, int count, Sort sort) =>
        Guard(() => SearchAfter(after, query, filter, count, sort, doDocScores: true, doMaxScore: false));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CollectionStatistics> _fieldStatistics = new(StringComparer.Ordinal);

    /// <summary>A field's statistics, gathered once per searcher (its reader never changes): every
    /// term and phrase of every query asked for them again, merging every segment's terms.</summary>
    public override CollectionStatistics CollectionStatistics(string field) =>
        _fieldStatistics.GetOrAdd(field, f => base.CollectionStatistics(f));

    /// <summary>The number of matches of <paramref name="query"/> under <paramref name="filter"/>.</summary>
    public int Count(Query query, Filter? filter)
    {
        var count = new TotalHitCountCollector();
        Run(query, filter, _ => count);
        return count.TotalHits;
    }

    /// <summary>Over-broad patterns become query errors.</summary>
    private static T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
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
}
