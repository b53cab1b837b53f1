using System.Globalization;
using System.Text;
using Search.Core.Duplicates;

namespace Search.Benchmarks.Duplicates;

/// <summary>
/// `duplicates --pairs FILE`: what the rule sees of every pair worth looking at, as tab-separated
/// lines, to choose thresholds on one corpus: each true pair, each look-alike with what it imitates,
/// and every other pair sharing a band key of 40 bands of 2 rows (keys: band keys the two share).
/// </summary>
public static class PairFeatures
{
    public static void Write(List<SyntheticArticle> set, string file)
    {
        var prints = set.Select(a => DuplicateFingerprint.Of(a.Id, a.Body, null)).ToList();
        var index = set.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var truth = PairwiseScore.TruePairs(set);
        var pairs = new Dictionary<(int, int), string>();
        void Add(int x, int y, string label)
        {
            if (x == y) return;
            var key = x < y ? (x, y) : (y, x);
            pairs.TryAdd(key, label);
        }
        foreach (var (a, b) in truth)
        {
            var copy = set[index[a]].Edit ?? set[index[b]].Edit ?? "copy";
            Add(index[a], index[b], "true:" + (set[index[a]].Edit != null && set[index[b]].Edit != null ? "sibling" : copy));
        }
        foreach (var a in set.Where(a => a.LookAlikeOf != null))
            Add(index[a.Id], index[a.LookAlikeOf!], "lookalike:" + a.Id.Split('-')[^1].Replace(".txt", "", StringComparison.Ordinal));
        var buckets = new Dictionary<ulong, List<int>>();
        for (int i = 0; i < set.Count; i++)
        {
            if (prints[i] is not { } p) continue;
            for (int band = 0; band < 40; band++)
            {
                ulong h = TextShingles.Mix(((ulong)band << 40) ^ p.Signature[2 * band] ^ ((ulong)p.Signature[2 * band + 1] << 20));
                (buckets.TryGetValue(h, out var list) ? list : buckets[h] = new List<int>()).Add(i);
            }
        }
        foreach (var bucket in buckets.Values.Where(b => b.Count is > 1 and < 200))
            for (int x = 0; x < bucket.Count; x++)
                for (int y = x + 1; y < bucket.Count; y++)
                    Add(bucket[x], bucket[y], "other");
        var tsv = new StringBuilder("label\ta\tb\tshort\tlong\tshared\tagree\tnk\tnc\tmk\tmc\tnk2\tnc2\tmk2\tmc2\tkeys\tbands2\trep\tspan\trep2\tspan2\tleadS\tleadL\twhy\n");
        foreach (var ((x, y), label) in pairs)
        {
            if (prints[x] is not { } a || prints[y] is not { } b) continue;
            var (s, l) = a.Shingles.Length <= b.Shingles.Length ? (a, b) : (b, a);
            int shared = TextShingles.Overlap(s.Shingles, l.Shingles);
            var t = AlignedSlots.Compare(s, l);
            var t2 = AlignedSlots.Compare(l, s);
            var (ka, kb) = (LshBands.Keys(a.Signature), LshBands.Keys(b.Signature));
            int b2 = 0, b3 = Enumerable.Range(0, LshBands.Bands).Count(band => ka[band] == kb[band]);
            for (int band = 0; band < 40; band++)
                if (a.Signature[band * 2] == b.Signature[band * 2] && a.Signature[band * 2 + 1] == b.Signature[band * 2 + 1]) b2++;
            tsv.Append(CultureInfo.InvariantCulture, $"{label}\t{set[x].Id}\t{set[y].Id}\t{s.Shingles.Length}\t{l.Shingles.Length}\t{shared}\t{MinHashSignature.Agreement(a.Signature, b.Signature):0.000}\t")
               .Append(CultureInfo.InvariantCulture, $"{t.NumbersKept}\t{t.NumbersChanged}\t{t.NamesKept}\t{t.NamesChanged}\t{t2.NumbersKept}\t{t2.NumbersChanged}\t{t2.NamesKept}\t{t2.NamesChanged}\t{b3}\t{b2}\t{t.Rewritten}\t{t.Span}\t{t2.Rewritten}\t{t2.Span}\t{TextShingles.Lead(s.Sequence, l.Shingles)}\t{TextShingles.Lead(l.Sequence, s.Shingles)}\t{NearDuplicateRule.Why(a, b) ?? "copy"}\n");
        }
        File.WriteAllText(file, tsv.ToString());
        Console.WriteLine($"{pairs.Count} pairs written to {file}");
    }
}
