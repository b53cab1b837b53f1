using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Search.Core.Indexing.Analysis;

/// <summary>
/// The terms a stem is indexed as in a title or body field (<see cref="OneTermPerToken"/>): the bare
/// stem (its words spelt as the stem itself) and every exact form <c>=word</c> whose stem it is,
/// with their statistics in one reader: the documents holding any of them and their occurrences,
/// which are what the stem's own term counted when the index held a stem at every word. So a stem
/// searched as its forms scores as it did.
///
/// The forms are found in the terms dictionary: the exact terms that begin as the stem does (its
/// first three characters, <see cref="CandidatePrefixes"/>), each kept when the language's analysis
/// of it gives the stem. Found once per reader (a reader never changes) and kept, at most
/// <see cref="MaxCached"/> stems per reader.
/// </summary>
public sealed class StemForms
{
    /// <summary>Stems remembered per reader; past that the memory starts again.</summary>
    public const int MaxCached = 20_000;

    /// <summary>Exact terms looked at for one stem, at most (a language whose stems need not keep
    /// their word's beginning reads the whole dictionary for it).</summary>
    public const int MaxCandidates = 200_000;

    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<(string Field, string Stem, Analyzer Stemmed), StemForms>> Memory = new();

    private static readonly ConditionalWeakTable<Analyzer, ConcurrentDictionary<string, string?>> StemsOf = new();

    private StemForms(Term name, Term[] terms, TermContext[] states, int docFreq, long totalTermFreq)
    {
        Name = name;
        Terms = terms;
        States = states;
        DocFreq = docFreq;
        TotalTermFreq = totalTermFreq;
    }

    /// <summary>The stem (field and text), which need not be indexed itself.</summary>
    public Term Name { get; }

    /// <summary>The indexed terms, the bare stem first when it is indexed.</summary>
    public Term[] Terms { get; }

    /// <summary>Each term's state in the reader's segments.</summary>
    public TermContext[] States { get; }

    /// <summary>Documents holding at least one of the forms.</summary>
    public int DocFreq { get; }

    /// <summary>Occurrences of all forms (each word is one term, so no position counts twice).</summary>
    public long TotalTermFreq { get; }

    /// <summary>The forms of <paramref name="stem"/> in <paramref name="field"/> of the reader of
    /// <paramref name="top"/>, as <paramref name="stemmed"/> (the language's stemming analyser) stems words.</summary>
    public static StemForms Of(IndexReaderContext top, string field, string stem, Analyzer stemmed)
    {
        var memory = Memory.GetValue(top.Reader, _ => new());
        var key = (field, stem, stemmed);
        if (memory.TryGetValue(key, out var known))
            return known;
        var found = Find(top, field, stem, stemmed);
        if (memory.Count >= MaxCached)
            memory.Clear();
        memory[key] = found;
        return found;
    }

    /// <summary>One exact term as a stem of a single form (for what takes stems and exact terms alike).</summary>
    public static StemForms Exact(IndexReaderContext top, Term term)
    {
        var state = TermContext.Build(top, term);
        return state.DocFreq == 0
            ? new StemForms(term, [], [], 0, 0)
            : new StemForms(term, [term], [state], state.DocFreq, state.TotalTermFreq);
    }

    /// <summary>Where the exact forms of <paramref name="stem"/> begin, without the marker: its first
    /// three characters (stemmers cut or rewrite a word's end: "happy" → "happi", "running" → "run"),
    /// two of a three-letter stem (its last may be rewritten: "using" → "use", "why" → "whi"), a
    /// shorter stem whole, and for a stem in -ie its beginning + y (porter2's "dying" → "die").
    /// A test checks every word of a real corpus against these. A language without a stemmer has
    /// none (its words are indexed bare); one whose stemmer takes prefixes off (Arabic) has the
    /// empty prefix: every exact term.</summary>
    public static IEnumerable<string> CandidatePrefixes(string stem, Analyzer stemmed)
    {
        if (stemmed is ArticleAnalyzer { Language: { } language } analyzer)
        {
            if (language.Stemmer(analyzer.Settings.LanguageStemmer) == null)
                yield break; // no stemmer: every word is its own stem, indexed bare
            if (!language.StemsKeepStart)
            {
                yield return ""; // every exact term is a candidate
                yield break;
            }
        }
        yield return stem[..(stem.Length >= 4 ? 3 : stem.Length == 3 ? 2 : stem.Length)];
        if (stem.Length >= 3 && stem.EndsWith("ie", StringComparison.Ordinal))
            yield return stem[..^2] + "y";
    }

