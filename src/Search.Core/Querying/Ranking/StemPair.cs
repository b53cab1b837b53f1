using Lucene.Net.Search.Similarities;
using Search.Core.Indexing.Analysis;

namespace Search.Core.Querying.Ranking;

/// <summary>
/// Two stems near each other in a title or body field: a proximity clause of plain words, each stem
/// as all the terms it is indexed as. Scored by <see cref="ProximityPair"/>, inside a
/// <see cref="ProximityScored"/> or alone (its own weight: a sloppy phrase as Lucene scores one).
/// </summary>
internal sealed class StemPair(string fieldName, string first, string second, int slop, Analyzer stemmed) : Query
{
    public string Field => fieldName;
    public string First => first;
    public string Second => second;
    public int Slop => slop;
    public Analyzer Stemmed => stemmed;

    public override Weight CreateWeight(IndexSearcher searcher) => new PairWeight(this, ProximityPair.Of(this, searcher)!);

    public override void ExtractTerms(ISet<Term> terms)
    {
        terms.Add(new Term(fieldName, first));
        terms.Add(new Term(fieldName, second));
    }

    public override string ToString(string f) =>
        (f == fieldName ? "" : fieldName + ":") + "\"" + first + " " + second + "\"~" + slop + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) =>
        obj is StemPair o && o.Field == fieldName && o.First == first && o.Second == second && o.Slop == slop
        && ReferenceEquals(o.Stemmed, stemmed) && o.Boost == Boost;

    public override int GetHashCode() => HashCode.Combine(fieldName, first, second, slop, Boost);
}

/// <summary>The weight of a <see cref="StemPair"/> searched alone (not in a <see cref="ProximityScored"/>):
/// the documents where the two stems are near, each scored as <see cref="ProximityPair"/> scores it.</summary>
internal sealed class PairWeight(StemPair query, ProximityPair pair) : Weight
{
    public override Query Query => query;

    public override float GetValueForNormalization() => pair.ValueForNormalization;

    public override void Normalize(float norm, float topLevelBoost) => pair.Normalize(norm, topLevelBoost);

    public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs) =>
        pair.Part(context, acceptDocs) is { } part ? new PairScorer(this, part) : null;

    public override Explanation Explain(AtomicReaderContext context, int doc)
    {
        var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
        return scorer != null && scorer.Advance(doc) == doc
            ? new Explanation(scorer.GetScore(), $"weight({query} in {doc}): the two stems near each other")
            : new ComplexExplanation(false, 0f, "the two stems are not near each other");
    }

    /// <summary>Walks the documents of the first stem, keeping those where the pair scores.</summary>
    private sealed class PairScorer(Weight weight, IProximityPart part) : Scorer(weight)
    {
        private readonly ProximityPair.Pairing _pairing = (ProximityPair.Pairing)part;
        private int _doc = -1;
        private float _score;

        public override int DocID => _doc;

        public override int Freq => 1;

        public override float GetScore() => _score;

        public override int NextDoc() => Advance(_doc + 1);

        public override int Advance(int target)
        {
            int doc = target;
            while (true)
            {
                int candidate = _pairing.NextCandidate(doc);
                if (candidate == NO_MORE_DOCS)
                    return _doc = NO_MORE_DOCS;
                if (_pairing.ScoreAt(candidate) is float score)
                {
                    _score = score;
                    return _doc = candidate;
                }
                doc = candidate + 1;
            }
        }

        public override long GetCost() => _pairing.Cost;
    }
}
