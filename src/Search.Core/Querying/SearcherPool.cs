using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Lucene.Net.Store;
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

    private SearcherPool(LuceneDirectory dir, ReferenceManager<IndexSearcher> searchers)
    {
        _dir = dir;
        _searchers = searchers;
    }

    public LuceneDirectory Directory => _dir;

    /// <summary>The analysis the current commit was built with. A `--rebuild` may change it (stop
    /// words, stemmer): each searcher carries its own commit's (<see cref="ArticleIndexSearcher.Analyzers"/>).</summary>
    public AnalysisSettings Analysis => Use(s => s.Analyzers.Settings);

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
            try { manager = new CompleteBuildSearcherManager(dir, new Bm25SearcherFactory(ranking, path), path); }
            catch (Exception e) when (IndexStore.IsDamage(e)) { throw IndexStore.Damaged(path, e); }
            return new SearcherPool(dir, manager);
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

    /// <summary>The newest commit generation that was readable when the searchers were last
    /// refreshed: every commit up to it has been looked at.</summary>
    private long _refreshedAt = -1;

    /// <summary>The folder's modification time (ticks) when it last held nothing newer than the
    /// searchers; 0 when not to be trusted.</summary>
    private long _upToDateStamp;

    /// <summary>A change of the folder within this long of a check might not move its
    /// modification time on a coarse clock: only an older time is trusted.</summary>
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Picks up a newer commit if there is one. Cheap when there is none: while the folder's
    /// modification time (one stat; a commit adds a file, so it moves it) is the one seen when the
    /// folder last held nothing newer, nothing is read; otherwise a listing of the folder says
    /// whether any commit is newer than the last one looked at (a listing, a stat per file, was a
    /// fifth of a console query), and only then are the commits read to choose the newest complete one.
    ///
    /// A commit being written is listed before Lucene can read it, and Lucene's reading of the
    /// commits then leaves it out without an error. So what is remembered is the newest commit
    /// that was readable just before the refresh, never the listing's newest: remembering the
    /// listing's newest (as this did until December 2026) marked a commit still being written as
    /// looked at, and the searchers kept the build before it until the next commit came
    /// (LiveIndexTests: a server beside a build missed the build's last commit now and then).
    /// </summary>
    public void Refresh()
    {
        try
        {
            long stamp = FolderStamp();
            if (stamp != 0 && stamp == Interlocked.Read(ref _upToDateStamp))
                return;
            long listed = SegmentInfos.GetLastCommitGeneration(_dir);
            if (listed != Interlocked.Read(ref _refreshedAt) || CommitFileStamp(listed) != Interlocked.Read(ref _refreshedFile))
            {
                long readable = DirectoryReader.ListCommits(_dir)[^1].Generation;
                long file = CommitFileStamp(readable);
                if (!_searchers.MaybeRefresh())
                    return; // another thread is refreshing: look again next time
                Interlocked.Exchange(ref _refreshedAt, readable);
                Interlocked.Exchange(ref _refreshedFile, file);
            }
            bool settled = stamp != 0 && DateTime.UtcNow.Ticks - stamp > Settled.Ticks;
            Interlocked.Exchange(ref _upToDateStamp, settled && listed == Interlocked.Read(ref _refreshedAt) ? stamp : 0);
        }
        catch (IOException) { /* a commit in progress: keep answering from the current one */ }
    }

    /// <summary>The length and time of the commit file <see cref="_refreshedAt"/> names, as seen
    /// then. Lucene writes a commit file once, so the same name with another stamp is another
    /// index in the folder (deleted and built again, its commits numbered from 1 again).</summary>
    private long _refreshedFile = -1;

    private long CommitFileStamp(long generation)
    {
        if (_dir is not FSDirectory fs || generation <= 0)
            return 0;
        var info = new FileInfo(Path.Combine(fs.Directory.FullName, IndexFileNames.FileNameFromGeneration(IndexFileNames.SEGMENTS, "", generation)));
        return info.Exists ? info.LastWriteTimeUtc.Ticks ^ (info.Length << 48) : 0;
    }

    /// <summary>The index folder's modification time in ticks; 0 when it cannot be had.</summary>
    private long FolderStamp()
    {
        if (_dir is not FSDirectory fs)
            return 0;
        var info = new DirectoryInfo(fs.Directory.FullName);
        return info.Exists ? info.LastWriteTimeUtc.Ticks : 0;
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

    /// <summary>Makes each commit's searcher, with BM25 as asked and the analysers of the analysis
    /// that commit was built with (the previous searcher's, when it is the same analysis).</summary>
    private sealed class Bm25SearcherFactory(RankingSettings ranking, string path) : SearcherFactory
    {
        private ArticleAnalyzers? _last;

        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            var settings = IndexStore.ReadSettings((DirectoryReader)reader, path);
            var analyzers = Volatile.Read(ref _last) is { } last && last.Settings == settings ? last : new ArticleAnalyzers(settings);
            Volatile.Write(ref _last, analyzers);
            return new ArticleIndexSearcher(reader, analyzers) { Similarity = ranking.CreateSimilarity() };
        }
    }
}

/// <summary>An IndexSearcher that builds a query's weight once and lets the caller pick the
/// collector from it (IndexSearcher does that only for its own collectors), turning over-broad
/// patterns into query errors.</summary>
internal sealed class ArticleIndexSearcher(IndexReader reader, ArticleAnalyzers analyzers) : IndexSearcher(reader)
{
    /// <summary>The analysers of the analysis this searcher's commit was built with: a query is
    /// parsed, and its snippets marked, as the index it runs on was analysed.</summary>
    public ArticleAnalyzers Analyzers { get; } = analyzers;

    /// <summary>Runs <paramref name="query"/> under <paramref name="filter"/>; the collector is made
    /// once the weight says whether its scorer delivers documents in order.</summary>
    public void Run(Query query, Filter? filter, Func<bool, ICollector> collectorFor) => Guard(() =>
    {
        // The proximity pairs' position enumerators are lent for this search (Ranking.PostingsLoans).
        using var loans = Ranking.PostingsLoans.Open();
        var weight = CreateNormalizedWeight(WrapFilter(query, filter));
        Search(m_leafContexts, weight, collectorFor(!weight.ScoresDocsOutOfOrder));
        return 0;
    });

    /// <summary>The query with its patterns expanded to the terms they match (done once, so the
    /// search and the snippets share the expansion); a fuzzy word's automata are built once for
    /// all its fields (<see cref="SharedFuzzyAutomata"/>).</summary>
    public Query Expand(Query query) => Guard(() => Rewrite(SharedFuzzyAutomata.Share(query)));

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
