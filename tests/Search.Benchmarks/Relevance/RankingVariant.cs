using System.Globalization;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Benchmarks.Relevance;

/// <summary>One candidate configuration of our ranking: analysis (needs its own index) and
/// search-time settings.</summary>
public sealed record RankingVariant(AnalysisSettings Analysis, RankingSettings Ranking)
{
    public static readonly RankingVariant Default = new(AnalysisSettings.Default, RankingSettings.Default);

    public string Label
    {
        get
        {
            var r = Ranking;
            string qtf = !r.QueryTermFrequency ? "off" : r.K3 is float k3 ? "k3 " + k3.ToString(CultureInfo.InvariantCulture) : "linear";
            string F(float x) => x.ToString(CultureInfo.InvariantCulture);
            return (
                $"{Analysis.Stemmer}, k1 {F(r.K1)} b {F(r.B)}, idf {(r.RobertsonIdf ? "Robertson (Xapian)" : "Lucene")}, " +
                $"qtf {qtf}, {Fields}, " +
                $"proximity {(r.ProximityBoost > 0 ? r.ProximityBoost.ToString(CultureInfo.InvariantCulture) : "off")}, " +
                $"function words {(r.QueryFunctionWords ? "dropped" : "kept")}" +
                (r.QueryStopWords ? ", request phrasing dropped" : "") +
                (r.Delta > 0 ? ", BM25+ δ " + r.Delta.ToString(CultureInfo.InvariantCulture) : "") +
                (r.MinLengthNorm > 0 ? ", min length " + r.MinLengthNorm.ToString(CultureInfo.InvariantCulture) : "") +
                (r.DocumentLengths != null ? "" : r.NormMidpoints ? ", norm lengths read as their middle" : ", norm lengths read as Lucene does") +
                (r.DocumentLengths is StopWordLengths ? ", lengths counting stop words (index-time)" : r.DocumentLengths != null ? ", exact lengths (index-time)" : ""));
        }
    }

    private string Fields => Ranking.CombinedField ? "one combined field"
        : string.Create(CultureInfo.InvariantCulture, $"title^{Ranking.TitleWeight} {(Ranking.FieldTieBreaker >= 1 ? "+" : $"max+{Ranking.FieldTieBreaker}×")} body");

    /// <summary>Ways of scoring title and body: one combined field (BM25F-style), the two fields
    /// summed with the title weighted 2 or 1, or the better field plus 0.3 of the other. Measured
    /// as directions (the combined field won the last round on every collection with titles).</summary>
    public static readonly (bool Combined, float Title, float Tie)[] FieldChoices =
        [(true, 2f, 1f), (false, 2f, 1f), (false, 1f, 1f), (false, 2f, 0.3f)];

    /// <summary>The candidates leave-one-collection-out chooses from: a stock Xapian's BM25 (k1 1,
    /// b 0.5, its idf, k3 1, Snowball's function words dropped from queries, lengths as near exact
    /// as the index's one-byte norms allow: each byte read as the middle of the lengths it stands
    /// for) and the few ways we may depart from it: Lucene's k1 and b, Lucene's reading of the norms
    /// (the longest length of each byte), and the proximity boost (none, 0.1, 0.25). Xapian's own
    /// choices come first, so a tie keeps them. Porter2 and the combined field are fixed (chosen in
    /// earlier rounds); idf, query-term frequency, function words and Xapian's min_normlen (measured
    /// within ±0.003 last round) are measured as directions.</summary>
    public static IEnumerable<RankingVariant> Grid()
    {
        foreach (bool midpoints in new[] { true, false })
            foreach (float k1 in new[] { 1.0f, 1.2f })
                foreach (float b in new[] { 0.5f, 0.75f })
                    foreach (float proximity in new[] { 0f, 0.1f, 0.25f })
                        yield return new(AnalysisSettings.Default, RankingSettings.Default with
                        {
                            K1 = k1, B = b, RobertsonIdf = true, K3 = 1f, ProximityBoost = proximity,
                            QueryFunctionWords = true, QueryStopWords = false, QueryTermFrequency = true,
                            CombinedField = true, MinLengthNorm = 0f, NormMidpoints = midpoints, DocumentLengths = null,
                        });
    }

    /// <summary><see cref="Grid"/> as it would be if the index stored exact lengths (no norm reading
    /// to choose): measured as another set leave-one-out could choose from, not shipped.</summary>
    public static IEnumerable<RankingVariant> ExactLengthGrid() =>
        Grid().Where(v => v.Ranking.NormMidpoints).Select(v => v with { Ranking = v.Ranking with { DocumentLengths = ExactLengths.Instance } });
}
