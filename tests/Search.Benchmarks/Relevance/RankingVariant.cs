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
                $"{Analysis.Stemmer}, k1 {r.K1} b {r.B}, title {r.TitleWeight}, fields {(r.FieldTieBreaker >= 1 ? "sum" : $"max+{r.FieldTieBreaker}")}, " +
                $"proximity {(r.ProximityBoost > 0 ? r.ProximityBoost.ToString(CultureInfo.InvariantCulture) : "off")}, " +
                $"query stop words {(r.QueryStopWords ? "on" : "off")}, qtf {(r.QueryTermFrequency ? "on" : "off")}");
        }
    }

    /// <summary>The candidates leave-one-collection-out chooses from: every combination of the
    /// directions measured (stemmer, BM25 k1 and b, title weight, field combination, proximity,
    /// query stop words, query-term frequency).</summary>
    public static IEnumerable<RankingVariant> Grid()
    {
        foreach (string stemmer in new[] { "porter", "porter2" })
            foreach (float k1 in new[] { 0.9f, 1.2f, 2.0f })
                foreach (float b in new[] { 0.5f, 0.75f })
                    foreach (float title in new[] { 1f, 2f })
                        foreach (float tie in new[] { 1f, 0.3f })
                            foreach (float proximity in new[] { 0f, 0.25f })
                                foreach (bool stop in new[] { false, true })
                                    foreach (bool qtf in new[] { true, false })
                                        yield return new(AnalysisSettings.Default with { Stemmer = stemmer }, RankingSettings.Default with
                                        {
                                            K1 = k1, B = b, TitleWeight = title, FieldTieBreaker = tie,
                                            ProximityBoost = proximity, QueryStopWords = stop, QueryTermFrequency = qtf,
                                        });
    }
}
