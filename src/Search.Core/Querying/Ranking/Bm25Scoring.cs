using Lucene.Net.Search.Similarities;

namespace Search.Core.Querying.Ranking;

/// <summary>
/// BM25 as <see cref="BM25Similarity"/> computes it, with three choices it does not offer:
/// <list type="bullet">
/// <item><see cref="RankingSettings.MinLengthNorm"/>: a document shorter than this fraction of the
/// average length is normalised as if it had this fraction (Xapian's <c>min_normlen</c>), so a
/// two-word abstract does not outscore a real one on one shared word;</item>
/// <item><see cref="RankingSettings.RobertsonIdf"/>: the idf of the Robertson–Spärck Jones weight,
/// log((N − n + ½)/(n + ½)), as Xapian computes it (below a ratio of 2 it is damped, never
/// negative), instead of Lucene's log(1 + (N − n + ½)/(n + ½)), which keeps a floor of log 2
/// for words in half the documents;</item>
/// <item><see cref="RankingSettings.Delta"/>: BM25+'s lower bound, δ · idf added for every matching
/// word whatever the document's length (measured, off: docs/relevance.md).</item>
/// </list>
/// Norms are read as the index writes them (<see cref="BM25Similarity"/>'s one-byte length), so
/// the index does not change; <see cref="DocumentLengths"/> lets the relevance benchmark measure
/// exact lengths instead, an index-time change it reports as a variant.
/// </summary>
public sealed class Bm25Scoring : Similarity
{
    private static readonly BM25Similarity Writer = new();
    private static readonly float[] NormTable = NormCodec.Table(), MidpointTable = NormCodec.Midpoints();

    private readonly float _k1, _b, _minNorm, _delta;
    private readonly bool _robertsonIdf;
    private readonly float[] _lengths;

    public Bm25Scoring(RankingSettings settings)
    {
        _k1 = settings.K1;
        _b = settings.B;
        _minNorm = settings.MinLengthNorm;
        _delta = settings.Delta;
        _robertsonIdf = settings.RobertsonIdf;
        _lengths = settings.NormMidpoints ? MidpointTable : NormTable;
        DocumentLengths = settings.DocumentLengths;
    }

    /// <summary>Where a document's length in a field comes from; null: the index's one-byte norms.</summary>
    public IDocumentLengths? DocumentLengths { get; }

    public override long ComputeNorm(FieldInvertState state) => Writer.ComputeNorm(state);

    public float Idf(long docFreq, long numDocs)
    {
        double ratio = (numDocs - docFreq + 0.5) / (docFreq + 0.5);
        if (!_robertsonIdf)
            return (float)Math.Log(1 + ratio);
        if (ratio < 2)
            ratio = ratio * 0.5 + 1;
        return (float)Math.Log(ratio);
    }

    /// <summary>More than a term or phrase of this <paramref name="idf"/> and <paramref name="boost"/>
    /// can score in any document: the term-frequency part, freq / (freq + length factor), stays
    /// below 1 (see <see cref="ProximityScored"/>).</summary>
    public float ScoreBound(float idf, float boost) => idf * boost * (_k1 + 1 + _delta);

