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
                (r.MinLengthNorm > 0 ? ", min length " + r.MinLengthNorm.ToString(CultureInfo.InvariantCulture) : "") +
                (r.DocumentLengths != null ? ", exact lengths (index-time)" : ""));
        }
    }

    private string Fields => Ranking.CombinedField ? "one combined field"
        : string.Create(CultureInfo.InvariantCulture, $"title^{Ranking.TitleWeight} {(Ranking.FieldTieBreaker >= 1 ? "+" : $"max+{Ranking.FieldTieBreaker}×")} body");

    /// <summary>Ways of scoring title and body: one combined field (BM25F-style), the two fields
    /// summed with the title weighted 2 or 1, or the better field plus 0.3 of the other. Measured
    /// as directions (the combined field won the last round on every collection with titles).</summary>
    public static readonly (bool Combined, float Title, float Tie)[] FieldChoices =
        [(true, 2f, 1f), (false, 2f, 1f), (false, 1f, 1f), (false, 2f, 0.3f)];

    /// <summary>The candidates leave-one-collection-out chooses from: every combination of what a
    /// stock Xapian does differently (BM25 k1 and b, its idf, saturating query-term frequency,
    /// dropping function words from queries). Porter2, the combined field and the proximity boost
    /// (0.25) are fixed (chosen last round); the rest is measured as directions.</summary>
    public static IEnumerable<RankingVariant> Grid()
    {
        foreach (float k1 in new[] { 1.2f, 1.0f })
            foreach (float b in new[] { 0.75f, 0.5f })
                foreach (bool rsj in new[] { false, true })
                    foreach (float? k3 in new float?[] { null, 1f })
                        foreach (float proximity in new[] { 0.25f })
                            foreach (bool function in new[] { false, true })
                                yield return new(AnalysisSettings.Default, RankingSettings.Default with
                                {
                                    K1 = k1, B = b, RobertsonIdf = rsj, K3 = k3, ProximityBoost = proximity,
                                    QueryFunctionWords = function, QueryStopWords = false, QueryTermFrequency = true,
                                    CombinedField = true, MinLengthNorm = 0, DocumentLengths = null,
                                });
    }
}
