using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Search.Benchmarks.Speed;

/// <summary>
/// What each indexed field puts in the postings: terms, postings (document entries, what .doc
/// holds) and positions (what .pos holds), with title and body split into their exact forms
/// (<c>=word</c>) and stems. Files on disk are per segment, not per field; these counts say which
/// field the .tim, .doc and .pos bytes of <see cref="IndexSizes"/> come from.
/// <c>speed postings INDEX...</c> prints one table per index.
/// </summary>
public static class IndexPostings
{
    public static int Print(string[] indexes)
    {
        if (indexes.FirstOrDefault(i => !System.IO.Directory.Exists(i)) is { } missing)
        {
            Console.Error.WriteLine($"speed postings: {missing}: no such index folder");
            return 2;
        }
        foreach (string index in indexes)
        {
            using var dir = FSDirectory.Open(index);
            using var reader = DirectoryReader.Open(dir);
            var rows = new Dictionary<string, (long Terms, long Postings, long Positions)>();
            foreach (var leaf in reader.Leaves)
            {
                var fields = leaf.AtomicReader.Fields;
                if (fields == null)
                    continue;
                foreach (string field in fields)
                {
                    var terms = fields.GetTerms(field);
                    if (terms == null)
                        continue;
                    bool positions = terms.HasPositions;
                    var e = terms.GetEnumerator();
                    while (e.MoveNext())
                    {
                        var term = e.Term;
                        string row = term.Length > 0 && term.Bytes[term.Offset] == (byte)'=' ? field + " (exact forms)" : field;
                        var (t, p, q) = rows.GetValueOrDefault(row);
                        rows[row] = (t + 1, p + e.DocFreq, q + (positions ? e.TotalTermFreq : 0));
                    }
                }
            }
            long allPostings = rows.Values.Sum(r => r.Postings), allPositions = rows.Values.Sum(r => r.Positions);
            Console.WriteLine($"{Path.GetFileName(index.TrimEnd('/'))}: {reader.NumDocs:N0} articles, {reader.Leaves.Count} segments (terms are counted once per segment)");
            Console.WriteLine();
            Console.WriteLine("| field | terms | postings | share | positions | share |");
            Console.WriteLine("|---|--:|--:|--:|--:|--:|");
            foreach (var (field, (t, p, q)) in rows.OrderByDescending(r => r.Value.Postings))
                Console.WriteLine(FormattableString.Invariant($"| {field} | {t:N0} | {p:N0} | {100.0 * p / allPostings:0.0}% | {q:N0} | {(allPositions == 0 ? 0 : 100.0 * q / allPositions):0.0}% |"));
            Console.WriteLine();
        }
        return 0;
    }
}
