using Lucene.Net.Search.Similarities;
using Search.Core.Indexing.Analysis;

namespace Search.Core.Querying.Ranking;

/// <summary>One proximity clause, scored at one document at a time (see <see cref="ProximityScorer"/>).</summary>
internal interface IProximityPart
{
    /// <summary>How many documents it may match (the cheaper parts are read first).</summary>
    long Cost { get; }

    /// <summary>Its score at <paramref name="doc"/>, or null where it does not match; documents
    /// are asked in increasing order. Null as well once it can match nothing more.</summary>
    float? ScoreAt(int doc);

    /// <summary><see cref="ScoreAt(int)"/>, unless what the part can score at <paramref name="doc"/>
    /// is found below <paramref name="need"/> before the work of scoring it: then
    /// <paramref name="short"/> is set and null returned.</summary>
    float? ScoreAt(int doc, double need, out bool @short);
}

/// <summary>Any scorer as a part: advanced to the document (a phrase scorer reads on to its next
/// match when the document is not one).</summary>
internal sealed class ScorerPart(Scorer scorer) : IProximityPart
{
    public long Cost => scorer.GetCost();

    public float? ScoreAt(int doc)
    {
        int at = scorer.DocID;
        if (at < doc)
            at = scorer.Advance(doc);
        return at == doc ? scorer.GetScore() : null;
    }

    public float? ScoreAt(int doc, double need, out bool @short)
    {
        @short = false;
        return ScoreAt(doc);
    }
}

/// <summary>
/// A sloppy phrase of two different words ("oil price"~20), scored as Lucene's PhraseWeight and
/// SloppyPhraseScorer score it (same statistics, same walk over the positions, same sum of slop
/// factors), but only at the document asked: Lucene's scorer, advanced to a document where the two
/// words are too far apart, reads on through the positions of every following document until one
/// matches, which undid skipping the documents below the ranked window. A word is an exact term
/// (a <see cref="PhraseQuery"/>) or a stem (a <see cref="StemPair"/>): a stem's positions are those
/// of all its indexed forms and its statistics theirs together (<see cref="StemForms"/>), which are
/// the positions and statistics the stem had when the index held one at every word.
/// </summary>
internal sealed class ProximityPair
{
    private readonly Similarity _similarity;
    private readonly Similarity.SimWeight _stats;
    private readonly StemForms[] _words;
    private readonly int _slop;
    private readonly float _boost;

