using System.Text.Json.Serialization;

namespace Search.Core.Evaluation;

/// <summary>
/// Result of <see cref="RelevanceEvaluator.Evaluate"/>: per-query measures and their means. Plain
/// properties with stable JSON names, so the CLI can print a table or serialize it as it is.
/// </summary>
public sealed record EvaluationReport
{
    /// <summary>How many results were asked for and evaluated per query.</summary>
    [JsonPropertyName("depth")] public required int Depth { get; init; }

    /// <summary>Queries the means are taken over: every query with judgements, run or missing
    /// (trec_eval <c>-c</c>).</summary>
    [JsonPropertyName("queries_averaged")] public int QueriesAveraged => Queries.Count;

    [JsonPropertyName("mean")] public required MetricValues Mean { get; init; }

    /// <summary>Judged queries: those of the queries file in its order, then missing ones in qrels
    /// order.</summary>
    [JsonPropertyName("queries")] public required IReadOnlyList<QueryEvaluation> Queries { get; init; }

    /// <summary>Queries of the queries file with no judgements at all. trec_eval ignores queries
    /// without relevance information, so they are neither run nor averaged.</summary>
    [JsonPropertyName("unjudged_query_ids")] public required IReadOnlyList<string> UnjudgedQueryIds { get; init; }

    /// <summary>Judged queries absent from the queries file (counted as 0 in the means).</summary>
    [JsonIgnore] public IEnumerable<string> MissingQueryIds => Queries.Where(q => q.Missing).Select(q => q.QueryId);
}
