using Lucene.Net.Search.Similarities;

namespace Search.Core.Indexing.Analysis;

/// <summary>
/// A stem in a title or body field (`body:markets`, a plain word when the combined field is off),
/// matched as every term it is indexed as (<see cref="StemForms"/>: the bare stem and the exact
/// forms whose stem it is) and scored as the one term the stem was when the index held a stem at
/// every word: the same document frequency, the same occurrences, the same frequency in each
/// document (its forms' frequencies summed). A <see cref="TermQuery"/> on those fields is an exact
/// word (the term indexed for it), this query its stem.
/// </summary>
public sealed class StemQuery : Query
{
    /// <param name="term">The field and the stem.</param>
    /// <param name="stemmed">The stemming analyser of the stem's language.</param>
    public StemQuery(Term term, Analyzer stemmed)
    {
        Term = term;
        Stemmed = stemmed;
    }

    public Term Term { get; }

    public Analyzer Stemmed { get; }

    public override Weight CreateWeight(IndexSearcher searcher) => new StemWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms) => terms.Add(Term);

    public override string ToString(string field) =>
        (Term.Field == field ? "" : Term.Field + ":") + Term.Text + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) =>
        obj is StemQuery other && other.Term.Equals(Term) && ReferenceEquals(other.Stemmed, Stemmed) && other.Boost == Boost;

    public override int GetHashCode() => HashCode.Combine(Term, Boost);

    private sealed class StemWeight : Weight
    {
        private readonly StemQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;
        private readonly StemForms _forms;

        public StemWeight(StemQuery query, IndexSearcher searcher)
        {
            _query = query;
            _similarity = searcher.Similarity;
            _forms = StemForms.Of(searcher.TopReaderContext, query.Term.Field, query.Term.Text, query.Stemmed);
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query.Term.Field),
                new TermStatistics(query.Term.Bytes, _forms.DocFreq, _forms.TotalTermFreq));
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var postings = StemPostings.Docs(context, _forms, acceptDocs);
            return postings == null ? null : new PostingsScorer(this, postings, _similarity.GetSimScorer(_stats, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            if (scorer != null && scorer.Advance(doc) == doc)
            {
                var result = new ComplexExplanation { Description = $"weight({_query} in {doc}) [{_similarity.GetType().Name}], result of:" };
                var scoreExplanation = _similarity.GetSimScorer(_stats, context).Explain(doc, new Explanation(scorer.Freq, "termFreq=" + scorer.Freq));
                result.AddDetail(scoreExplanation);
                result.Value = scoreExplanation.Value;
                result.Match = true;
                return result;
            }
            return new ComplexExplanation(false, 0f, "no matching term");
        }
    }
}

/// <summary>The postings of a stem's forms in one segment, as one list: the documents of any form,
/// each with the forms' frequencies summed and (for positions) their positions merged in order.</summary>
public static class StemPostings
{
    /// <summary>Documents and frequencies; null when no form is in the segment.</summary>
    public static DocsEnum? Docs(AtomicReaderContext context, StemForms forms, IBits? acceptDocs)
    {
        var parts = Seek(context, forms, e => e.Docs(acceptDocs, null, DocsFlags.FREQS));
        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => new Union(parts.ToArray()),
        };
    }

    /// <summary>Documents, frequencies and positions; null when no form is in the segment.
    /// <paramref name="open"/> opens a form's positions at the terms enum's term (by default, a
    /// new enum each time).</summary>
    public static DocsAndPositionsEnum? Positions(AtomicReaderContext context, StemForms forms, IBits? acceptDocs, Func<TermsEnum, DocsAndPositionsEnum?>? open = null)
    {
        open ??= e => e.DocsAndPositions(acceptDocs, null, DocsAndPositionsFlags.NONE);
        var parts = Seek(context, forms, e => open(e)
            ?? throw new InvalidOperationException($"field \"{forms.Terms[0].Field}\" was indexed without position data"));
        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => new Union(parts.ToArray()),
        };
    }

    private static List<T> Seek<T>(AtomicReaderContext context, StemForms forms, Func<TermsEnum, T> open)
    {
        var parts = new List<T>(forms.Terms.Length);
        if (forms.Terms.Length == 0)
            return parts;
        var fieldTerms = context.AtomicReader.GetTerms(forms.Terms[0].Field);
        if (fieldTerms == null)
            return parts;
        TermsEnum? e = null;
        for (int i = 0; i < forms.Terms.Length; i++)
        {
            var state = forms.States[i].Get(context.Ord);
            if (state == null)
                continue; // a form not in this segment
            e ??= fieldTerms.GetEnumerator();
            e.SeekExact(forms.Terms[i].Bytes, state);
            parts.Add(open(e));
        }
        return parts;
    }

    /// <summary>Several forms' postings as one (a stem has a few forms: a linear pass over them per document).</summary>
    private sealed class Union : DocsAndPositionsEnum
    {
        private readonly DocsEnum[] _parts;
        private int _doc = -1;
        private int _freq;
        private int[] _positions = new int[16];
        private int _read, _count;
        private bool _positionsLoaded;

        public Union(DocsEnum[] parts) => _parts = parts;

        public override int DocID => _doc;

        public override int Freq => _freq;

        public override int NextDoc() => Advance(_doc + 1);

        public override int Advance(int target)
        {
            if (_doc == NO_MORE_DOCS)
                return NO_MORE_DOCS;
            int min = NO_MORE_DOCS;
            foreach (var part in _parts)
            {
                int at = part.DocID;
                if (at < target)
                    at = part.Advance(target);
                if (at < min)
                    min = at;
            }
            _doc = min;
            _freq = 0;
            _positionsLoaded = false;
            _read = _count = 0;
            if (min != NO_MORE_DOCS)
                foreach (var part in _parts)
                    if (part.DocID == min)
                        _freq += part.Freq;
            return min;
        }

        public override int NextPosition()
        {
            if (!_positionsLoaded)
                LoadPositions();
            return _positions[_read++];
        }

        private void LoadPositions()
        {
            if (_positions.Length < _freq)
                _positions = new int[Math.Max(_freq, _positions.Length * 2)];
            _count = 0;
            foreach (var part in _parts)
                if (part.DocID == _doc && part is DocsAndPositionsEnum positions)
                    for (int i = positions.Freq; i > 0; i--)
                        _positions[_count++] = positions.NextPosition();
            Array.Sort(_positions, 0, _count);
            _read = 0;
            _positionsLoaded = true;
        }

        public override int StartOffset => -1;

        public override int EndOffset => -1;

        public override BytesRef? GetPayload() => null;

        public override long GetCost() => _parts.Sum(p => p.GetCost());
    }
}
