namespace Search.Core.Facets;

/// <summary>
/// Counts facet values over every matching document, from the sorted-set doc values each value
/// is indexed with. Counts are kept per segment by segment ordinal (an array increment per value)
/// and turned into labels once per segment, which merges segments exactly the way Lucene's
/// SortedSetDocValuesFacetCounts does with its global ordinal map, without having to build one.
/// </summary>
public sealed class FacetCollector : ICollector
{
    private readonly string[] _dimensions;
    private readonly Dictionary<string, int>[] _totals;
    private readonly SegmentOrdinals?[] _values;
    /// <summary>Per dimension, the current segment's doc values, for the labels of its ordinals.</summary>
    private readonly SortedSetDocValues?[] _docValues;
    /// <summary>Per dimension, the labels of the current segment's ordinals (kept with its ordinals for every query).</summary>
    private readonly string?[]?[] _labels;
    private readonly int[]?[] _segmentCounts;
    /// <summary>When set, a story printed several times counts once per value (see <see cref="StoryNumbers"/>).</summary>
    private readonly StoryNumbers? _stories;
    private readonly HashSet<(int Story, int Dimension, string Label)> _storiesCounted = new();
    private int _docBase;

    public FacetCollector(IReadOnlyList<string> dimensions, StoryNumbers? stories = null)
    {
        _stories = stories;
        _dimensions = dimensions.ToArray();
        _totals = _dimensions.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        _values = new SegmentOrdinals?[_dimensions.Length];
        _docValues = new SortedSetDocValues?[_dimensions.Length];
        _labels = new string?[]?[_dimensions.Length];
        _segmentCounts = new int[]?[_dimensions.Length];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _docBase = context.DocBase;
        for (int d = 0; d < _dimensions.Length; d++)
        {
            string field = FacetDimensions.Field(_dimensions[d]);
            var values = SegmentOrdinals.For(context.AtomicReader, field);
            _values[d] = values;
            _docValues[d] = values == null ? null : context.AtomicReader.GetSortedSetDocValues(field);
            _labels[d] = null;
            _segmentCounts[d] = values == null ? null : new int[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        if (_stories != null && _stories.Of(_docBase + doc) is var story and >= 0)
        {
            CollectCopy(doc, story);
            return;
        }
        for (int d = 0; d < _values.Length; d++)
        {
            var values = _values[d];
            if (values == null)
                continue;
            var counts = _segmentCounts[d]!;
            var ords = values.Ords;
            var start = values.Start;
            for (int i = start[doc], end = start[doc + 1]; i < end; i++)
                counts[ords[i]]++;
        }
    }

    /// <summary>An article with copies: each of its values counts once per story.</summary>
    private void CollectCopy(int doc, int story)
    {
        for (int d = 0; d < _values.Length; d++)
        {
            var values = _values[d];
            if (values == null)
                continue;
            for (int i = values.Start[doc], end = values.Start[doc + 1]; i < end; i++)
            {
                string label = Label(d, values.Ords[i]);
                if (_storiesCounted.Add((story, d, label)))
                    _totals[d][label] = _totals[d].GetValueOrDefault(label) + 1;
            }
        }
    }

    /// <summary>The label of ordinal <paramref name="ord"/> of dimension <paramref name="d"/> in the
    /// current segment, decoded once per segment.</summary>
    private string Label(int d, int ord)
    {
        var labels = _labels[d] ??= _values[d]!.Labels;
        if (labels[ord] is { } known)
            return known;
        var scratch = new BytesRef();
        _docValues[d]!.LookupOrd(ord, scratch);
        return labels[ord] = scratch.Utf8ToString();
    }

    private void FlushSegment()
    {
        for (int d = 0; d < _dimensions.Length; d++)
        {
            var counts = _segmentCounts[d];
            if (_values[d] == null || counts == null)
                continue;
            var totals = _totals[d];
            for (int ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                    continue;
                string label = Label(d, ord);
                totals[label] = totals.GetValueOrDefault(label) + counts[ord];
            }
            _values[d] = null;
            _docValues[d] = null;
            _labels[d] = null;
            _segmentCounts[d] = null;
        }
    }

    /// <summary>Counts per value of <paramref name="dimension"/>, over all documents collected.</summary>
    public IReadOnlyDictionary<string, int> Counts(string dimension)
    {
        FlushSegment();
        return _totals[Array.IndexOf(_dimensions, dimension)];
    }

    /// <summary>The top <paramref name="limit"/> values: by count then label, or, for dates, the
    /// latest ones in time order. Selected values always appear, even with a count below the cut.</summary>
    public IReadOnlyList<FacetValue> Top(string dimension, int limit, IReadOnlyCollection<string> selected)
    {
        var counts = Counts(dimension);
        bool isSelected(string v) => selected.Any(s => string.Equals(s, v, StringComparison.OrdinalIgnoreCase));
        var top = TopValues.Of(counts, limit, FacetDimensions.IsChronological(dimension));
        foreach (var s in selected)
            if (!top.Any(kv => string.Equals(kv.Key, s, StringComparison.OrdinalIgnoreCase)))
            {
                var match = counts.FirstOrDefault(kv => string.Equals(kv.Key, s, StringComparison.OrdinalIgnoreCase));
                top.Add(match.Key != null ? match : new KeyValuePair<string, int>(s, 0));
            }
        if (FacetDimensions.IsChronological(dimension))
            top.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return top.Select(kv => new FacetValue(kv.Key, kv.Value, isSelected(kv.Key))).ToList();
    }

    /// <summary>The values of <paramref name="dimension"/> that <paramref name="shown"/> leaves out.</summary>
    public FacetOther Other(string dimension, IReadOnlyList<FacetValue> shown)
    {
        var counts = Counts(dimension);
        var listed = new HashSet<string>(shown.Select(v => v.Value), StringComparer.Ordinal);
        int values = 0;
        long count = 0;
        foreach (var (value, n) in counts)
            if (!listed.Contains(value))
            {
                values++;
                count += n;
            }
        return values == 0 ? FacetOther.None : new FacetOther(values, count);
    }
}
