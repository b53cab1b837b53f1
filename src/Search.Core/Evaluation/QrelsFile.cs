using System.Globalization;

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
        var firstLine = new Dictionary<(string, string), int>();
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            string[] fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 4)
                throw new EvaluationFormatException(source, lineNumber,
                    $"expected 4 fields 'qid iteration docid relevance', found {fields.Length}");
            if (!int.TryParse(fields[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int grade))
                throw new EvaluationFormatException(source, lineNumber, $"relevance '{fields[3]}' is not an integer");
            if (!firstLine.TryAdd((fields[0], fields[2]), lineNumber))
                throw new EvaluationFormatException(source, lineNumber,
                    $"document {fields[2]} is judged twice for query {fields[0]} (first on line {firstLine[(fields[0], fields[2])]})");
            judgements.Add(new Judgement(fields[0], fields[2], grade));
        }
        return new Qrels(judgements);
    }

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