    public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats)
    {
        long max = collectionStats.MaxDoc; // as Lucene's BM25 (and Xapian: the collection size)
        float idf = 0;
        foreach (var t in termStats)
            idf += Idf(t.DocFreq, max);
        long sumTotal = collectionStats.SumTotalTermFreq;
        float avgdl = sumTotal <= 0 ? 1f : (float)(sumTotal / (double)collectionStats.MaxDoc);
        var cache = new float[256];
        for (int i = 0; i < cache.Length; i++)
            cache[i] = LengthFactor(_lengths[i], avgdl);
        return new Weight(collectionStats.Field, idf, queryBoost, avgdl, cache);
    }

    /// <summary>k1 · ((1 − b) + b · max(length / avgdl, min)): the part of BM25 that depends on length.</summary>
    private float LengthFactor(float length, float avgdl) => _k1 * ((1 - _b) + _b * Math.Max(length / avgdl, _minNorm));

    public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context)
    {
        var w = (Weight)weight;
        var exact = DocumentLengths?.LengthsOf(context, w.Field);
        if (exact != null)
            return new ExactScorer(this, w, exact, (float)(DocumentLengths!.AverageLength(context, w.Field) ?? w.Avgdl));
        return new NormScorer(this, w, context.AtomicReader.GetNormValues(w.Field));
    }

    private sealed class Weight : SimWeight
    {
        public Weight(string field, float idf, float queryBoost, float avgdl, float[] cache)
        {
            Field = field;
            Idf = idf;
            QueryBoost = queryBoost;
            Avgdl = avgdl;
            Cache = cache;
            Normalize(1f, 1f);
        }

        public string Field { get; }
        public float Idf { get; }
        public float QueryBoost { get; }
        public float Avgdl { get; }
        public float[] Cache { get; }
        public float TopLevelBoost { get; private set; }
        public float Value { get; private set; }

        public override float GetValueForNormalization() => (Idf * QueryBoost) * (Idf * QueryBoost);

        public override void Normalize(float queryNorm, float topLevelBoost)
        {
            TopLevelBoost = topLevelBoost;
            Value = Idf * QueryBoost * topLevelBoost * 1; // BM25 ignores the query norm, as Lucene's does
        }
    }

    private abstract class ScorerBase : SimScorer
    {
        protected readonly Bm25Scoring Owner;
        protected readonly Weight W;
        private readonly float _scale, _floor;

        protected ScorerBase(Bm25Scoring owner, Weight weight)
        {
            Owner = owner;
            W = weight;
            _scale = weight.Value * (owner._k1 + 1);
            _floor = weight.Value * owner._delta;
        }

        protected abstract float LengthFactor(int doc);

        public override float Score(int doc, float freq) => freq > 0 ? _scale * freq / (freq + LengthFactor(doc)) + _floor : 0;

        public override float ComputeSlopFactor(int distance) => 1.0f / (distance + 1);

        public override float ComputePayloadFactor(int doc, int start, int end, BytesRef payload) => 1;

        public override Explanation Explain(int doc, Explanation freq)
        {
            var result = new Explanation(Score(doc, freq.Value), $"bm25(doc={doc}, freq={freq.Value}, idf={W.Idf}, avgdl={W.Avgdl}, k1={Owner._k1}, b={Owner._b})");
            result.AddDetail(freq);
            return result;
        }
    }

    private sealed class NormScorer : ScorerBase
    {
        private readonly NumericDocValues? _norms;

        public NormScorer(Bm25Scoring owner, Weight weight, NumericDocValues? norms) : base(owner, weight) => _norms = norms;

        protected override float LengthFactor(int doc) => _norms == null ? Owner._k1 : W.Cache[(byte)_norms.Get(doc) & 0xFF];
    }

    private sealed class ExactScorer : ScorerBase
    {
        private readonly Func<int, int> _length;
        private readonly float _avgdl;

        public ExactScorer(Bm25Scoring owner, Weight weight, Func<int, int> length, float avgdl) : base(owner, weight)
        {
            _length = length;
            _avgdl = avgdl;
        }

        protected override float LengthFactor(int doc) => Owner.LengthFactor(_length(doc), _avgdl);
    }

    /// <summary>The lengths <see cref="BM25Similarity"/> writes, decoded (one byte: 1/√length, three bits of precision).</summary>
    private sealed class NormCodec : BM25Similarity
    {
        /// <summary>As <see cref="BM25Similarity"/> decodes them: the longest length each byte stands
        /// for (1/√length is rounded down when encoded), so a length of 41 reads as 64.</summary>
        public static float[] Table()
        {
            var codec = new NormCodec();
            var table = new float[256];
            for (int i = 0; i < 256; i++)
                table[i] = codec.DecodeNormValue((byte)i);
            return table;
        }

        /// <summary>The middle of the whole lengths each byte stands for (41 to 64 read as 52.5):
        /// every length is read without the upward bias of <see cref="Table"/>, whose documents all
        /// look longer than the exact average length they are compared with.</summary>
        public static float[] Midpoints()
        {
            var upper = Table();
            var table = new float[256];
            for (int i = 0; i < 256; i++)
            {
                // Whole lengths encoded as byte i: above the next byte's length, up to this one's.
                double hi = Math.Floor(upper[i]);
                double lo = i == 255 ? hi : Math.Floor(upper[i + 1]) + 1;
                table[i] = float.IsInfinity(upper[i]) || hi < 1 || lo > hi ? upper[i] : (float)((lo + hi) / 2);
            }
            return table;
        }
    }
}

/// <summary>Exact document lengths per field, for the relevance benchmark's variant (see <see cref="Bm25Scoring"/>).</summary>
public interface IDocumentLengths
{
    /// <summary>Length of each document of <paramref name="context"/> in <paramref name="field"/>, by
    /// segment-local doc id; null to use the index's norms.</summary>
    Func<int, int>? LengthsOf(AtomicReaderContext context, string field);

    /// <summary>The average of those lengths over the whole index <paramref name="context"/> belongs
    /// to, when they count something the collection statistics do not (stop words); null: the
    /// statistics' average (total term frequency ÷ documents).</summary>
    double? AverageLength(AtomicReaderContext context, string field) => null;
}
