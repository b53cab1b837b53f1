namespace Search.Core.Querying.Ranking;

/// <summary>
/// The ranked window of a search in relevance order (score, then newer first, then document),
/// collected in document order: the same documents, order, scores and count as Lucene's
/// <see cref="TopFieldCollector"/> over <see cref="SortOrders.Relevance"/>, which it replaces
/// together with the separate floor it fed. Once the window is full, its lowest score is the floor
/// the query's <see cref="ProximityScorer"/> skips below (see <see cref="ProximityScored"/>): pages,
/// hit counts and every score in the window stay what they were, since a skipped match scores
/// below the window's last one with its proximity clauses as well. The floor is kept only where
/// the proximity query is the whole query (alone or under a filter): a score summed into a larger
/// query would not bound that query's score.
///
/// Why not Lucene's collector: it compares through a comparer per sort field (virtual calls, a
/// score-caching scorer around the query's, slots copied per field) and the floor kept a second
/// priority queue of the same scores; for a one-word query over 20k articles the collectors' own
/// work was a fifth of the query's time.
/// </summary>
internal sealed class RelevanceWindow : ICollector
{
    private readonly Entry[] _heap;
    private readonly long _missingDate;
    private readonly StoryTally? _stories;
    private int _count;
    private int _docBase;
    private long[] _dates = [];
    private Scorer? _scorer;
    private ProximityScorer? _proximity;
    private int _skippedBefore;

    /// <param name="size">Documents the window holds (at least one).</param>
    /// <param name="missingDate">The date an undated article sorts as (see <see cref="SortOrders"/>).</param>
    /// <param name="stories">Counts the stories of every match as well (one collector fewer per match); null: none.</param>
    public RelevanceWindow(int size, long missingDate, StoryTally? stories = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _heap = new Entry[size];
        _missingDate = missingDate;
        _stories = stories;
    }

    /// <summary>One document in the window: its score, date and index-wide number.</summary>
    private readonly record struct Entry(float Score, long Date, int Doc);

    /// <summary>Every match collected.</summary>
    public int TotalHits { get; private set; }

    /// <summary>Matches whose proximity clauses were skipped, in every segment so far.</summary>
    public int Skipped => _skippedBefore + (_proximity?.Skipped ?? 0);

    public bool AcceptsDocsOutOfOrder => false;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _stories?.SetNextReader(context);
        _dates = DateSortSource.Load(context.AtomicReader, Indexing.Schema.PublishedSort, _missingDate);
    }

    public void SetScorer(Scorer scorer)
    {
        _scorer = scorer;
        _skippedBefore += _proximity?.Skipped ?? 0;
        _proximity = Find(scorer);
        if (_proximity != null && _count == _heap.Length)
            _proximity.Floor = _heap[0].Score;
    }

    public void Collect(int doc)
    {
        _stories?.Collect(doc);
        float score = _scorer!.GetScore();
        TotalHits++;
        if (_count < _heap.Length)
        {
            _heap[_count] = new Entry(score, _dates[doc], _docBase + doc);
            SiftUp(_count++);
            if (_count == _heap.Length && _proximity != null)
                _proximity.Floor = _heap[0].Score;
            return;
        }
        // As Lucene's collector in document order: a document that ties the last one on every
        // sort field comes after it, so it does not enter.
        ref var bottom = ref _heap[0];
        if (score < bottom.Score)
            return; // most matches, once the window is full
        long date = _dates[doc];
        if (!(score > bottom.Score))
        {
            int c = CompareScores(score, bottom.Score);
            if (c < 0 || (c == 0 && date <= bottom.Date))
                return;
        }
        bottom = new Entry(score, date, _docBase + doc);
        SiftDown(0);
        if (_proximity != null)
            _proximity.Floor = _heap[0].Score;
    }

    /// <summary>The window's documents from <paramref name="offset"/>, at most
    /// <paramref name="limit"/>, best first.</summary>
    public ScoreDoc[] Page(int offset, int limit)
    {
        var ranked = _heap.AsSpan(0, _count).ToArray();
        Array.Sort(ranked, (a, b) => Worse(a, b) ? 1 : Worse(b, a) ? -1 : 0);
        int from = Math.Min(Math.Max(offset, 0), ranked.Length);
        int n = Math.Min(Math.Max(limit, 0), ranked.Length - from);
        var page = new ScoreDoc[n];
        for (int i = 0; i < n; i++)
            page[i] = new ScoreDoc(ranked[from + i].Doc, ranked[from + i].Score);
        return page;
    }

    /// <summary>Lucene's order of scores (Java's <c>Float.compare</c>: NaN above all, −0 below +0).</summary>
    private static int CompareScores(float a, float b)
    {
        if (a > b)
            return 1;
        if (a < b)
            return -1;
        int x = float.IsNaN(a) ? 0x7FC00000 : BitConverter.SingleToInt32Bits(a);
        int y = float.IsNaN(b) ? 0x7FC00000 : BitConverter.SingleToInt32Bits(b);
        return x.CompareTo(y);
    }

    /// <summary>Whether <paramref name="a"/> ranks after <paramref name="b"/>: lower score, or older, or a later document.</summary>
    private static bool Worse(in Entry a, in Entry b)
    {
        int c = CompareScores(a.Score, b.Score);
        if (c != 0)
            return c < 0;
        if (a.Date != b.Date)
            return a.Date < b.Date;
        return a.Doc > b.Doc;
    }

    // A binary heap with the worst document at the root.
    private void SiftUp(int i)
    {
        var entry = _heap[i];
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Worse(entry, _heap[parent]))
                break;
            _heap[i] = _heap[parent];
            i = parent;
        }
        _heap[i] = entry;
    }

    private void SiftDown(int i)
    {
        var entry = _heap[i];
        int count = _count;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= count)
                break;
            if (child + 1 < count && Worse(_heap[child + 1], _heap[child]))
                child++;
            if (!Worse(_heap[child], entry))
                break;
            _heap[i] = _heap[child];
            i = child;
        }
        _heap[i] = entry;
    }

    /// <summary>The proximity scorer when it gives the score of the whole query: the scorer itself,
    /// or the one a filter wraps.</summary>
    internal static ProximityScorer? Find(Scorer scorer)
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
