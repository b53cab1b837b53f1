using Search.Core.Querying.Ranking;

namespace Search.Core.Querying;

/// <summary>
/// The ranked window of one query in the request's order, collecting in document order
/// (<see cref="Create"/>): in relevance order by a <see cref="RelevanceWindow"/>, in a date order by
/// Lucene's <see cref="TopFieldCollector"/>; made again wider when a collapsed page needs more
/// (<see cref="Widen"/>).
/// </summary>
internal sealed class TopCollection(ArticleIndexSearcher searcher, Query query, Sort sort)
{
    private TopFieldCollector? _collector;
    private RelevanceWindow? _relevance;

    /// <summary>Matches that passed every filter.</summary>
    public int TotalHits => _relevance?.TotalHits ?? _collector?.TotalHits ?? 0;

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
    /// first lets proximity clauses skip matches that cannot reach it (<see cref="RelevanceWindow"/>).
    /// </summary>
    /// <param name="stories">Counts the stories of every match too; null: none.</param>
    public ICollector Create(int window, StoryTally? stories = null)
    {
        if (ReferenceEquals(sort, SortOrders.Relevance))
        {
            _collector = null;
            return _relevance = new RelevanceWindow(window, SortOrders.UndatedNewestFirst, stories);
        }
        _relevance = null;
        _collector = TopFieldCollector.Create(sort, window, fillFields: false, trackDocScores: true, trackMaxScore: false,
            docsScoredInOrder: true);
        return stories == null ? _collector : new MatchCollector(_collector, stories, null, Array.Empty<(Filter, Facets.FacetCollector)>());
    }

    /// <summary>The first <paramref name="count"/> documents of the window, best first.</summary>
    public ScoreDoc[] Top(int count) => Page(0, count);

    public ScoreDoc[] Page(int offset, int limit) =>
        _relevance?.Page(offset, limit) ?? _collector!.GetTopDocs(offset, limit).ScoreDocs;

    /// <summary>Searches again for a window of <paramref name="window"/> documents (top only: the
    /// counts of the first pass stand).</summary>
    public void Widen(Filter? filter, int window) => searcher.Run(query, filter, _ => Create(window));
}
