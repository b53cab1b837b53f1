namespace Search.Core.Evaluation;

/// <summary>
/// TREC qrels: one judgement per line, <c>qid iteration docid relevance</c>, whitespace-separated.
/// The iteration column is ignored (as trec_eval does); blank lines are skipped.
/// </summary>
public static class QrelsFile
{
    public static Qrels Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path));
    }

    /// <exception cref="EvaluationFormatException">A line does not have exactly four fields, the
    /// relevance is not an integer, or a (query, document) pair is judged twice.</exception>
    public static Qrels Parse(TextReader reader, string source = "qrels")
    {
        var judgements = new List<Judgement>();
        foreach (var (queryId, docId, grade) in TrecLines.Read(reader, source, "qid iteration docid relevance", "judged", (fields, line) => Grade(fields, line, source)))
            judgements.Add(new Judgement(queryId, docId, grade));
        return new Qrels(judgements);
    }

    private static int Grade(string[] fields, int lineNumber, string source) =>
        int.TryParse(fields[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int grade)
            ? grade
            : throw new EvaluationFormatException(source, lineNumber, $"relevance '{fields[3]}' is not an integer");

    /// <summary>Writes <c>qid 0 docid grade</c> lines, the iteration column always 0.</summary>
    public static void Write(TextWriter writer, IEnumerable<Judgement> judgements)
    {
        foreach (var j in judgements)
        {
            if (HasWhiteSpace(j.QueryId) || HasWhiteSpace(j.DocId))
                throw new ArgumentException($"ids in qrels cannot contain white space: '{j.QueryId}', '{j.DocId}'", nameof(judgements));
            writer.Write(j.QueryId);
            writer.Write(" 0 ");
            writer.Write(j.DocId);
            writer.Write(' ');
            writer.Write(j.Grade.ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    private static bool HasWhiteSpace(string s) => s.Length == 0 || s.Any(char.IsWhiteSpace);
}