    private ProximityPair(IndexSearcher searcher, Query query, string field, StemForms[] words, int slop)
    {
        _similarity = searcher.Similarity;
        _words = words;
        _slop = slop;
        _boost = query.Boost;
        var termStats = words.Select(w => new TermStatistics(w.Name.Bytes, w.DocFreq, w.TotalTermFreq)).ToArray();
        _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(field), termStats);
    }

    /// <summary>The pair of <paramref name="query"/>, when it is a sloppy phrase of two different words.</summary>
    public static ProximityPair? Of(Query query, IndexSearcher searcher)
    {
        var top = searcher.TopReaderContext;
        if (query is StemPair { Slop: > 0 } stems && stems.First != stems.Second)
            return new ProximityPair(searcher, query, stems.Field,
                [StemForms.Of(top, stems.Field, stems.First, stems.Stemmed), StemForms.Of(top, stems.Field, stems.Second, stems.Stemmed)], stems.Slop);
        return query is PhraseQuery { Slop: > 0 } phrase && phrase.GetTerms() is [var a, var b]
            && a.Field == b.Field && !a.Equals(b) && phrase.GetPositions() is [0, 1]
            ? new ProximityPair(searcher, query, a.Field, [StemForms.Exact(top, a), StemForms.Exact(top, b)], phrase.Slop)
            : null;
    }

    /// <summary>More than the pair can score in any document at a top-level boost of 1 (see
    /// <see cref="ProximityScored.Bound"/>), from the statistics already gathered.</summary>
    public float Bound(Bm25Scoring bm25, long maxDoc) =>
        bm25.ScoreBound(bm25.Idf(_words[0].DocFreq, maxDoc) + bm25.Idf(_words[1].DocFreq, maxDoc), _boost) * 1.001f;

    /// <summary>As PhraseWeight gives it.</summary>
    public float ValueForNormalization => _stats.GetValueForNormalization();

    /// <summary>As PhraseWeight normalises its statistics.</summary>
    public void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

    public IProximityPart? Part(AtomicReaderContext context, IBits acceptDocs)
    {
        string field = _words[0].Name.Field;
        DocsAndPositionsEnum? Open(TermsEnum terms) => PostingsLoans.Positions(terms, context, field, acceptDocs);
        var first = StemPostings.Positions(context, _words[0], acceptDocs, Open);
        if (first == null)
            return null; // a word not in this segment
        var second = StemPostings.Positions(context, _words[1], acceptDocs, Open);
        return second == null ? null : new Pairing(first, second, _slop, _similarity.GetSimScorer(_stats, context));
    }

    /// <summary>The two words' postings in one segment.</summary>
    internal sealed class Pairing(DocsAndPositionsEnum first, DocsAndPositionsEnum second, int slop, Similarity.SimScorer docScorer) : IProximityPart
    {
        /// <summary>The first document from <paramref name="target"/> on that holds both words.</summary>
        public int NextCandidate(int target)
        {
            int doc = target;
            while (true)
            {
                int a = first.DocID < doc ? first.Advance(doc) : first.DocID;
                if (a == DocIdSetIterator.NO_MORE_DOCS)
                    return a;
                int b = second.DocID < a ? second.Advance(a) : second.DocID;
                if (b == DocIdSetIterator.NO_MORE_DOCS || b == a)
                    return b;
                doc = b;
            }
        }

        private readonly Positions _a = new(first, 0), _b = new(second, 1);
        private readonly DocsAndPositionsEnum _rarer = first.GetCost() <= second.GetCost() ? first : second;
        private readonly DocsAndPositionsEnum _commoner = first.GetCost() <= second.GetCost() ? second : first;
        private bool _done;

        public long Cost => Math.Min(first.GetCost(), second.GetCost());

        public float? ScoreAt(int doc) => ScoreAt(doc, double.NegativeInfinity, out _);

        /// <summary>The pair's phrase frequency at a document is at most the two words'
        /// occurrences less one (<see cref="PhraseFreq"/> adds at most one slop factor, each at
        /// most 1, per position it moves past, and one at the end), and BM25 grows with the
        /// frequency: that score, known from the frequencies alone, bounds the document's before
        /// its positions are read (for <c>oil prices</c> over 20k articles, 56 of the 287 position
        /// reads a query made are spared).</summary>
        public float? ScoreAt(int doc, double need, out bool @short)
        {
            @short = false;
            if (_done)
                return null;
            // The commoner word is looked for only where the rarer one is (in a title, mostly
            // neither): most documents asked cost one list's step, not two.
            int a = _rarer.DocID < doc ? _rarer.Advance(doc) : _rarer.DocID;
            if (a != doc)
            {
                _done = a == DocIdSetIterator.NO_MORE_DOCS;
                return null;
            }
            int b = _commoner.DocID < doc ? _commoner.Advance(doc) : _commoner.DocID;
            if (b != doc)
            {
                _done = b == DocIdSetIterator.NO_MORE_DOCS;
                return null;
            }
            // A thousandth more, for the rounding of the frequency's sum and of the score.
            if (need > 0 && docScorer.Score(doc, first.Freq + second.Freq - 1) * 1.001 < need)
            {
                @short = true;
                return null;
            }
            float freq = PhraseFreq();
            return freq == 0 ? null : docScorer.Score(doc, freq);
        }

        /// <summary>SloppyPhraseScorer.PhraseFreq for two positions without repeats, step for step
        /// (its queue of two is the lesser of the two).</summary>
        private float PhraseFreq()
        {
            int end = int.MinValue;
            _a.First();
            end = Math.Max(end, _a.Position);
            _b.First();
            end = Math.Max(end, _b.Position);
            var (pp, other) = _a.LessThan(_b) ? (_a, _b) : (_b, _a);
            float freq = 0;
            int matchLength = end - pp.Position;
            int next = other.Position;
            while (pp.Next())
            {
                if (pp.Position > end)
                    end = pp.Position;
                if (pp.Position > next)
                {
                    if (matchLength <= slop)
                        freq += docScorer.ComputeSlopFactor(matchLength);
                    (pp, other) = pp.LessThan(other) ? (pp, other) : (other, pp);
                    next = other.Position;
                    matchLength = end - pp.Position;
                }
                else if (end - pp.Position < matchLength)
                    matchLength = end - pp.Position;
            }
            if (matchLength <= slop)
                freq += docScorer.ComputeSlopFactor(matchLength);
            return freq;
        }
    }

    /// <summary>Lucene's PhrasePositions: a word's positions in the document, less its offset in the phrase.</summary>
    private sealed class Positions
    {
        private readonly DocsAndPositionsEnum _postings;
        private readonly int _offset;
        private int _count;

        public Positions(DocsAndPositionsEnum postings, int offset)
        {
            _postings = postings;
            _offset = offset;
        }

        public int Position { get; private set; }

        public void First()
        {
            _count = _postings.Freq;
            Next();
        }

        public bool Next()
        {
            if (_count-- <= 0)
                return false;
            Position = _postings.NextPosition() - _offset;
            return true;
        }

        /// <summary>PhraseQueue's order: position, then offset (which is also the order of the words here).</summary>
        public bool LessThan(Positions other) => Position != other.Position ? Position < other.Position : _offset < other._offset;
    }
}
