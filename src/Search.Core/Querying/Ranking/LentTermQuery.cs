using Lucene.Net.Search.Similarities;
using Search.Core.Indexing.Analysis;

namespace Search.Core.Querying.Ranking;

/// <summary>
/// A word on the combined field, matched and scored exactly as Lucene's <see cref="TermQuery"/>
/// (the same statistics, weight, normalisation and score per document), but whose documents
/// enumerator in each segment is lent for the search and reused by the next
/// (<see cref="PostingsLoans"/>): each new one cloned the postings file (a 4 KB buffer filled by a
/// read) and allocated its block buffers and skip reader, per word and segment.
/// </summary>
internal sealed class LentTermQuery(Term term) : TermQuery(term)
{
    public override Weight CreateWeight(IndexSearcher searcher) =>
        new LentTermWeight(this, searcher, TermContext.Build(searcher.TopReaderContext, Term));

    /// <summary>TermQuery's weight, step for step; its explanation is Lucene's own.</summary>
    private sealed class LentTermWeight : Weight
    {
        private readonly LentTermQuery _query;
        private readonly IndexSearcher _searcher;
        private readonly TermContext _states;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;
        private float _norm = 1, _topLevelBoost = 1;

        public LentTermWeight(LentTermQuery query, IndexSearcher searcher, TermContext states)
        {
            _query = query;
            _searcher = searcher;
            _states = states;
            _similarity = searcher.Similarity;
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query.Term.Field), searcher.TermStatistics(query.Term, states));
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost)
        {
            _norm = norm;
            _topLevelBoost = topLevelBoost;
            _stats.Normalize(norm, topLevelBoost);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var state = _states.Get(context.Ord);
            if (state == null)
                return null; // the word is not in this segment
            var terms = context.AtomicReader.GetTerms(_query.Term.Field).GetEnumerator();
            terms.SeekExact(_query.Term.Bytes, state);
            var docs = PostingsLoans.Docs(terms, context, _query.Term.Field, acceptDocs);
            return docs == null ? null : new PostingsScorer(this, docs, _similarity.GetSimScorer(_stats, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var plain = new TermQuery(_query.Term) { Boost = _query.Boost };
            var weight = plain.CreateWeight(_searcher);
            weight.Normalize(_norm, _topLevelBoost);
            return weight.Explain(context, doc);
        }
    }
}
