namespace Search.Core.Querying.Ranking;

/// <summary>
/// The weight of a <see cref="ProximityScored"/> under BM25, normalised as Lucene's BooleanWeight
/// normalises its two clauses (each level multiplies in its boost). When every proximity clause is
/// a pair of words (<see cref="ProximityPair"/>), the pairs are weighed here and scored at the
/// documents asked only; otherwise the proximity query's own weight scores them as one part.
/// </summary>
internal sealed class ProximityWeight : Weight
{
    private readonly ProximityScored _query;
    private readonly IndexSearcher _searcher;
    private readonly Weight _main;
    private readonly ProximityPair[]? _pairs;
    private readonly Weight? _near;
    private readonly float _nearBoost;
    /// <summary>Per part, the most it can add at a top-level boost of 1, then as normalised.</summary>
    private readonly float[] _unitBounds;
    private float[] _bounds;
    private float _norm = 1, _topLevelBoost = 1;

    public ProximityWeight(ProximityScored query, IndexSearcher searcher, Bm25Scoring bm25)
    {
        _query = query;
        _searcher = searcher;
        _main = query.Main.CreateWeight(searcher);
        var reader = searcher.IndexReader;
        if (query.Near is ProximityClauses clauses && clauses.Clauses.All(c => c.Occur == Occur.SHOULD)
            && clauses.Clauses.Select(c => ProximityPair.Of(c.Query, searcher)).ToArray() is var pairs && pairs.All(p => p != null))
        {
            _pairs = pairs!;
            _nearBoost = clauses.Boost;
            _unitBounds = _pairs.Select(p => p.Bound(bm25, reader.MaxDoc) * clauses.Boost).ToArray();
        }
        else
        {
            _near = query.Near.CreateWeight(searcher);
            _unitBounds = new[] { ProximityScored.Bound(query.Near, bm25, reader) };
        }
        _bounds = _unitBounds.Select(_ => float.PositiveInfinity).ToArray();
    }

    public override Query Query => _query;

    public override bool ScoresDocsOutOfOrder => false;

    /// <summary>As BooleanWeight: the clauses' sum, times the query's boost squared.</summary>
    public override float GetValueForNormalization()
    {
        float near = _near?.GetValueForNormalization()
            ?? _pairs!.Sum(p => p.ValueForNormalization) * _nearBoost * _nearBoost;
        return (_main.GetValueForNormalization() + near) * _query.Boost * _query.Boost;
    }

    public override void Normalize(float norm, float topLevelBoost)
    {
        _norm = norm;
        _topLevelBoost = topLevelBoost;
        float ours = topLevelBoost * _query.Boost;
        _main.Normalize(norm, ours);
        _near?.Normalize(norm, ours);
        if (_pairs != null)
            foreach (var pair in _pairs)
                pair.Normalize(norm, ours * _nearBoost);
        _bounds = _unitBounds.Select(b => b * ours).ToArray();
    }

    public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
    {
        var main = _main.GetScorer(context, acceptDocs);
        if (main == null)
            return null;
        var parts = new List<(IProximityPart, float)>();
        if (_pairs != null)
        {
            for (int i = 0; i < _pairs.Length; i++)
                if (_pairs[i].Part(context, acceptDocs) is { } part)
                    parts.Add((part, _bounds[i]));
        }
        else if (_near!.GetScorer(context, acceptDocs) is { } near)
            parts.Add((new ScorerPart(near), _bounds[0]));
        return new ProximityScorer(this, main, parts);
    }

    /// <summary>Lucene's explanation of the same two clauses.</summary>
    public override Explanation Explain(AtomicReaderContext context, int doc)
    {
        var plain = new BooleanQuery(disableCoord: true) { { _query.Main, Occur.MUST }, { _query.Near, Occur.SHOULD } };
        plain.Boost = _query.Boost;
        var weight = plain.CreateWeight(_searcher);
        weight.Normalize(_norm, _topLevelBoost);
        return weight.Explain(context, doc);
    }
}
