using System.Runtime.CompilerServices;

namespace Search.Core.Snippets;

/// <summary>
/// The terms a pattern (prefix, wildcard, range) matches in a reader, as the search's rewrite
/// found them while counting them (<c>Querying.LimitedRewrite</c>), for the snippets of the same
/// query to mark without walking the terms dictionary again: they walked it once per field a
/// pattern was highlighted in (a prefix over the default fields: four walks of each segment's
/// dictionary per query, 6 % of a prefix query). Kept with the query object, for that reader only.
/// </summary>
public static class PatternTerms
{
    /// <summary>More than this many terms are not kept (the snippets then choose by rewrite).</summary>
    public const int MaxKept = 64;

    private sealed record Found(IndexReader Reader, HashSet<string>? Terms);

    private static readonly ConditionalWeakTable<MultiTermQuery, Found> Memo = new();

    /// <summary>Remembers what <paramref name="query"/> matches in <paramref name="reader"/>: every
    /// term, or null when there are more than <see cref="MaxKept"/>.</summary>
    public static void Remember(MultiTermQuery query, IndexReader reader, HashSet<string>? terms) =>
        Memo.AddOrUpdate(query, new Found(reader, terms));

    /// <summary>What <see cref="Remember"/> kept for this query and this very reader.</summary>
    public static bool TryGet(MultiTermQuery query, IndexReader reader, out HashSet<string>? terms)
    {
        if (Memo.TryGetValue(query, out var found) && ReferenceEquals(found.Reader, reader))
        {
            terms = found.Terms;
            return true;
        }
        terms = null;
        return false;
    }
}
