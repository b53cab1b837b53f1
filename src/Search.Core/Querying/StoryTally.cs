using Search.Core.Facets;

namespace Search.Core.Querying;

/// <summary>Counts the distinct stories among the matching articles: copies of one story count
/// once. A bit per cluster (see <see cref="StoryNumbers"/>), so counting costs an array read per match.</summary>
internal sealed class StoryTally(StoryNumbers stories) : ICollector
{
    private readonly FixedBitSet _seen = new(Math.Max(1, stories.Clusters));
    private int _single;
    private int _multi;
    private int _docBase;

    public int Stories => _single + _multi;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc)
    {
        int story = stories.Of(_docBase + doc);
        if (story < 0)
            _single++;
        else if (!_seen.GetAndSet(story))
            _multi++;
    }
}
