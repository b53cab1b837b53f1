namespace Search.Core.Evaluation;

/// <summary>
/// Relevance judgements for a set of queries. A query "has relevance information" (trec_eval's
/// wording) when it has at least one line, even if every grade is 0: such a query is evaluated and
/// scores 0, exactly as trec_eval does it.
/// </summary>
public sealed class Qrels
{
    private readonly Dictionary<string, QueryJudgements> _byQuery;

    /// <exception cref="ArgumentException">The same (query, document) pair is judged twice
    /// (trec_eval refuses such qrels too).</exception>
    public Qrels(IEnumerable<Judgement> judgements)
    {
        var order = new List<string>();
        var grades = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var j in judgements)
        {
            if (!grades.TryGetValue(j.QueryId, out var docs))
            {
                docs = new Dictionary<string, int>(StringComparer.Ordinal);
                grades.Add(j.QueryId, docs);
                order.Add(j.QueryId);
            }
            if (!docs.TryAdd(j.DocId, j.Grade))
                throw new ArgumentException($"document {j.DocId} is judged twice for query {j.QueryId}", nameof(judgements));
        }
        QueryIds = order;
        _byQuery = grades.ToDictionary(p => p.Key, p => new QueryJudgements(p.Key, p.Value), StringComparer.Ordinal);
    }

    /// <summary>Queries with at least one judgement, in order of first appearance.</summary>
    public IReadOnlyList<string> QueryIds { get; }

    /// <summary>The judgements of <paramref name="queryId"/>, or null when the query has none.</summary>
    public QueryJudgements? Find(string queryId) => _byQuery.GetValueOrDefault(queryId);

    /// <summary>All judgements, grouped by query in <see cref="QueryIds"/> order.</summary>
    public IEnumerable<Judgement> All =>
        QueryIds.SelectMany(q => _byQuery[q].Grades.Select(d => new Judgement(q, d.Key, d.Value)));
}
