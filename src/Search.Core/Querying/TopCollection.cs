namespace Search.Core.Querying;

/// <summary>
/// The ranked window of one query: a <see cref="TopFieldCollector"/> in the request's order,
/// collecting in document order (<see cref="Create"/>), and made again wider when a collapsed page
/// needs more (<see cref="Widen"/>).
/// </summary>
internal sealed class TopCollection(ArticleIndexSearcher searcher, Query query, Sort sort)
{
    private TopFieldCollector? _collector;

    /// <summary>Matches that passed every filter.</summary>
    public int TotalHits => _collector?.TotalHits ?? 0;

    /// <summary>
    /// Always collected in document order, so Lucene scores a disjunction with its in-order
    /// scorer, never with the out-of-order BooleanScorer: that one allocates a table of 2,048
    /// buckets per segment and per disjunction (a phrase over title and body is one, a fuzzy word
    /// three), which cost more than the matching on an index of several segments (phrase 8 %, fuzzy
    /// 2-5 % of the whole query, thread CPU), and over the constant-score filters of wildcard,
    /// prefix and range clauses it was 7x slower (measured at 100k articles). Term queries and
    /// conjunctions are scored in order either way; a seven-word OR query cost the same. The
    /// scores are the same bit for bit: both scorers add a match's clause scores as doubles, which
    /// hold such a sum exactly whatever the order (TopCollectionTests). A window ranked by score
    /// first lets proximity clauses skip matches that cannot reach it (<see cref="Ranking.ProximityFloor"/>).
    /// </summary>
    public ICollector Create(int window)
    {
        _collector = TopFieldCollector.Create(sort, window, fillFields: false, trackDocScores: true, trackMaxScore: false,
            docsScoredInOrder: true);
        return sort.GetSort()[0] is { Type: SortFieldType.SCORE, IsReverse: false } ? Ranking.ProximityFloor.Around(_collector, window) : _collector;
    }

    /// <summary>The first <paramref name="count"/> documents of the window, best first.</summary>
    public ScoreDoc[] Top(int count) => _collector!.GetTopDocs(0, count).ScoreDocs;

    public ScoreDoc[] Page(int offset, int limit) => _collector!.GetTopDocs(offset, limit).ScoreDocs;

    /// <summary>Searches again for a window of <paramref name="window"/> documents (top only: the
    /// counts of the first pass stand).</summary>
    public void Widen(Filter? filter, int window) => searcher.Run(query, filter, _ => Create(window));
}
