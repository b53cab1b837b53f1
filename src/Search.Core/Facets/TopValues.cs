namespace Search.Core.Facets;

/// <summary>
/// The first <c>limit</c> of a dimension's counted values in the order a facet lists them, picked
/// in one pass that keeps only the best so far: a facet of an archive's authors or places can hold
/// tens of thousands of values, and sorting them all for the ten shown was paid on every query.
/// </summary>
internal static class TopValues
{
    /// <summary>Most counted first, then by label (case aside, then exactly); for a chronological
    /// dimension the latest labels first.</summary>
    public static List<KeyValuePair<string, int>> Of(IReadOnlyDictionary<string, int> counts, int limit, bool chronological)
    {
        var best = new List<KeyValuePair<string, int>>(Math.Max(0, Math.Min(limit, counts.Count)));
        if (limit <= 0)
            return best;
        Comparison<KeyValuePair<string, int>> order = chronological ? Latest : MostCounted;
        if (limit >= counts.Count / 4)
        {
            // Most of the values are listed (a facet's full list): sorting them all is cheaper
            // than keeping a long list in order.
            best.AddRange(counts);
            best.Sort(order);
            if (best.Count > limit)
                best.RemoveRange(limit, best.Count - limit);
            return best;
        }
        var comparer = Comparer<KeyValuePair<string, int>>.Create(order);
        foreach (var value in counts)
        {
            if (best.Count == limit && order(value, best[^1]) >= 0)
                continue;
            int at = best.BinarySearch(value, comparer);
            best.Insert(at < 0 ? ~at : at, value);
            if (best.Count > limit)
                best.RemoveAt(best.Count - 1);
        }
        return best;
    }

    private static int MostCounted(KeyValuePair<string, int> a, KeyValuePair<string, int> b)
    {
        int byCount = b.Value.CompareTo(a.Value);
        if (byCount != 0)
            return byCount;
        int byLabel = StringComparer.OrdinalIgnoreCase.Compare(a.Key, b.Key);
        return byLabel != 0 ? byLabel : string.CompareOrdinal(a.Key, b.Key);
    }

    private static int Latest(KeyValuePair<string, int> a, KeyValuePair<string, int> b) => string.CompareOrdinal(b.Key, a.Key);
}
