namespace Search.Core.Querying.Ranking;

/// <summary>
/// Scores a <see cref="ProximityScored"/> as Lucene does one required clause and one optional
/// disjunction: the required score, plus the matching proximity clauses' scores summed in double
/// and rounded once. Once <see cref="Floor"/> is set, the proximity clauses are read cheapest
/// first, and only while the required score, what they added so far and the most the rest could
/// add still reach the floor: a document below it ranks below the window either way and is given
/// a score that is lower still (never higher than its full score), without its words' positions
/// being read; a part that finds from its words' frequencies alone that it cannot add what the
/// document needs stops it the same way (<see cref="IProximityPart.ScoreAt(int, double, out bool)"/>).
/// </summary>
internal sealed class ProximityScorer : Scorer
{
    private readonly Scorer _main;
    private readonly IProximityPart[] _parts;
    private readonly float[] _bounds;
    private readonly double _boundSum;
    private int _scoredDoc = -1;
    private float _score;

    public ProximityScorer(Weight weight, Scorer main, IEnumerable<(IProximityPart Part, float Bound)> parts) : base(weight)
    {
        _main = main;
        var ordered = parts.OrderBy(p => p.Part.Cost).ToArray();
        _parts = ordered.Select(p => p.Part).ToArray();
        _bounds = ordered.Select(p => p.Bound).ToArray();
        _boundSum = _bounds.Sum(b => (double)b);
    }

    /// <summary>The lowest score still in the ranked window once it is full (set by <see cref="RelevanceWindow"/>).</summary>
    public float Floor { get; set; } = float.NegativeInfinity;

    /// <summary>Matches whose proximity clauses were not all read.</summary>
    public int Skipped { get; private set; }

    public override int DocID => _main.DocID;

    public override int Freq => _main.Freq;

    public override int NextDoc() => _main.NextDoc();

    public override int Advance(int target) => _main.Advance(target);

    public override long GetCost() => _main.GetCost();

    public override float GetScore()
    {
        int doc = _main.DocID;
        if (doc == _scoredDoc)
            return _score;
        float main = _main.GetScore();
        // A millionth of the score more, for the rounding of the sums.
        double reach = main + Math.Abs(main) * 1e-6, near = 0, rest = _boundSum;
        bool matched = false;
        for (int i = 0; i < _parts.Length; i++)
        {
            if (reach + near + rest < Floor)
            {
                Skipped++;
                break;
            }
            rest -= _bounds[i];
            // What this part must add for the document to reach the floor, the others at their most.
            double need = Floor - (reach + near + rest);
            if (_parts[i].ScoreAt(doc, need, out bool @short) is float score)
            {
                near += score;
                matched = true;
            }
            else if (@short)
            {
                Skipped++;
                break;
            }
        }
        _scoredDoc = doc;
        _score = matched ? main + (float)near : main;
        return _score;
    }

    public override ICollection<ChildScorer> GetChildren() => new List<ChildScorer> { new(_main, "MUST") };
}
