using Search.Core.Indexing.Analysis;

namespace Search.Core.Querying.Ranking;

/// <summary>
/// What <see cref="ProximityRanked"/> searches as: "all of the query (MUST), plus the proximity
/// clauses where they match (SHOULD)", a BooleanQuery of those two clauses that scores exactly as
/// Lucene's does (the query's score plus the sum of the matching proximity clauses, no coord), but
/// under BM25 through a <see cref="ProximityWeight"/> and <see cref="ProximityScorer"/> that skip the
/// proximity clauses of a document that cannot reach the ranked window anyway
/// (<see cref="RelevanceWindow"/>). Reading the positions of both words in every match was two
/// thirds of a two-word query's search.
/// </summary>
internal sealed class ProximityScored : BooleanQuery
{
    public ProximityScored(BooleanQuery main, Query near) : base(disableCoord: true)
    {
        Add(main, Occur.MUST);
        Add(near, Occur.SHOULD);
    }

    public Query Main => Clauses[0].Query;

    public Query Near => Clauses[1].Query;

    public override Weight CreateWeight(IndexSearcher searcher) =>
        searcher.Similarity is Bm25Scoring bm25 ? new ProximityWeight(this, searcher, bm25) : base.CreateWeight(searcher);

    /// <summary>
    /// The most <paramref name="query"/> (a sloppy phrase, or phrases OR-ed) can score in any
    /// document: BM25's term-frequency part stays below k1 + 1 whatever the frequency and length,
    /// so a phrase scores below idf · boost · (k1 + 1). Anything else: no bound (always scored).
    /// </summary>
    internal static float Bound(Query query, Bm25Scoring bm25, IndexReader reader)
    {
        switch (query)
        {
            case PhraseQuery phrase when phrase.GetTerms().Length > 0:
                float idf = 0;
                foreach (var t in phrase.GetTerms())
                    idf += bm25.Idf(reader.DocFreq(t), reader.MaxDoc);
                // A thousandth more, for rounding in Lucene's own sums.
                return bm25.ScoreBound(idf, phrase.Boost) * 1.001f;
            case StemPair pair:
                float stems = 0;
                foreach (string stem in new[] { pair.First, pair.Second })
                    stems += bm25.Idf(StemForms.Of(reader.Context, pair.Field, stem, pair.Stemmed).DocFreq, reader.MaxDoc);
                return bm25.ScoreBound(stems, pair.Boost) * 1.001f;
            case BooleanQuery b when b.Clauses.Count > 0 && b.Clauses.All(c => c.Occur == Occur.SHOULD):
                return b.Clauses.Sum(c => Bound(c.Query, bm25, reader)) * b.Boost;
            default:
                return float.PositiveInfinity;
        }
    }
}

/// <summary>The proximity clauses of a query (sloppy phrases, any of which may match): a
/// BooleanQuery without coord, which <see cref="ProximityScored"/> scores clause by clause.</summary>
internal sealed class ProximityClauses : BooleanQuery
{
    public ProximityClauses() : base(disableCoord: true) { }
}
