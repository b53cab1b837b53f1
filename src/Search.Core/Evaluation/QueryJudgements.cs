namespace Search.Core.Evaluation;

/// <summary>The judgements of one query: document id → grade.</summary>
public sealed class QueryJudgements
{
    private readonly Dictionary<string, int> _grades;

    internal QueryJudgements(string queryId, Dictionary<string, int> grades)
    {
        QueryId = queryId;
        _grades = grades;
        RelevantCount = grades.Values.Count(g => g >= TrecMetrics.RelevanceLevel);
    }

    public string QueryId { get; }

    public IReadOnlyDictionary<string, int> Grades => _grades;

    /// <summary>Judged documents with grade ≥ <see cref="TrecMetrics.RelevanceLevel"/> (trec_eval's num_rel).</summary>
    public int RelevantCount { get; }

    /// <summary>The grade of <paramref name="docId"/>; 0 for documents not in the qrels, which
    /// trec_eval treats as not relevant.</summary>
    public int GradeOf(string docId) => _grades.TryGetValue(docId, out int grade) ? grade : 0;
}
