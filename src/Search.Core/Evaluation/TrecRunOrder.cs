namespace Search.Core.Evaluation;

/// <summary>
/// Orders a run the way trec_eval does before measuring it, whatever order the system returned:
/// by score descending, and equal scores by document id descending, compared as strcmp does (byte
/// order of the UTF-8 text, which is Unicode code point order). See trec_eval's form_res_rels.c,
/// <c>comp_sim_docno</c>: <c>return strcmp(p2-&gt;docno, p1-&gt;docno)</c>. The rank the system gave
/// is ignored, as trec_eval ignores the rank column of a run file.
/// </summary>
public static class TrecRunOrder
{
    /// <summary>Document ids in evaluation order, cut to the first <paramref name="depth"/>
    /// (trec_eval cuts after sorting, like its <c>-M</c> option).</summary>
    /// <exception cref="ArgumentException">A document id appears twice (trec_eval stops with
    /// "duplicate docs"), or a score is NaN (it has no place in an order).</exception>
    public static IReadOnlyList<string> Rank(IEnumerable<(string DocId, float Score)> run, int depth = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        var list = run.ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (docId, score) in list)
        {
            if (!seen.Add(docId)) throw new ArgumentException($"document {docId} is retrieved twice", nameof(run));
            if (float.IsNaN(score)) throw new ArgumentException($"document {docId} has a NaN score", nameof(run));
        }
        list.Sort(static (a, b) =>
        {
            int byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : CompareLikeStrcmp(b.DocId, a.DocId);
        });
        return list.Take(depth).Select(r => r.DocId).ToList();
    }

    /// <summary>strcmp on UTF-8 bytes orders by code point; ordinal UTF-16 comparison differs only
    /// for surrogate pairs against U+E000..U+FFFF, so compare runes.</summary>
    internal static int CompareLikeStrcmp(string a, string b)
    {
        var ea = a.EnumerateRunes();
        var eb = b.EnumerateRunes();
        while (true)
        {
            bool hasA = ea.MoveNext(), hasB = eb.MoveNext();
            if (!hasA || !hasB) return hasA.CompareTo(hasB);
            int c = ea.Current.Value.CompareTo(eb.Current.Value);
            if (c != 0) return c;
        }
    }
}
