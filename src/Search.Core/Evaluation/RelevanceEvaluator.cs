namespace Search.Core.Evaluation;

/// <summary>
/// Runs every judged query through a search function and measures the results against the qrels
/// the way <c>trec_eval -c -M depth</c> measures a run file:
/// <list type="bullet">
/// <item>results are ordered by <see cref="TrecRunOrder"/> (score, then doc id descending) and cut at
/// the depth;</item>
/// <item>retrieved documents absent from the qrels are not relevant;</item>
/// <item>queries with no judgement line are ignored (trec_eval: "queries with no relevance
/// information are ignored"); queries whose judgements are all 0 are evaluated and score 0;</item>
/// <item>means are over all judged queries. A judged query missing from the queries file, or one for
/// which the search returns nothing, scores 0 and is averaged in. Plain trec_eval would leave such
/// queries out of the mean (they are absent from its run file); we use <c>-c</c> because a query the
/// engine cannot answer is a failure the mean must show, not hide.</item>
/// </list>
/// </summary>
public static class RelevanceEvaluator
{
    public static EvaluationReport Evaluate(
        IReadOnlyList<EvaluationQuery> queries,
        Qrels qrels,
        Func<string, int, IReadOnlyList<(string DocId, float Score)>> search,
        int depth = 100) =>
        EvaluateQueries(queries, qrels, (query, n) => search(query.Text, n), depth);

    /// <summary>The same, for a search that needs the query's id (a stored run looks results up by it).</summary>
    public static EvaluationReport EvaluateQueries(
        IReadOnlyList<EvaluationQuery> queries,
        Qrels qrels,
        Func<EvaluationQuery, int, IReadOnlyList<(string DocId, float Score)>> search,
        int depth = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        var evaluated = new List<QueryEvaluation>();
        var unjudged = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var query in queries)
        {
            if (!seen.Add(query.Id)) throw new ArgumentException($"query {query.Id} appears twice", nameof(queries));
            var judgements = qrels.Find(query.Id);
            if (judgements == null)
            {
                unjudged.Add(query.Id);
                continue;
            }
            var ranked = TrecRunOrder.Rank(search(query, depth), depth);
            evaluated.Add(new QueryEvaluation
            {
                QueryId = query.Id,
                Retrieved = ranked.Count,
                Relevant = judgements.RelevantCount,
                RelevantRetrieved = ranked.Count(d => judgements.GradeOf(d) >= TrecMetrics.RelevanceLevel),
                Metrics = TrecMetrics.Compute(ranked, judgements),
            });
        }
        foreach (string queryId in qrels.QueryIds.Where(q => !seen.Contains(q)))
        {
            evaluated.Add(new QueryEvaluation
            {
                QueryId = queryId,
                Missing = true,
                Relevant = qrels.Find(queryId)!.RelevantCount,
                Metrics = MetricValues.Zero,
            });
        }
        return new EvaluationReport
        {
            Depth = depth,
            Mean = MetricValues.Mean(evaluated.Select(e => e.Metrics).ToList()),
            Queries = evaluated,
            UnjudgedQueryIds = unjudged,
        };
    }
}
