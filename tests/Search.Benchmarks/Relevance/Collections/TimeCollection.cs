using System.Globalization;
using System.Text.RegularExpressions;

using Search.Core.Evaluation;

namespace Search.Benchmarks.Relevance.Collections;

/// <summary>
/// The TIME collection (Time magazine world-news articles, 1963; Cornell SMART via UMass):
/// <list type="bullet">
/// <item><c>TIME.ALL</c>: each article starts with <c>*TEXT 017 01/04/63 PAGE 020</c> (number, date
/// MM/DD/YY, page), text follows; an optional <c>*STOP</c> ends the file. The TEXT number, as written
/// ("017"), is the document id; the date becomes <see cref="CollectionDocument.Published"/>. There is
/// no separate headline, so no title.</item>
/// <item><c>TIME.QUE</c>: <c>*FIND n</c> then the query text; the id is n.</item>
/// <item><c>TIME.REL</c>: <c>qid pos pos ...</c>, listing the relevant documents by 1-based position
/// in the original TIME.ALL (not by TEXT number). All listed documents get grade 1; a query whose
/// line lists none gets no judgements and so is ignored by evaluation, like trec_eval does.</item>
/// </list>
/// The TIME.ALL we have holds 423 articles, but its README says the original had 425 and TIME.REL
/// cites positions up to 425. Checking judged documents against query texts shows positions up to 370
/// match and every position from 380 on matches the article two places earlier; the only missing
/// TEXT numbers right after position 370 (TEXT 498) are 499 and 500. So we take TEXT 499 and 500 as
/// the two lost articles (<see cref="LostArticles"/>): positions 371-372 are theirs, and later
/// positions shift by two. No judgement cites 371-376, so whether the lost pair sat there or a few
/// places later does not change any mapped judgement.
/// </summary>
public static partial class TimeCollection
{
    public const string Name = "time";

    /// <summary>Articles missing from our TIME.ALL, with the TEXT number they followed.</summary>
    public static readonly IReadOnlyList<(string After, string[] Missing)> LostArticles = [("498", ["499", "500"])];

    public static TestCollection Load(string directory)
    {
        var documents = ReadFile(directory, "TIME.ALL", ParseDocuments);
        var queries = ReadFile(directory, "TIME.QUE", ParseQueries);
        var judgements = ReadFile(directory, "TIME.REL", (r, s) => ParseRelevance(r, OriginalPositions(documents, LostArticles), s));
        return new TestCollection(Name, documents, queries, judgements);
    }

