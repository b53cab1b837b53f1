using Search.Core.Indexing;

namespace Search.Core.Querying.Ranking;

/// <summary>
/// One ranking model for the words of every query form: keywords (`search eval`, `search query
/// --any`), words typed plainly (all required), joined with OR, or mixed with phrases, fields and
/// groups. The free words (plain words on the combined field, <see cref="Schema.AllText"/>) are
/// scored the same way whichever form brought them:
/// <list type="bullet">
/// <item>a word said q times in one group is one clause weighted by <see cref="RankingSettings.QueryTermWeight"/>
/// (BM25's query-term frequency), whether it was repeated in a sentence or typed `a OR a`;</item>
/// <item>a word the analyser splits (non-users) counts as its parts;</item>
/// <item>English function words are dropped (<see cref="RankingSettings.QueryFunctionWords"/>)
/// unless nothing else is left of the group;</item>
/// <item>each pair of neighbouring free words (in the order typed, words after NOT left out) adds
/// <see cref="RankingSettings.ProximityBoost"/> where the two occur near each other.</item>
/// </list>
/// Neither changes which articles match: the proximity clauses only add to the score of articles
/// the query matches anyway (<see cref="ProximityRanked"/>).
/// </summary>
internal static class FreeTextRanking
{
    /// <summary>The keyword query of <paramref name="terms"/> (stemmed, in order, repeats kept): any may match.</summary>
    public static Query Keywords(IReadOnlyList<string> terms, RankingSettings ranking, Analyzer analyzer)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (string t in terms)
            query.Add(new LentTermQuery(new Term(Schema.AllText, t)), Occur.SHOULD);
        return Rank(query, ranking, analyzer);
    }

    /// <summary>Applies the model to a parsed query (see the type's summary).</summary>
    public static Query Rank(Query query, RankingSettings ranking, Analyzer analyzer)
    {
        if (!ranking.CombinedField)
            return query;
        var order = new List<string>();
        var dropped = ranking.QueryFunctionWords ? FunctionWords.For(analyzer) : null;
        query = Merge(query, order, ranking, dropped);
        if (ranking.ProximityBoost <= 0 || query is not BooleanQuery main)
            return query;
        var near = Proximity(order, ranking, analyzer);
        return near == null ? query : new ProximityRanked(main, near);
    }

    /// <summary>Merges repeated free words of each group into one weighted clause; lists the free
    /// words in the order they were typed (repeats kept), leaving out everything under NOT.</summary>
    private static Query Merge(Query query, List<string> order, RankingSettings ranking, IReadOnlySet<string>? dropped)
    {
        if (query is TermQuery { Term.Field: Schema.AllText } single)
        {
            order.Add(single.Term.Text);
            return query;
        }
        if (query is not BooleanQuery bq)
            return query;
        // A word the analyser splits (non-users, boundary-layer) counts as its parts, each with the
        // word's own occurrence, as keywords count them.
        var clauses = bq.Clauses.SelectMany(c => c.Query is WordParts parts && c.Occur != Occur.MUST_NOT
            ? parts.Clauses.Select(p => (p.Query, c.Occur)) : new[] { (c.Query, c.Occur) }).ToList();
        // Per word of the group: how often it is said and the sum of its boosts (1 each unless typed word^2).
        var weights = new Dictionary<(string, Occur), (int Count, float Boosts)>();
        foreach (var (q, occur) in clauses)
            if (occur != Occur.MUST_NOT && q is TermQuery { Term.Field: Schema.AllText } tq)
            {
                var (count, boosts) = weights.GetValueOrDefault((tq.Term.Text, occur));
                weights[(tq.Term.Text, occur)] = (count + 1, boosts + tq.Boost);
            }
        // Function words go, as long as the group keeps something to match.
        if (dropped != null && clauses.Any(c => c.Occur != Occur.MUST_NOT && !IsFunctionWord(c.Query, dropped)))
            foreach (var key in weights.Keys.Where(k => dropped.Contains(k.Item1)).ToList())
                weights.Remove(key);
        var merged = new BooleanQuery(bq.CoordDisabled) { Boost = bq.Boost, MinimumNumberShouldMatch = bq.MinimumNumberShouldMatch };
        var added = new HashSet<(string, Occur)>();
        foreach (var (q, occur) in clauses)
        {
            if (occur == Occur.MUST_NOT)
            {
                merged.Add(q, occur);
                continue;
            }
            if (q is TermQuery { Term.Field: Schema.AllText } tq)
            {
                if (!weights.ContainsKey((tq.Term.Text, occur)))
                    continue; // a function word
                order.Add(tq.Term.Text);
                if (added.Add((tq.Term.Text, occur)))
                {
                    // Query-term frequency on how often it is said; a boost the user typed stays as typed.
                    var (count, boosts) = weights[(tq.Term.Text, occur)];
                    merged.Add(new LentTermQuery(tq.Term) { Boost = ranking.QueryTermWeight(count) * boosts / count }, occur);
                }
                continue;
            }
            merged.Add(Merge(q, order, ranking, dropped), occur);
        }
        return merged;
    }

    private static bool IsFunctionWord(Query q, IReadOnlySet<string> dropped) =>
        q is TermQuery { Term.Field: Schema.AllText } tq && dropped.Contains(tq.Term.Text);

    /// <summary>For each pair of neighbouring words, a sloppy phrase of the two stems in each default
    /// field (<see cref="StemPair"/>: each stem as all the terms it is indexed as), stemmed as
    /// <paramref name="stemmed"/> stems.</summary>
    internal static BooleanQuery? Proximity(IReadOnlyList<string> terms, RankingSettings ranking, Analyzer stemmed)
    {
        var near = new ProximityClauses();
        foreach (var (field, weight) in ranking.FieldWeights)
            for (int i = 0; i + 1 < terms.Count; i++)
            {
                if (terms[i] == terms[i + 1])
                    continue;
                if (near.Clauses.Count == BooleanQuery.MaxClauseCount)
                    break; // a pasted page: its first words' pairs are plenty (the searcher limits typed queries anyway)
                near.Add(new StemPair(field, terms[i], terms[i + 1], ranking.ProximitySlop, stemmed) { Boost = weight }, Occur.SHOULD);
            }
        if (near.Clauses.Count == 0)
            return null;
        near.Boost = ranking.ProximityBoost;
        return near;
    }
}

