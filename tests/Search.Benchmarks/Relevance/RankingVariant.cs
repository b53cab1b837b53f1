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
            return string.Create(CultureInfo.InvariantCulture,
                $"{Analysis.Stemmer}, k1 {r.K1} b {r.B}, {Fields}, " +
                $"proximity {(r.ProximityBoost > 0 ? r.ProximityBoost.ToString(CultureInfo.InvariantCulture) : "off")}, " +
                $"query stop words {(r.QueryStopWords ? "on" : "off")}, qtf {(r.QueryTermFrequency ? "on" : "off")}");
        }
    }

    private string Fields => Ranking.CombinedField ? "one combined field"
        : string.Create(CultureInfo.InvariantCulture, $"title^{Ranking.TitleWeight} {(Ranking.FieldTieBreaker >= 1 ? "+" : $"max+{Ranking.FieldTieBreaker}×")} body");

    /// <summary>Ways of scoring title and body: one combined field (BM25F-style), the two fields
    /// summed with the title weighted 2 or 1, or the better field plus 0.3 of the other. The grid
    /// takes the first two (the question the issue asks); the others are measured as directions.</summary>
    public static readonly (bool Combined, float Title, float Tie)[] FieldChoices =
        [(true, 2f, 1f), (false, 2f, 1f), (false, 1f, 1f), (false, 2f, 0.3f)];

    /// <summary>The candidates leave-one-collection-out chooses from: every combination of the
    /// directions measured (stemmer, BM25 k1 and b, field combination and title weight, proximity,
    /// query stop words). Query-term frequency is measured as a direction only (few queries repeat
    /// a word), which halves the grid.</summary>
    public static IEnumerable<RankingVariant> Grid()
    {
        foreach (string stemmer in new[] { "porter", "porter2" })
            foreach (float k1 in new[] { 0.9f, 1.2f, 2.0f })
                foreach (float b in new[] { 0.5f, 0.75f })
                    foreach (var (combined, title, tie) in FieldChoices.Take(2))
                            foreach (float proximity in new[] { 0f, 0.25f })
                                foreach (bool stop in new[] { false, true })
                                    yield return new(AnalysisSettings.Default with { Stemmer = stemmer }, RankingSettings.Default with
                                    {
                                        K1 = k1, B = b, CombinedField = combined, TitleWeight = title, FieldTieBreaker = tie,
                                        ProximityBoost = proximity, QueryStopWords = stop, QueryTermFrequency = true,
                                    });
    }
}
