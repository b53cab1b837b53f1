using Lucene.Net.Search.Similarities;

namespace Search.Core.Indexing.Analysis;

/// <summary>Lucene's TermScorer over any documents enumerator: the documents in order, each scored
/// at its frequency. <see cref="StemQuery"/> gives it a stem's forms merged into one enumerator,
/// <c>LentTermQuery</c> a term's enumerator lent for the search.</summary>
internal sealed class PostingsScorer(Weight weight, DocsEnum docs, Similarity.SimScorer docScorer) : Scorer(weight)
{
    public override int DocID => docs.DocID;

    public override int Freq => docs.Freq;

    public override int NextDoc() => docs.NextDoc();

    public override int Advance(int target) => docs.Advance(target);

    public override float GetScore() => docScorer.Score(docs.DocID, docs.Freq);

    public override long GetCost() => docs.GetCost();
}