/// <summary>The parts of one typed word that the analyser splits (non-users: non, users), all
/// required: <see cref="FreeTextRanking"/> counts them as separate words of the word's group.</summary>
internal sealed class WordParts : BooleanQuery
{
    public WordParts(BooleanQuery parts) : base(parts.CoordDisabled)
    {
        Boost = parts.Boost;
        foreach (var c in parts.Clauses)
            Add(c.Query, c.Occur);
    }
}

/// <summary>
/// A query with its proximity clauses held aside: its clauses are the query's own (what a user
/// typed, so the searcher's limit on words counts only those), and it searches as "all of the
/// query, plus the proximity clauses where they match" (<see cref="Rewrite"/>: a
/// <see cref="ProximityScored"/>), so the proximity clauses add to scores but never change which
/// articles match.
/// </summary>
internal sealed class ProximityRanked : BooleanQuery
{
    public ProximityRanked(BooleanQuery main, BooleanQuery near) : base(main.CoordDisabled)
    {
        Boost = main.Boost;
        MinimumNumberShouldMatch = main.MinimumNumberShouldMatch;
        foreach (var c in main.Clauses)
            Add(c.Query, c.Occur);
        Near = near;
    }

    public BooleanQuery Near { get; }

    public override Query Rewrite(IndexReader reader)
    {
        var main = new BooleanQuery(CoordDisabled) { MinimumNumberShouldMatch = MinimumNumberShouldMatch };
        foreach (var c in Clauses)
            main.Add(c.Query, c.Occur);
        return new ProximityScored(main, Near) { Boost = Boost };
    }

    public override string ToString(string field) => base.ToString(field) + " ~near(" + Near.ToString(field) + ")";
}
