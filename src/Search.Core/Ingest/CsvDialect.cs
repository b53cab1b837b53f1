namespace Search.Core.Ingest;

/// <summary>
/// Sniffs a CSV file's delimiter (comma, semicolon, tab) and quote character (<c>"</c> or
/// <c>'</c>) from its first records, as spreadsheets export them in different locales. Every
/// combination reads the head. What counts, in order: records of two or more fields; fields
/// cleanly quoted (a quote opening a field and closing before a delimiter or line end: the
/// evidence for a quote character); the double quote, unless the single one quotes more (a stray
/// double quote must not make a file "single-quoted"); few badly formed records; the share of
/// records with the usual field count; more fields. Remaining ties go to comma, the RFC default.
/// </summary>
public static class CsvDialect
{
    /// <summary>Characters of the file's start read to sniff the dialect.</summary>
    public const int HeadChars = 64 * 1024;

    private const int MaxRecords = 50;

    private static readonly char[] Delimiters = [',', ';', '\t'];
    private static readonly char[] Quotes = ['"', '\''];

    /// <param name="head">The start of the file.</param>
    /// <param name="whole">Whether <paramref name="head"/> is the whole file (else its last record may be cut).</param>
    /// <param name="delimiter">A forced delimiter, or null.</param>
    /// <param name="quote">A forced quote character, or null.</param>
    public static (char Delimiter, char Quote) Sniff(string head, bool whole, char? delimiter = null, char? quote = null)
    {
        var best = (Delimiter: delimiter ?? ',', Quote: quote ?? '"');
        (bool, int, bool, int, double, int)? bestScore = null;
        foreach (char d in delimiter is char fd ? [fd] : Delimiters)
            foreach (char q in quote is char fq ? [fq] : Quotes)
            {
                var score = Score(head, whole, d, q);
                if (bestScore == null || Compare(score, bestScore.Value) > 0)
                {
                    bestScore = score;
                    best = (d, q);
                }
            }
        return best;
    }

    /// <summary>(two or more fields, cleanly quoted fields, double quote, -badly formed records,
    /// share of records with the usual field count, usual field count): larger is better, in that
    /// order.</summary>
    private static (bool, int, bool, int, double, int) Score(string head, bool whole, char delimiter, char quote)
    {
        var parser = new CsvRecordParser(new StringReader(""), delimiter, quote, head);
        var counts = new List<int>();
        int bad = 0, quoted = 0;
        while (counts.Count < MaxRecords && parser.Next())
        {
            if (parser.Unterminated)
            {
                if (whole || counts.Count == 0)
                    bad++;
                break; // the head may end inside a long quoted field
            }
            if (parser.Malformed)
                bad++;
            quoted += parser.QuotedFields;
            counts.Add(parser.Fields.Count);
        }
        if (!whole && counts.Count > 1)
            counts.RemoveAt(counts.Count - 1); // may be cut by the end of the head
        if (counts.Count == 0)
            return (false, 0, quote == '"', -bad, 0, 0);
        var usual = counts.GroupBy(c => c).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First();
        return (usual.Key >= 2, quoted, quote == '"', -bad, (double)usual.Count() / counts.Count, usual.Key);
    }

    private static int Compare((bool, int, bool, int, double, int) a, (bool, int, bool, int, double, int) b)
    {
        int c = a.Item1.CompareTo(b.Item1);
        if (c == 0) c = a.Item2.CompareTo(b.Item2);
        if (c == 0) c = a.Item3.CompareTo(b.Item3);
        if (c == 0) c = a.Item4.CompareTo(b.Item4);
        if (c == 0) c = a.Item5.CompareTo(b.Item5);
        if (c == 0) c = a.Item6.CompareTo(b.Item6);
        return c;
    }
}
