namespace Search.Core.Querying.Ranking;

/// <summary>
/// Around the collector of a ranked window of <c>size</c> documents by score: keeps the scores
/// of the best <c>size</c> matches so far and, once there are that many, tells the query's
/// <see cref="ProximityScorer"/> the lowest of them, so matches that cannot reach the window skip
/// their proximity clauses (see <see cref="ProximityScored"/>). Pages, hit counts and every score
/// in the window stay what they were: a skipped match scores below the window's last one with its
/// proximity clauses as well. Only where the proximity query is the whole query (alone or under a
/// filter): a score summed into a larger query would not bound that query's score.
/// </summary>
internal sealed class ProximityFloor : ICollector
{
    private readonly ICollector _top;
    private readonly int _size;
    private readonly PriorityQueue<float, float> _best = new();
    private ProximityScorer? _scorer;
    private int _skippedBefore;

    private ProximityFloor(ICollector top, int size)
    {
        _top = top;
        _size = size;
    }

    /// <summary><paramref name="top"/> with the floor kept, for a window of <paramref name="size"/> ranked by score first.</summary>
    public static ICollector Around(ICollector top, int size) => size > 0 ? new ProximityFloor(top, size) : top;

    /// <summary>Matches whose proximity clauses were skipped, in every segment so far.</summary>
    public int Skipped => _skippedBefore + (_scorer?.Skipped ?? 0);

    public bool AcceptsDocsOutOfOrder => _top.AcceptsDocsOutOfOrder;

    public void SetNextReader(AtomicReaderContext context) => _top.SetNextReader(context);

    public void SetScorer(Scorer scorer)
    {
        _top.SetScorer(scorer);
        _skippedBefore += _scorer?.Skipped ?? 0;
        _scorer = Find(scorer);
        if (_scorer != null && _best.Count == _size)
            _scorer.Floor = _best.Peek();
    }

    public void Collect(int doc)
    {
        _top.Collect(doc);
        if (_scorer == null)
            return;
        // Cached by the scorer: the score the window was offered.
        float score = _scorer.GetScore();
        if (_best.Count < _size)
            _best.Enqueue(score, score);
        else if (score > _best.Peek())
            _best.EnqueueDequeue(score, score);
        else
            return;
        if (_best.Count == _size)
            _scorer.Floor = _best.Peek();
    }

    /// <summary>The proximity scorer when it gives the score of the whole query: the scorer itself,
    /// or the one a filter wraps.</summary>
    private static ProximityScorer? Find(Scorer scorer)
    {
        while (true)
        {
            if (scorer is ProximityScorer found)
                return found;
            ICollection<Scorer.ChildScorer> children;
            try { children = scorer.GetChildren(); }
            catch (NotSupportedException) { return null; } // a bulk scorer's stand-in
            if (children.Count != 1 || children.First() is not { Relationship: "FILTERED" } only)
                return null;
            scorer = only.Child;
        }
    }
}