    /// <exception cref="EvaluationFormatException">Text before the first <c>*TEXT</c>, a malformed
    /// header, or a repeated TEXT number.</exception>
    public static IReadOnlyList<CollectionDocument> ParseDocuments(TextReader reader, string source = "TIME.ALL")
    {
        var documents = new List<CollectionDocument>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        (string Id, string? Date)? current = null;
        var lines = new List<string>();
        void Flush()
        {
            if (current is { } c) documents.Add(new CollectionDocument(c.Id, CollectionText.Collapse(lines)) { Published = c.Date });
            lines.Clear();
        }
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.StartsWith("*STOP", StringComparison.Ordinal)) break;
            if (line.StartsWith("*TEXT", StringComparison.Ordinal))
            {
                var m = TextHeader().Match(line);
                if (!m.Success) throw new EvaluationFormatException(source, lineNumber, $"malformed header '{line.Trim()}', expected '*TEXT nnn MM/DD/YY PAGE nnn'");
                Flush();
                string id = m.Groups["id"].Value;
                if (!ids.Add(id)) throw new EvaluationFormatException(source, lineNumber, $"TEXT {id} appears twice");
                current = (id, IsoDate(m));
                continue;
            }
            if (current == null)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                throw new EvaluationFormatException(source, lineNumber, "text before the first *TEXT header");
            }
            lines.Add(line);
        }
        Flush();
        return documents;
    }

    /// <exception cref="EvaluationFormatException">Text before the first <c>*FIND</c>, a malformed
    /// or repeated query number, or a query without text.</exception>
    public static IReadOnlyList<EvaluationQuery> ParseQueries(TextReader reader, string source = "TIME.QUE")
    {
        var queries = new List<EvaluationQuery>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        string? id = null;
        int idLine = 0;
        var lines = new List<string>();
        void Flush()
        {
            if (id == null) return;
            string text = CollectionText.Collapse(lines);
            if (text.Length == 0) throw new EvaluationFormatException(source, idLine, $"query {id} has no text");
            queries.Add(new EvaluationQuery(id, text));
            lines.Clear();
        }
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.StartsWith("*STOP", StringComparison.Ordinal)) break;
            if (line.StartsWith("*FIND", StringComparison.Ordinal))
            {
                Flush();
                id = Number(line["*FIND".Length..], source, lineNumber, "query number");
                idLine = lineNumber;
                if (!ids.TryAdd(id, lineNumber)) throw new EvaluationFormatException(source, lineNumber, $"query {id} repeats line {ids[id]}");
                continue;
            }
            if (id == null)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                throw new EvaluationFormatException(source, lineNumber, "text before the first *FIND");
            }
            lines.Add(line);
        }
        Flush();
        return queries;
    }

    /// <summary>Reads TIME.REL. <paramref name="documentAtPosition"/>[p - 1] is the id of the
    /// document at original 1-based position p, or null if that document is lost.</summary>
    /// <exception cref="EvaluationFormatException">A non-numeric field, a repeated query, or a
    /// position outside the collection or of a lost document.</exception>
    public static IReadOnlyList<Judgement> ParseRelevance(TextReader reader, IReadOnlyList<string?> documentAtPosition, string source = "TIME.REL")
    {
        var judgements = new List<Judgement>();
        var queries = new Dictionary<string, int>(StringComparer.Ordinal);
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            lineNumber++;
            string[] fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0) continue;
            string queryId = Number(fields[0], source, lineNumber, "query number");
            if (!queries.TryAdd(queryId, lineNumber)) throw new EvaluationFormatException(source, lineNumber, $"query {queryId} repeats line {queries[queryId]}");
            var docs = new HashSet<string>(StringComparer.Ordinal);
            foreach (string field in fields.Skip(1))
            {
                int position = int.Parse(Number(field, source, lineNumber, "document position"), CultureInfo.InvariantCulture);
                if (position < 1 || position > documentAtPosition.Count)
                    throw new EvaluationFormatException(source, lineNumber, $"position {position} is outside TIME.ALL (1..{documentAtPosition.Count})");
                string docId = documentAtPosition[position - 1]
                    ?? throw new EvaluationFormatException(source, lineNumber, $"position {position} is a document lost from TIME.ALL");
                if (docs.Add(docId)) judgements.Add(new Judgement(queryId, docId, 1));
            }
        }
        return judgements;
    }

    /// <summary>Ids by original position: our documents in file order, with a null slot for each
    /// lost article where it is missing (a TIME.ALL that still has it gets no slot).</summary>
    public static IReadOnlyList<string?> OriginalPositions(IReadOnlyList<CollectionDocument> documents, IReadOnlyList<(string After, string[] Missing)> lost)
    {
        var positions = new List<string?>();
        for (int i = 0; i < documents.Count; i++)
        {
            positions.Add(documents[i].Id);
            foreach (var gap in lost.Where(g => g.After == documents[i].Id))
            {
                string? next = i + 1 < documents.Count ? documents[i + 1].Id : null;
                if (next != gap.Missing[0]) positions.AddRange(gap.Missing.Select(_ => (string?)null));
            }
        }
        return positions;
    }

    private static string? IsoDate(Match m)
    {
        // Two-digit years: the collection is all 1963.
        if (!int.TryParse(m.Groups["mm"].Value, out int month) || !int.TryParse(m.Groups["dd"].Value, out int day)) return null;
        int year = 1900 + int.Parse(m.Groups["yy"].Value, CultureInfo.InvariantCulture);
        try { return new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); }
        catch (ArgumentOutOfRangeException) { return null; }
    }

    private static string Number(string text, string source, int line, string what)
    {
        string t = text.Trim();
        if (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            throw new EvaluationFormatException(source, line, $"{what} '{t}' is not a number");
        return n.ToString(CultureInfo.InvariantCulture);
    }

    private static T ReadFile<T>(string directory, string name, Func<TextReader, string, T> parse)
    {
        using var reader = new StreamReader(Path.Combine(directory, name));
        return parse(reader, name);
    }

    // The date separator is optional before the year: one header reads "*TEXT 431 08/30 63 PAGE 026".
    [GeneratedRegex(@"^\*TEXT\s+(?<id>\d+)\s+(?<mm>\d\d)/(?<dd>\d\d)[/ ](?<yy>\d\d)\s+PAGE\s+\d+\s*$")]
    private static partial Regex TextHeader();
}
