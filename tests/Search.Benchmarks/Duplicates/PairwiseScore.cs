namespace Search.Benchmarks.Duplicates;

/// <summary>Pairwise precision, recall and F1 of a clustering against the true copy pairs, and
/// recall per edit type (of the original–copy pairs made by that edit).</summary>
/// <param name="F1ByEdit">F1 over the pairs that involve a copy made by that edit (true and predicted).</param>
/// <param name="LookAlikesJoined">Share of look-alikes put in the cluster of the article they imitate.</param>
public sealed record PairwiseScore(string Method, double Precision, double Recall, double F1, IReadOnlyDictionary<string, double> RecallByEdit, double Seconds,
    IReadOnlyDictionary<string, double>? F1ByEdit = null, double LookAlikesJoined = 0)
{
    public static PairwiseScore Of(string method, IReadOnlyList<SyntheticArticle> set, IReadOnlyDictionary<string, string> clusterOf, double seconds)
    {
        var truth = TruePairs(set);
        var predicted = new HashSet<(string, string)>();
        foreach (var group in set.GroupBy(a => clusterOf.GetValueOrDefault(a.Id) ?? "single:" + a.Id))
        {
            var ids = group.Select(a => a.Id).Order(StringComparer.Ordinal).ToList();
            for (int i = 0; i < ids.Count; i++)
                for (int j = i + 1; j < ids.Count; j++)
                    predicted.Add((ids[i], ids[j]));
        }
        int hit = predicted.Count(truth.Contains);
        double p = predicted.Count == 0 ? 1 : (double)hit / predicted.Count;
        double r = truth.Count == 0 ? 1 : (double)hit / truth.Count;
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        var byEdit = new Dictionary<string, double>();
        foreach (string edit in SyntheticDuplicates.Edits)
        {
            var pairs = set.Where(a => a.Edit == edit).Select(a => Pair(a.Id, a.CopyOf!)).ToList();
            byEdit[edit] = pairs.Count == 0 ? 1 : (double)pairs.Count(predicted.Contains) / pairs.Count;
        }
        var editOf = set.Where(a => a.Edit != null).ToDictionary(a => a.Id, a => a.Edit!);
        var f1ByEdit = new Dictionary<string, double>();
        foreach (string edit in SyntheticDuplicates.Edits)
        {
            bool Involves((string A, string B) pair) => editOf.GetValueOrDefault(pair.A) == edit || editOf.GetValueOrDefault(pair.B) == edit;
            int t = truth.Count(Involves), pr = predicted.Count(Involves), h = predicted.Count(x => Involves(x) && truth.Contains(x));
            double ep = pr == 0 ? 1 : (double)h / pr, er = t == 0 ? 1 : (double)h / t;
            f1ByEdit[edit] = ep + er == 0 ? 0 : 2 * ep * er / (ep + er);
        }
        var lookAlikes = set.Where(a => a.LookAlikeOf != null).ToList();
        double joined = lookAlikes.Count == 0 ? 0 : (double)lookAlikes.Count(a => predicted.Contains(Pair(a.Id, a.LookAlikeOf!))) / lookAlikes.Count;
        return new PairwiseScore(method, p, r, f1, byEdit, seconds, f1ByEdit, joined);
    }

    /// <summary>Each copy with its original, and copies of one original with each other.</summary>
    public static HashSet<(string, string)> TruePairs(IReadOnlyList<SyntheticArticle> set)
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var family in set.Where(a => a.CopyOf != null).GroupBy(a => a.CopyOf!))
        {
            var ids = family.Select(a => a.Id).Append(family.Key).ToList();
            for (int i = 0; i < ids.Count; i++)
                for (int j = i + 1; j < ids.Count; j++)
                    pairs.Add(Pair(ids[i], ids[j]));
        }
        return pairs;
    }

    public static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
}
