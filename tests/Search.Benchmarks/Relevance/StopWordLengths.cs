using System.Runtime.CompilerServices;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Search.Core.Indexing;
using Search.Core.Querying.Ranking;

namespace Search.Benchmarks.Relevance;

/// <summary>
/// Document lengths that count every word, stop words included (what Xapian's document length
/// counts: its indexer drops no word), from the stored title and body cut into words as the index's
/// tokenizer cuts them; the combined field counts the title <see cref="Schema.AllTextTitleRepeats"/>
/// times. The average is taken over the same counts. An index-time change (the index's norms count
/// only the words it keeps), measured here as a candidate without changing the index.
/// </summary>
public sealed class StopWordLengths : IDocumentLengths
{
    public static readonly StopWordLengths Instance = new();

    private readonly ConditionalWeakTable<object, Tuple<int[], int[]>> _bySegment = new();
    private readonly ConditionalWeakTable<object, Dictionary<string, double>> _averages = new();

    public Func<int, int>? LengthsOf(AtomicReaderContext context, string field)
    {
        var (title, body) = Counts(context.AtomicReader).ToValueTuple();
        return field switch
        {
            Schema.AllText => doc => Schema.AllTextTitleRepeats * title[doc] + body[doc],
            Schema.Title => doc => title[doc],
            Schema.Body => doc => body[doc],
            _ => null,
        };
    }

    public double? AverageLength(AtomicReaderContext context, string field)
    {
        var top = Lucene.Net.Index.ReaderUtil.GetTopLevelContext(context);
        var byField = _averages.GetValue(top.Reader, _ => new Dictionary<string, double>());
        lock (byField)
        {
            if (byField.TryGetValue(field, out double average))
                return average;
            long sum = 0, docs = 0;
            foreach (var leaf in top.Leaves)
            {
                var lengths = LengthsOf(leaf, field);
                if (lengths == null)
                    return null;
                for (int d = 0; d < leaf.AtomicReader.MaxDoc; d++)
                    sum += lengths(d);
                docs += leaf.AtomicReader.MaxDoc;
            }
            return byField[field] = docs == 0 ? 1 : Math.Max(1, sum / (double)docs);
        }
    }

    private Tuple<int[], int[]> Counts(AtomicReader reader) =>
        _bySegment.GetValue(reader.CoreCacheKey, _ =>
        {
            var title = new int[reader.MaxDoc];
            var body = new int[reader.MaxDoc];
            for (int d = 0; d < reader.MaxDoc; d++)
            {
                var doc = reader.Document(d);
                title[d] = Words(doc.Get(Schema.Title));
                body[d] = Words(doc.Get(Schema.Body));
            }
            return Tuple.Create(title, body);
        });

    private static int Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return 0;
        using var tokens = new StandardTokenizer(Lucene.Net.Util.LuceneVersion.LUCENE_48, new StringReader(text));
        tokens.Reset();
        int n = 0;
        while (tokens.IncrementToken())
            n++;
        tokens.End();
        return n;
    }
}
