using Lucene.Net.Util.Automaton;

namespace Search.Core.Querying;

/// <summary>
/// A fuzzy word is searched in several fields (title and body: one <see cref="FuzzyQuery"/> each),
/// and Lucene builds the word's Levenshtein automata for each of them: a query's automata are kept
/// for its segments, not for its sibling clauses. Building them (the automaton per edit distance,
/// determinised and compiled) was a fifth of a fuzzy query's time. <see cref="Share"/> gives the
/// clauses of one word the same automata, built once: they depend only on the word, the edit
/// distance, the unchanged prefix and transpositions, never on the field, so every clause expands
/// to the same terms with the same boosts as before.
/// </summary>
internal static class SharedFuzzyAutomata
{
    /// <summary><paramref name="query"/> with each fuzzy clause that shares its word with another
    /// made one that shares the automata; the query itself when there is none to share.</summary>
    public static Query Share(Query query)
    {
        var groups = new Dictionary<(string Text, int MaxEdits, int Prefix, bool Transpositions), Automata>();
        Count(query, groups);
        return groups.Values.Any(g => g.Clauses > 1) ? Replace(query, groups) : query;
    }

    private static (string, int, int, bool) KeyOf(FuzzyQuery f) => (f.Term.Text, f.MaxEdits, f.PrefixLength, f.Transpositions);

    private static void Count(Query query, Dictionary<(string, int, int, bool), Automata> groups)
    {
        switch (query)
        {
            case FuzzyQuery f:
                var key = KeyOf(f);
                if (!groups.TryGetValue(key, out var automata))
                    groups[key] = automata = new Automata();
                automata.Clauses++;
                break;
            case BooleanQuery b when Rebuilt(b):
                foreach (var clause in b.Clauses)
                    Count(clause.Query, groups);
                break;
        }
    }

    private static Query Replace(Query query, Dictionary<(string, int, int, bool), Automata> groups)
    {
        switch (query)
        {
            case FuzzyQuery f when groups[KeyOf(f)] is { Clauses: > 1 } automata:
                return new Clause(f, automata);
            case Ranking.ProximityRanked ranked:
                // Its proximity clauses (phrases) are held beside its clauses: kept as they are.
                return new Ranking.ProximityRanked(Copy(ranked, groups), ranked.Near);
            case BooleanQuery b when Rebuilt(b):
                return Copy(b, groups);
            default:
                return query;
        }
    }

    /// <summary>Boolean queries looked into: Lucene's own, and the ranking's <see cref="Ranking.ProximityRanked"/>
    /// (rebuilt as itself). Any other kind is left whole, its fuzzy clauses building their own automata.</summary>
    private static bool Rebuilt(BooleanQuery b) => b.GetType() == typeof(BooleanQuery) || b is Ranking.ProximityRanked;

    private static BooleanQuery Copy(BooleanQuery b, Dictionary<(string, int, int, bool), Automata> groups)
    {
        var copy = new BooleanQuery(b.CoordDisabled) { Boost = b.Boost, MinimumNumberShouldMatch = b.MinimumNumberShouldMatch };
        foreach (var clause in b.Clauses)
            copy.Add(Replace(clause.Query, groups), clause.Occur);
        return copy;
    }

    /// <summary>The automata of one word, per edit distance, as the first of its clauses built them.</summary>
    private sealed class Automata
    {
        public int Clauses;
        public List<CompiledAutomaton> Built { get; } = new();
    }

    /// <summary>A fuzzy clause that starts from its word's automata built so far and leaves the
    /// ones it builds for the next clause.</summary>
    private sealed class Clause : FuzzyQuery
    {
        private readonly Automata _automata;

        public Clause(FuzzyQuery original, Automata automata)
            : base(original.Term, original.MaxEdits, original.PrefixLength, DefaultMaxExpansions, original.Transpositions)
        {
            _automata = automata;
            Boost = original.Boost;
            MultiTermRewriteMethod = original.MultiTermRewriteMethod;
        }

        protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts)
        {
            // Lucene keeps a rewrite's automata in this attribute from one segment to the next.
            var cached = atts.AddAttribute<FuzzyTermsEnum.ILevenshteinAutomataAttribute>().Automata;
            for (int i = cached.Count; i < _automata.Built.Count; i++)
                cached.Add(_automata.Built[i]);
            var result = base.GetTermsEnum(terms, atts);
            for (int i = _automata.Built.Count; i < cached.Count; i++)
                _automata.Built.Add(cached[i]);
            return result;
        }
    }
}
