using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Snippets;

namespace Search.Core.Querying;

/// <summary>
/// RM3 pseudo-relevance feedback (Lavrenko &amp; Croft's relevance model, interpolated with the query as
/// in Anserini's BM25+RM3): take the query's best <see cref="FeedbackDocuments"/> hits, estimate
/// P(w|R) = Σ_d P(w|d) · P(d|Q) with P(w|d) the term's share of the document's (stemmed, stop-word free)
/// text and P(d|Q) the document's share of the hits' scores, keep the <see cref="FeedbackTerms"/> most
/// likely words, and search again with λ · query + (1 − λ) · those words, each weighted by its
/// probability (<see cref="OriginalWeight"/> = λ). The original query's words share λ equally.
/// </summary>
internal static class Rm3Expansion
{
    public const int FeedbackDocuments = 10;
    public const int FeedbackTerms = 10;
    public const float OriginalWeight = 0.5f;

    private static readonly ISet<string> TextFields = new HashSet<string> { Schema.Title, Schema.Body };

    public static Query Expand(IndexSearcher searcher, Query query, Filter? filter, Analyzer stemmed, RankingSettings ranking)
    {
        var top = searcher.Search(query, filter, FeedbackDocuments);
        if (top.ScoreDocs.Length == 0)
            return query;
        double scoreSum = top.ScoreDocs.Sum(sd => (double)sd.Score);
        var model = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var sd in top.ScoreDocs)
        {
            var doc = searcher.Doc(sd.Doc, TextFields);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            int length = 0;
            foreach (string field in TextFields)
                length += Count(stemmed, doc.Get(field) ?? "", counts);
            if (length == 0) continue;
            double docWeight = scoreSum > 0 ? sd.Score / scoreSum : 1.0 / top.ScoreDocs.Length;
            foreach (var (term, n) in counts)
                model[term] = model.GetValueOrDefault(term) + (double)n / length * docWeight;
        }
        var expansion = model.Where(kv => Useful(kv.Key)).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(FeedbackTerms).ToList();
        if (expansion.Count == 0)
            return query;
        double total = expansion.Sum(kv => kv.Value);
        int originalTerms = Math.Max(1, QueryTerms.Extract(query, Schema.Body, searcher.IndexReader).Terms.Count);
        var expanded = new BooleanQuery(disableCoord: true);
        var original = (Query)query.Clone();
        original.Boost *= OriginalWeight / originalTerms;
        expanded.Add(original, Occur.SHOULD);
        foreach (var (term, p) in expansion)
        {
            var clause = KeywordQuery.FieldsOf(term, ranking, stemmed);
            clause.Boost = (float)((1 - OriginalWeight) * p / total);
            expanded.Add(clause, Occur.SHOULD);
        }
        return expanded;
    }

    /// <summary>Adds the stemmed terms of <paramref name="text"/> to <paramref name="counts"/>; returns how many there were.</summary>
    private static int Count(Analyzer stemmed, string text, Dictionary<string, int> counts)
    {
        var terms = AnalyzedTerms.Of(stemmed, Schema.Body, text);
        foreach (string t in terms)
            counts[t] = counts.GetValueOrDefault(t) + 1;
        return terms.Count;
    }

    /// <summary>Words worth adding: not one letter, not a bare number.</summary>
    private static bool Useful(string term) => term.Length > 1 && !term.All(char.IsDigit);
}
