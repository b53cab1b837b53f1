using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Querying.Ranking;

namespace Search.Benchmarks.Relevance;

/// <summary>
/// Exact document lengths (the number of tokens of a field), counted from the postings of each
/// segment once: what BM25 would see if the index stored lengths exactly instead of Lucene 4.8's
/// one-byte norm (1/√length with three bits of precision). An index-time change measured here as a
/// variant, without changing the index.
/// </summary>
public sealed class ExactLengths : IDocumentLengths
{
    public static readonly ExactLengths Instance = new();

    private readonly ConditionalWeakTable<object, Dictionary<string, int[]>> _cache = new();

    public Func<int, int>? LengthsOf(AtomicReaderContext context, string field)
    {
        var reader = context.AtomicReader;
        var byField = _cache.GetValue(reader.CoreCacheKey, _ => new Dictionary<string, int[]>());
        int[]? lengths;
        lock (byField)
        {
            if (!byField.TryGetValue(field, out lengths))
                byField[field] = lengths = Count(reader, field);
        }
        return doc => lengths[doc];
    }

    private static int[] Count(AtomicReader reader, string field)
    {
        var lengths = new int[reader.MaxDoc];
        var terms = reader.GetTerms(field);
        if (terms == null)
            return lengths;
        var te = terms.GetEnumerator();
        DocsEnum? docs = null;
        while (te.MoveNext())
        {
            docs = te.Docs(null, docs, DocsFlags.FREQS);
            int d;
            while ((d = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                lengths[d] += docs.Freq;
        }
        return lengths;
    }
}
