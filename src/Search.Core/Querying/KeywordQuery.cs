using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;

namespace Search.Core.Querying;

/// <summary>
/// The query for plain keywords of which any may match (<see cref="SearchRequest.MatchAny"/>: `search
/// eval`, `search query --any`): the text is analysed as the body is (stemmed, index stop words
/// dropped), request words of <see cref="QueryStopWords"/> are dropped too when
/// <see cref="RankingSettings.QueryStopWords"/> is on, and each distinct term becomes one clause over
/// the default fields, weighted by how often the query repeats it
/// (<see cref="RankingSettings.QueryTermFrequency"/>). The fields of one term are summed or, with a
/// <see cref="RankingSettings.FieldTieBreaker"/> below 1, the best field counts fully and the others
/// by that fraction (Lucene's DisjunctionMaxQuery).
/// </summary>
internal static class KeywordQuery
{
    /// <summary>The stemmed terms of <paramref name="text"/>, in order, repeats kept: the first
    /// <see cref="BooleanQuery.MaxClauseCount"/> of them. A pasted page has more; a query holds one
    /// clause a term before repeats are merged, and past Lucene's limit the search failed with
    /// TooManyClausesException. A page's first thousand words say what it is about.</summary>
    public static List<string> Terms(Analyzer stemmed, string text, RankingSettings ranking)
    {
        if (ranking.QueryStopWords)
            text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Where(w => !QueryStopWords.Contains(w.Trim(TrimmedPunctuation))));
        var terms = AnalyzedTerms.Of(stemmed, Schema.Body, text);
        if (terms.Count > BooleanQuery.MaxClauseCount)
            terms.RemoveRange(BooleanQuery.MaxClauseCount, terms.Count - BooleanQuery.MaxClauseCount);
        return terms;
    }

    public static Query Build(IReadOnlyList<string> terms, RankingSettings ranking, Analyzer stemmed)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
        {
            var clause = FieldsOf(group.Key, ranking, stemmed);
            clause.Boost = ranking.QueryTermWeight(group.Count());
            query.Add(clause, Occur.SHOULD);
        }
        return query;
    }

    /// <summary>One stem over the default fields: summed, or the best field plus a fraction of the
    /// rest; in title and body a stem is all its indexed forms (<see cref="StemQuery"/>, stemmed as
    /// <paramref name="stemmed"/> stems).</summary>
    public static Query FieldsOf(string term, RankingSettings ranking, Analyzer stemmed)
    {
        if (ranking.CombinedField)
            return new TermQuery(new Term(Schema.AllText, term));
        var perField = ranking.FieldWeights.Select(kv => (Query)new StemQuery(new Term(kv.Key, term), stemmed) { Boost = kv.Value }).ToList();
        if (ranking.FieldTieBreaker < 1)
        {
            var max = new DisjunctionMaxQuery(ranking.FieldTieBreaker);
            foreach (var q in perField) max.Add(q);
            return max;
        }
        var sum = new BooleanQuery(disableCoord: true);
        foreach (var q in perField) sum.Add(q, Occur.SHOULD);
        return sum;
    }

    private static readonly char[] TrimmedPunctuation = ".,;:!?()[]{}\"'".ToCharArray();

    /// <summary>
    /// Words that say how a request is asked, not what it is about: the English function words of
    /// Snowball's stop list (beyond the 33 of Lucene's EnglishAnalyzer, which the index already
    /// drops) and the phrases of written requests ("I am interested in papers about ..."). Only
    /// keyword queries drop them; the index keeps them, so phrases and typed queries still find them.
    /// </summary>
    public static readonly HashSet<string> QueryStopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        // Snowball English stop list (function words).
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves",
        "he", "him", "his", "himself", "she", "her", "hers", "herself", "its", "itself", "them", "theirs",
        "themselves", "what", "which", "who", "whom", "am", "were", "been", "being", "have", "has", "had", "having",
        "do", "does", "did", "doing", "would", "should", "could", "ought", "because", "until", "while", "about",
        "against", "between", "through", "during", "before", "after", "above", "below", "from", "up", "down",
        "out", "off", "over", "under", "again", "further", "once", "here", "when", "where", "why", "how", "all",
        "any", "both", "each", "few", "more", "most", "other", "some", "nor", "only", "own", "same", "so", "than",
        "too", "very", "can", "also", "those", "whether", "within", "without", "upon", "etc",
        // Request phrasing.
        "interested", "information", "papers", "paper", "articles", "article", "documents", "document",
        "please", "wish", "want", "like", "concerned", "concerning", "regarding", "relating", "related",
        "dealing", "deal", "deals", "discuss", "discussing", "discussion", "describe", "describing", "described",
        "find", "retrieve", "obtain", "receive", "want", "need", "looking", "literature", "references", "material",
        "especially", "particularly", "particular", "anything", "something", "etc",
    };
}
