using System.Text.Json.Serialization;

namespace Search.Core.Evaluation;

/// <summary>The measures of one judged query.</summary>
public sealed record QueryEvaluation
{
    [JsonPropertyName("query_id")] public required string QueryId { get; init; }

    /// <summary>True when the qrels judge this query but the queries file lacks it; it was not run
    /// and scores 0 everywhere (trec_eval <c>-c</c>).</summary>
    [JsonPropertyName("missing")] public bool Missing { get; init; }

    /// <summary>Documents retrieved, after cutting at the depth.</summary>
    [JsonPropertyName("retrieved")] public int Retrieved { get; init; }

    /// <summary>Relevant documents in the qrels (trec_eval num_rel).</summary>
    [JsonPropertyName("relevant")] public int Relevant { get; init; }

    /// <summary>Relevant documents among those retrieved (trec_eval num_rel_ret).</summary>
    [JsonPropertyName("relevant_retrieved")] public int RelevantRetrieved { get; init; }

    [JsonPropertyName("metrics")] public required MetricValues Metrics { get; init; }
}
