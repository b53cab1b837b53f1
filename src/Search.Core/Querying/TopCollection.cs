namespace Search.Core.Querying;

/// <summary>
/// The ranked window of one query: a <see cref="TopFieldCollector"/> in the request's order, made
/// when the query's weight says how its scorer delivers documents, and made again wider when a
/// collapsed page needs more (<see cref="Widen"/>).
/// </summary>
internal sealed class TopCollection(ArticleIndexSearcher searcher, Query query, Sort sort, bool forceInOrder)
{
    private TopFieldCollector? _collector;

    /// <summary>Matches that passed every filter.</summary>
    public int TotalHits => _collector?.TotalHits ?? 0;

    /// <summary>
    /// Collect in the order the query's scorer prefers, as IndexSearcher does for its own
    /// collectors (in order made a term query 2x slower) -- except around wildcard, prefix and
    /// range clauses, where Lucene.Net's out-of-order BooleanScorer over their constant-score
    /// filters is 7x slower than in order (measured at 100k articles). A window ranked by score
    /// first lets proximity clauses skip matches that cannot reach it (<see cref="Ranking.ProximityFloor"/>).
    /// </summary>
    public ICollector Create(int window, bool scorerInOrder)
    {
        _collector = TopFieldCollector.Create(sort, window, fillFields: false, trackDocScores: true, trackMaxScore: false,
            docsScoredInOrder: forceInOrder || scorerInOrder);
        return sort.GetSort()[0] is { Type: SortFieldType.SCORE, IsReverse: false } ? Ranking.ProximityFloor.Around(_collector, window) : _collector;
    }

    /// <summary>The first <paramref name="count"/> documents of the window, best first.</summary>
    public ScoreDoc[] Top(int count) => _collector!.GetTopDocs(0, count).ScoreDocs;

    public ScoreDoc[] Page(int offset, int limit) => _collector!.GetTopDocs(offset, limit).ScoreDocs;

    /// <summary>Searches again for a window of <paramref name="window"/> documents (top only: the
    /// counts of the first pass stand).</summary>
    public void Widen(Filter? filter, int window) => searcher.Run(query, filter, inOrder => Create(window, inOrder));
}
