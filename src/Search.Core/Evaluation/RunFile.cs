namespace Search.Core.Evaluation;

/// <summary>
/// A TREC run file: one retrieved document per line, <c>qid Q0 docid rank score tag</c>,
/// whitespace-separated, as trec_eval reads it. The Q0, rank and tag columns are ignored (trec_eval
/// orders by score, see <see cref="TrecRunOrder"/>); blank lines are skipped.
/// </summary>
public static class RunFile
{
    public static IReadOnlyDictionary<string, IReadOnlyList<(string DocId, float Score)>> Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path));
    }

    /// <exception cref="EvaluationFormatException">A line does not have six fields, the score is not
    /// a finite number, or a document is retrieved twice for one query (trec_eval refuses that too).</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<(string DocId, float Score)>> Parse(TextReader reader, string source = "run")
    {
        var run = new Dictionary<string, List<(string, float)>>(StringComparer.Ordinal);
        foreach (var (queryId, docId, score) in TrecLines.Read(reader, source, "qid Q0 docid rank score tag", "retrieved", (fields, line) => Score(fields, line, source)))
        {
            if (!run.TryGetValue(queryId, out var list))
                run[queryId] = list = new List<(string, float)>();
            list.Add((docId, (float)score));
        }
        return run.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<(string DocId, float Score)>)kv.Value, StringComparer.Ordinal);
    }

    private static double Score(string[] fields, int lineNumber, string source) =>
        double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out double score) && double.IsFinite(score)
            ? score
            : throw new EvaluationFormatException(source, lineNumber, $"score '{fields[4]}' is not a number");

    /// <summary>Writes one query's results as run lines, ranked by score as given.</summary>
    public static void Write(TextWriter writer, string queryId, IEnumerable<(string DocId, float Score)> results, string tag)
    {
        int rank = 0;
        foreach (var (docId, score) in results)
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{queryId} Q0 {docId} {++rank} {score:R} {tag}\n"));
    }

    /// <summary>Measures a run against <paramref name="qrels"/>. The queries are those of
    /// <paramref name="queries"/> when given (their text is not used), else every query of the run;
    /// a judged query the run lacks scores 0 (trec_eval <c>-c</c>).</summary>
    public static EvaluationReport Evaluate(IReadOnlyDictionary<string, IReadOnlyList<(string DocId, float Score)>> run,
        Qrels qrels, IReadOnlyList<EvaluationQuery>? queries = null, int depth = 100)
    {
        queries ??= run.Keys.Order(StringComparer.Ordinal).Select(id => new EvaluationQuery(id, id)).ToList();
        return RelevanceEvaluator.EvaluateQueries(queries, qrels,
            (query, _) => run.TryGetValue(query.Id, out var results) ? results : Array.Empty<(string, float)>(), depth);
    }
}
