namespace Search.Core.Evaluation;

/// <summary>
/// Queries as TSV: one query per line, <c>id&lt;TAB&gt;query text</c>. The id is everything before
/// the first tab and must match the qrels' query ids exactly; blank lines are skipped. A query
/// with no text is skipped with a warning (a judged one then scores 0, as a missing query does).
/// </summary>
public static class QueriesFile
{
    public static IReadOnlyList<EvaluationQuery> Load(string path, Action<string>? warn = null)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path), warn);
    }

    /// <param name="warn">Told about each line skipped because its query has no text.</param>
    /// <exception cref="EvaluationFormatException">A line has no tab, an empty or space-containing
    /// id, or repeats an id.</exception>
    public static IReadOnlyList<EvaluationQuery> Parse(TextReader reader, string source = "queries", Action<string>? warn = null)
    {
        var queries = new List<EvaluationQuery>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            int tab = line.IndexOf('\t');
            if (tab < 0)
                throw new EvaluationFormatException(source, lineNumber, "expected 'id<TAB>query text', found no tab");
            string id = line[..tab].Trim();
            string text = line[(tab + 1)..].Trim();
            if (id.Length == 0 || id.Any(char.IsWhiteSpace))
                throw new EvaluationFormatException(source, lineNumber, $"query id '{id}' is empty or contains white space");
            if (!firstLine.TryAdd(id, lineNumber))
                throw new EvaluationFormatException(source, lineNumber, $"query {id} repeats line {firstLine[id]}");
            if (text.Length == 0)
            {
                warn?.Invoke($"{source}:{lineNumber}: query {id} has no text; skipped");
                continue;
            }
            queries.Add(new EvaluationQuery(id, text));
        }
        return queries;
    }

    /// <summary>Writes one <c>id&lt;TAB&gt;text</c> line per query. Text must be on one line.</summary>
    public static void Write(TextWriter writer, IEnumerable<EvaluationQuery> queries)
    {
        foreach (var q in queries)
        {
            if (q.Id.Length == 0 || q.Id.Any(char.IsWhiteSpace))
                throw new ArgumentException($"query id '{q.Id}' is empty or contains white space", nameof(queries));
            if (q.Text.Contains('\t') || q.Text.Contains('\n') || q.Text.Contains('\r'))
                throw new ArgumentException($"query {q.Id}: text cannot contain tabs or line breaks", nameof(queries));
            writer.Write(q.Id);
            writer.Write('\t');
            writer.Write(q.Text);
            writer.Write('\n');
        }
    }
}
