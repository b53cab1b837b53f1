using System.Globalization;
using System.Text.RegularExpressions;

using Search.Core.Evaluation;

namespace Search.Benchmarks.Relevance.Collections;

/// <summary>
/// The Cranfield 1400 collection (aeronautics abstracts; SMART distribution):
/// <list type="bullet">
/// <item><c>cran.all.1400</c>: records start <c>.I n</c>; fields <c>.T</c> title, <c>.A</c> author,
/// <c>.B</c> bibliographic source, <c>.W</c> abstract. The id is n. The abstract is the body (a
/// record with a title but no abstract falls back to the title, which abstracts repeat anyway).
/// Records 471 and 995 are empty in the source, every field blank; they are kept with an empty body
/// so the ids stay 1..1400, though 995 is judged for a query and can never be found. Three records
/// are garbled in the source (240 has stray <c>.A</c>/<c>.B</c> lines inside the abstract, 576 and
/// 578 a second <c>.W</c>): once <c>.W</c> has begun, every later line belongs to the body and field
/// markers are dropped.</item>
/// <item><c>cran.qry</c>: <c>.I n</c> / <c>.W</c> text. The famous quirk: the .I numbers run 001, 002,
/// 004, 008, ... up to 365, while cranqrel numbers the queries 1..225 in file order. The query id
/// is therefore the 1-based position in cran.qry, never the .I number.</item>
/// <item><c>cranqrel</c>: <c>qid docid code</c>. Cleverdon's codes run 1 (complete answer) to 4
/// (minimum interest); 5 (no interest) never occurs. They become TREC grades where higher is
/// better: grade = 5 - code, so 1→4, 2→3, 3→2, 4→1. Each query also has exactly one line with
/// code -1, which names the query's source document: Cranfield questions were written by the authors
/// of papers in the collection, and -1 marks that paper (query 1, on similarity laws for heated
/// aeroelastic models, → doc 486 "similarity laws for aerothermoelastic testing"). It answers its
/// own question by construction, and the classic binary CRAN.REL counts all 1837 pairs (8.2 per
/// query) relevant, so -1 becomes <see cref="SourceDocumentGrade"/> (4, the top grade).</item>
/// </list>
/// </summary>
public static partial class CranfieldCollection
{
    public const string Name = "cranfield";

    /// <summary>Grade given to a query's source document (cranqrel code -1).</summary>
    public const int SourceDocumentGrade = 4;

    public static TestCollection Load(string directory)
    {
        var documents = ReadFile(directory, "cran.all.1400", ParseDocuments);
        var queries = ReadFile(directory, "cran.qry", ParseQueries);
        var judgements = ReadFile(directory, "cranqrel", ParseRelevance);
        return new TestCollection(Name, documents, queries, judgements);
    }

    /// <exception cref="EvaluationFormatException">Text before the first <c>.I</c>, a malformed or
    /// repeated <c>.I</c>.</exception>
    public static IReadOnlyList<CollectionDocument> ParseDocuments(TextReader reader, string source = "cran.all.1400")
    {
        var documents = new List<CollectionDocument>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in Records(reader, source))
        {
            if (!ids.Add(record.Id)) throw new EvaluationFormatException(source, record.Line, $"document {record.Id} appears twice");
            string? title = Field(record, 'T');
            string body = Field(record, 'W') ?? title ?? "";
            documents.Add(new CollectionDocument(record.Id, body) { Title = title, Author = Field(record, 'A') });
        }
        return documents;
    }

    /// <summary>Queries with ids "1".."n" by position in the file (see the class comment).</summary>
    /// <exception cref="EvaluationFormatException">A record without text.</exception>
    public static IReadOnlyList<EvaluationQuery> ParseQueries(TextReader reader, string source = "cran.qry")
    {
        var queries = new List<EvaluationQuery>();
        foreach (var record in Records(reader, source))
        {
            string text = Field(record, 'W') ?? throw new EvaluationFormatException(source, record.Line, $"query .I {record.Id} has no text");
            queries.Add(new EvaluationQuery((queries.Count + 1).ToString(CultureInfo.InvariantCulture), text));
        }
        return queries;
    }

    /// <exception cref="EvaluationFormatException">A line without exactly three numbers, an unknown
    /// code, or a repeated (query, document) pair.</exception>
    public static IReadOnlyList<Judgement> ParseRelevance(TextReader reader, string source = "cranqrel")
    {
        var judgements = new List<Judgement>();
        var seen = new Dictionary<(string, string), int>();
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            lineNumber++;
            string[] f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0) continue;
            if (f.Length != 3
                || !int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out int query)
                || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out int doc)
                || !int.TryParse(f[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int code))
                throw new EvaluationFormatException(source, lineNumber, $"expected 'qid docid code' (three integers), found '{line.Trim()}'");
            int grade = code switch
            {
                -1 => SourceDocumentGrade,
                >= 1 and <= 4 => 5 - code,
                _ => throw new EvaluationFormatException(source, lineNumber, $"relevance code {code} is not -1 or 1..4"),
            };
            string queryId = query.ToString(CultureInfo.InvariantCulture), docId = doc.ToString(CultureInfo.InvariantCulture);
            if (!seen.TryAdd((queryId, docId), lineNumber))
                throw new EvaluationFormatException(source, lineNumber, $"document {docId} is judged twice for query {queryId} (first on line {seen[(queryId, docId)]})");
            judgements.Add(new Judgement(queryId, docId, grade));
        }
        return judgements;
    }

    private sealed record RawRecord(string Id, int Line, Dictionary<char, List<string>> Fields);

    private static string? Field(RawRecord record, char name)
    {
        if (!record.Fields.TryGetValue(name, out var lines)) return null;
        string text = CollectionText.Collapse(lines);
        return text.Length == 0 ? null : text;
    }

    /// <summary>Splits SMART-style <c>.I</c> records into fields. Once <c>.W</c> starts, later
    /// marker lines are dropped and their text stays in <c>.W</c> (see the class comment).</summary>
    private static IEnumerable<RawRecord> Records(TextReader reader, string source)
    {
        RawRecord? current = null;
        char field = ' ';
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.StartsWith(".I", StringComparison.Ordinal))
            {
                var m = IdLine().Match(line);
                if (!m.Success) throw new EvaluationFormatException(source, lineNumber, $"malformed record start '{line.Trim()}', expected '.I n'");
                if (current != null) yield return current;
                string id = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                current = new RawRecord(id, lineNumber, new Dictionary<char, List<string>>());
                field = ' ';
                continue;
            }
            if (current == null)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                throw new EvaluationFormatException(source, lineNumber, "text before the first .I");
            }
            var marker = FieldMarker().Match(line);
            if (marker.Success)
            {
                if (field != 'W') field = marker.Groups[1].Value[0];
                if (!current.Fields.ContainsKey(field)) current.Fields[field] = new List<string>();
                continue;
            }
            if (field == ' ')
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                throw new EvaluationFormatException(source, lineNumber, $"text in record {current.Id} before any field marker");
            }
            current.Fields[field].Add(line);
        }
        if (current != null) yield return current;
    }

    private static T ReadFile<T>(string directory, string name, Func<TextReader, string, T> parse)
    {
        using var reader = new StreamReader(Path.Combine(directory, name));
        return parse(reader, name);
    }

    [GeneratedRegex(@"^\.I\s+(\d+)\s*$")]
    private static partial Regex IdLine();

    [GeneratedRegex(@"^\.([TABW])\s*$")]
    private static partial Regex FieldMarker();
}
