using Search.Core.Facets;

namespace Search.Core.Querying;

/// <summary>
/// One pass over the matches that gives everything a page needs: the top window in the request's
/// order, the story count when copies are collapsed, and facet counts -- multi-select ones
/// included. A dimension that is both filtered and counted ("sideways") is counted as if its own
/// filter were off, so its other values show: the query runs without those filters, and each
/// match is checked against them from per-segment bit sets. A match that passes all of them is a
/// hit; one that misses exactly one of them counts only for that dimension's facet; one that
/// misses two is ignored. This replaces one extra full search per filtered dimension.
/// </summary>
internal sealed class MatchCollector : ICollector
{
    private readonly ICollector _top;
    private readonly StoryTally? _stories;
    private readonly FacetCollector? _facets;
    private readonly Filter[] _sidewaysFilters;
    private readonly FacetCollector[] _sidewaysFacets;
    private readonly IBits?[] _sidewaysBits;

    /// <param name="top">Collects the hits (the matches that pass every filter).</param>
    /// <param name="stories">Counts distinct stories among the hits; null when not collapsing.</param>
    /// <param name="facets">Counts the dimensions that have no filter of their own; null when none.</param>
    /// <param name="sideways">Per filtered-and-counted dimension, its filter and its facet counter.</param>
    public MatchCollector(ICollector top, StoryTally? stories, FacetCollector? facets, IReadOnlyList<(Filter Filter, FacetCollector Facets)> sideways)
    {
        _top = top;
        _stories = stories;
        _facets = facets;
        _sidewaysFilters = sideways.Select(s => s.Filter).ToArray();
        _sidewaysFacets = sideways.Select(s => s.Facets).ToArray();
        _sidewaysBits = new IBits?[_sidewaysFilters.Length];
    }

    public bool AcceptsDocsOutOfOrder => _top.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => _top.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        _top.SetNextReader(context);
        _stories?.SetNextReader(context);
        _facets?.SetNextReader(context);
        for (int i = 0; i < _sidewaysFilters.Length; i++)
        {
            _sidewaysFacets[i].SetNextReader(context);
            _sidewaysBits[i] = BitsOf(_sidewaysFilters[i].GetDocIdSet(context, context.AtomicReader.LiveDocs), context.AtomicReader.MaxDoc);
        }
    }

    public void Collect(int doc)
    {
        int missed = -1;
        for (int i = 0; i < _sidewaysBits.Length; i++)
        {
            var bits = _sidewaysBits[i];
            if (bits != null && bits.Get(doc))
                continue;
            if (missed >= 0)
                return;
            missed = i;
        }
        if (missed >= 0)
        {
            _sidewaysFacets[missed].Collect(doc);
            return;
        }
        _top.Collect(doc);
        _stories?.Collect(doc);
        _facets?.Collect(doc);
        foreach (var f in _sidewaysFacets)
            f.Collect(doc);
    }

    /// <summary>The documents of a filter as random-access bits (null: none in this segment).</summary>
    private static FixedBitSet? BitsOf(DocIdSet? set, int maxDoc)
    {
        var it = set?.GetIterator();
        if (it == null)
            return null;
        var bits = new FixedBitSet(maxDoc);
        bits.Or(it);
        return bits;
    }
}
