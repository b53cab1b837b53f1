namespace Search.Core.Evaluation;

/// <summary>
/// The lines of a TREC file (qrels, run) as trec_eval reads them: whitespace-separated fields,
/// blank lines skipped, every line with the same fields, at most one line per (query, document).
/// </summary>
internal static class TrecLines
{
    /// <summary>Each non-blank line's fields (query id first, document id third) and the value
    /// <paramref name="value"/> reads from them (given the fields and the line number, it throws
    /// an <see cref="EvaluationFormatException"/> for a bad value).</summary>
    /// <param name="layout">The fields' names, space-separated: every line has as many fields.</param>
    /// <param name="repeated">What a second line for one (query, document) did: "judged", "retrieved".</param>
    /// <exception cref="EvaluationFormatException">A line has another number of fields, a bad value,
    /// or repeats a (query, document) pair.</exception>
    public static IEnumerable<(string QueryId, string DocId, T Value)> Read<T>(TextReader reader, string source, string layout, string repeated,
        Func<string[], int, T> value)
    {
        int fieldCount = layout.Split(' ').Length;
        var firstLine = new Dictionary<(string, string), int>();
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            string[] fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != fieldCount)
                throw new EvaluationFormatException(source, lineNumber, $"expected {fieldCount} fields '{layout}', found {fields.Length}");
            T read = value(fields, lineNumber);
            if (!firstLine.TryAdd((fields[0], fields[2]), lineNumber))
                throw new EvaluationFormatException(source, lineNumber,
                    $"document {fields[2]} is {repeated} twice for query {fields[0]} (first on line {firstLine[(fields[0], fields[2])]})");
            yield return (fields[0], fields[2], read);
        }
    }
}
