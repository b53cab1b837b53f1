namespace Search.Core.Indexing.Analysis;

/// <summary>
/// A wildcard, prefix or regular-expression pattern over the combined field's stems and the body's
/// words as they are written. The combined field holds stems only, and a pattern typed as a word
/// is spelt (<c>vaccine*</c>, <c>stor?es</c>) need not match that word's stem (<c>vaccin</c>,
/// <c>stori</c>); the words as written are in the body (<see cref="OneTermPerToken"/>), so the
/// pattern is run over them too, and each word it finds whose stem it does not match is searched
/// as that word (<c>vaccine*</c> finds "vaccine" and "vaccines", not "vaccinated"; <c>electi*</c>
/// finds "election", not "elected"). Stop words are left out, as everywhere else.
/// The words are found once per reader and pattern (as <see cref="StemForms"/> finds a stem's forms).
/// Rewritten per reader to the pattern alone when no such word is found, else to one constant
/// score over the pattern and those words, the score the pattern alone gives.
/// </summary>
public sealed class StemsAndWordsPattern : Query
{
    /// <summary>Patterns whose words are remembered per reader (a reader never changes); past that
    /// the memory starts again.</summary>
    private const int MaxRemembered = 10_000;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IndexReader, System.Collections.Concurrent.ConcurrentDictionary<(string Pattern, Analyzer Stemmed), IReadOnlyList<Term>>> Memory = new();

    private readonly MultiTermQuery _words;
    private readonly Analyzer _stemmed;
    private readonly int _limit;
    private Found? _last;

    /// <param name="stems">The pattern over <see cref="Schema.AllText"/>.</param>
    /// <param name="words">The pattern over the body's words as written (<c>=</c> + pattern). (The
    /// title's are matched beside this query, at the title's weight.)</param>
    /// <param name="stemmed">The query's stemming analyser.</param>
    /// <param name="limit">At most this many words of the body, and stems, are looked at.</param>
    public StemsAndWordsPattern(MultiTermQuery stems, MultiTermQuery words, Analyzer stemmed, int limit)
    {
        Stems = stems;
        _words = words;
        _stemmed = stemmed;
        _limit = limit;
    }

    /// <summary>The pattern over the combined field's stems.</summary>
    public MultiTermQuery Stems { get; }

    public override Query Rewrite(IndexReader reader)
    {
        // The pattern's own rewrite first: one that matches too many stems is refused before the body is walked.
        var own = Stems.Rewrite(reader);
        var extra = ExtraWords(reader);
        if (extra.Count == 0)
            return own;
        var any = new BooleanQuery(disableCoord: true) { { own, Occur.SHOULD } };
        foreach (var word in extra)
            any.Add(new TermQuery(word), Occur.SHOULD);
        return new ConstantScoreQuery(any) { Boost = Stems.Boost };
    }

    /// <summary>The body's words (exact terms, <c>=word</c>) the pattern matches whose stem it does
    /// not match; found once per reader.</summary>
    public IReadOnlyList<Term> ExtraWords(IndexReader reader)
    {
        if (Volatile.Read(ref _last) is { } last && ReferenceEquals(last.Reader, reader))
            return last.Words;
        var memory = Memory.GetValue(reader, _ => new());
        string key = _words.GetType().Name + ":" + _words;
        if (!memory.TryGetValue((key, _stemmed), out var extra))
        {
            extra = Find(reader);
            if (memory.Count >= MaxRemembered)
                memory.Clear();
            memory[(key, _stemmed)] = extra;
        }
        Volatile.Write(ref _last, new Found(reader, extra));
        return extra;
    }

    private Term[] Find(IndexReader reader)
    {
        var found = new List<(Term Word, string Stem)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int looked = 0;
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(_words.Field);
            if (terms == null)
                continue;
            var e = _words.GetTermsEnum(terms);
            while (e.MoveNext() && ++looked <= _limit)
            {
                string exact = e.Term.Utf8ToString();
                if (seen.Add(exact) && StemForms.StemOf(_stemmed, exact[1..]) is { } stem)
                    found.Add((new Term(_words.Field, exact), stem));
            }
        }
        if (found.Count == 0)
            return [];
        var unmatched = Unmatched(reader, found.Select(f => f.Stem).ToHashSet(StringComparer.Ordinal));
        return found.Where(f => unmatched.Contains(f.Stem)).Select(f => f.Word).ToArray();
    }

    /// <summary>Those of <paramref name="stems"/> the pattern does not match itself (words of the
    /// stems it matches are found by it already): by its automaton or prefix, else by a walk of the
    /// terms it matches.</summary>
    private HashSet<string> Unmatched(IndexReader reader, HashSet<string> stems)
    {
        switch (Stems)
        {
            case AutomatonQuery automaton:
                var run = new Lucene.Net.Util.Automaton.CharacterRunAutomaton(automaton.Automaton);
                stems.RemoveWhere(run.Run);
                return stems;
            case PrefixQuery prefix:
                stems.RemoveWhere(s => s.StartsWith(prefix.Prefix.Text, StringComparison.Ordinal));
                return stems;
        }
        int looked = 0;
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(Stems.Field);
            if (terms == null)
                continue;
            var e = Stems.GetTermsEnum(terms);
            while (stems.Count > 0 && e.MoveNext() && ++looked <= _limit)
                stems.Remove(e.Term.Utf8ToString());
        }
        return stems;
    }

    public override string ToString(string field) => Stems.ToString(field);

    public override bool Equals(object? obj) =>
        obj is StemsAndWordsPattern other && Stems.Equals(other.Stems) && Boost == other.Boost;

    public override int GetHashCode() => Stems.GetHashCode() ^ 0x5A17;

    private sealed record Found(IndexReader Reader, IReadOnlyList<Term> Words);
}
