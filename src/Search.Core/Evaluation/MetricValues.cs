using System.Text.Json.Serialization;

namespace Search.Core.Evaluation;

/// <summary>The measures reported for one query or averaged over queries. JSON names are the
/// report's stable names; the trec_eval measure each one reproduces is given per property.</summary>
public sealed record MetricValues
{
    /// <summary>trec_eval <c>ndcg_cut_10</c>.</summary>
    [JsonPropertyName("ndcg_10")] public double Ndcg10 { get; init; }

    /// <summary>trec_eval <c>map</c> over the run cut at the evaluation depth.</summary>
    [JsonPropertyName("map")] public double Map { get; init; }

    /// <summary>trec_eval <c>P_10</c>.</summary>
    [JsonPropertyName("p_10")] public double P10 { get; init; }

    /// <summary>trec_eval <c>recall_100</c>.</summary>
    [JsonPropertyName("recall_100")] public double Recall100 { get; init; }

    /// <summary>trec_eval <c>recip_rank</c>; its mean is MRR.</summary>
    [JsonPropertyName("mrr")] public double Mrr { get; init; }

    public static readonly MetricValues Zero = new();

    /// <summary>Arithmetic mean per measure (trec_eval's summary line); zero for no values.</summary>
    public static MetricValues Mean(IReadOnlyCollection<MetricValues> values)
    {
        if (values.Count == 0) return Zero;
        return new MetricValues
        {
            Ndcg10 = values.Average(v => v.Ndcg10),
            Map = values.Average(v => v.Map),
            P10 = values.Average(v => v.P10),
            Recall100 = values.Average(v => v.Recall100),
            Mrr = values.Average(v => v.Mrr),
        };
    }
}
