using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Duplicates;

/// <summary>Counts the distinct stories among the matching articles: copies of one story count once.</summary>
public sealed class StoryCounter(ClusterMap clusters) : ICollector
{
    private readonly HashSet<long> _multi = new();
    private int _single;
    private int _docBase;

    public int Stories => _single + _multi.Count;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc)
    {
        int d = _docBase + doc;
        if (clusters.SizeOf(d) > 1)
            _multi.Add(clusters.KeyOf(d));
        else
            _single++;
    }
}
