using Lucene.Net.Search;

namespace Search.Core.Tests.Querying;

/// <summary>What the window comparisons share: a query as Lucene's own BooleanQuery scores it, and
/// a window described exactly (documents in order, scores bit for bit).</summary>
internal static class ScoredWindows
{
    /// <summary>The query as Lucene's BooleanQuery scores it: every clause, the proximity clauses
    /// included, read for every match.</summary>
    public static Query Plain(Query query)
    {
        if (query is not BooleanQuery b)
            return query;
        var plain = new BooleanQuery(b.CoordDisabled) { Boost = b.Boost, MinimumNumberShouldMatch = b.MinimumNumberShouldMatch };
        foreach (var c in b.Clauses)
            plain.Add(Plain(c.Query), c.Occur);
        return plain;
    }

    public static List<string> Describe(ScoreDoc[] docs) =>
        docs.Select(d => $"{d.Doc}:{BitConverter.SingleToInt32Bits(d.Score):x8}").ToList();
}