    /// <summary>The stem <paramref name="stemmed"/> makes of <paramref name="word"/>; null when it
    /// makes none (a stop word) or more than one. Remembered per analyser, for a bounded number of words.</summary>
    public static string? StemOf(Analyzer stemmed, string word)
    {
        var memory = StemsOf.GetValue(stemmed, _ => new(StringComparer.Ordinal));
        if (memory.TryGetValue(word, out string? stem))
            return stem;
        var terms = AnalyzedTerms.Of(stemmed, Schema.Body, word);
        stem = terms.Count == 1 ? terms[0] : null;
        if (memory.Count < 200_000)
            memory[word] = stem;
        return stem;
    }

    private static StemForms Find(IndexReaderContext top, string field, string stem, Analyzer stemmed)
    {
        var terms = new List<Term> { new(field, stem) };
        var fieldTerms = MultiFields.GetTerms(top.Reader, field);
        if (fieldTerms != null && stem.Length > 0)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int looked = 0;
            foreach (string prefix in CandidatePrefixes(stem, stemmed))
            {
                var e = fieldTerms.GetEnumerator();
                var start = new BytesRef(Schema.ExactMarker + prefix);
                if (e.SeekCeil(start) == TermsEnum.SeekStatus.END)
                    continue;
                do
                {
                    if (!StringHelper.StartsWith(e.Term, start) || ++looked > MaxCandidates)
                        break;
                    string exact = e.Term.Utf8ToString();
                    if (seen.Add(exact) && StemOf(stemmed, exact[1..]) == stem)
                        terms.Add(new Term(field, exact));
                } while (e.MoveNext());
            }
        }
        var states = new List<TermContext>(terms.Count);
        var kept = new List<Term>(terms.Count);
        long total = 0;
        foreach (var term in terms)
        {
            var state = TermContext.Build(top, term);
            if (state.DocFreq == 0)
                continue;
            kept.Add(term);
            states.Add(state);
            total += state.TotalTermFreq;
        }
        int docFreq = states.Count switch
        {
            0 => 0,
            1 => states[0].DocFreq,
            _ => UnionDocFreq(top, kept, states),
        };
        return new StemForms(new Term(field, stem), kept.ToArray(), states.ToArray(), docFreq, total);
    }

    /// <summary>Documents holding at least one of several terms, counted over their postings.</summary>
    private static int UnionDocFreq(IndexReaderContext top, List<Term> terms, List<TermContext> states)
    {
        int count = 0;
        foreach (var leaf in top.Leaves)
        {
            var fieldTerms = leaf.AtomicReader.GetTerms(terms[0].Field);
            if (fieldTerms == null)
                continue;
            var e = fieldTerms.GetEnumerator();
            FixedBitSet? docs = null;
            for (int i = 0; i < terms.Count; i++)
            {
                var state = states[i].Get(leaf.Ord);
                if (state == null)
                    continue;
                e.SeekExact(terms[i].Bytes, state);
                var postings = e.Docs(null, null, DocsFlags.NONE);
                docs ??= new FixedBitSet(leaf.AtomicReader.MaxDoc);
                int doc;
                while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                    docs.Set(doc);
            }
            if (docs != null)
                count += docs.Cardinality;
        }
        return count;
    }
}
