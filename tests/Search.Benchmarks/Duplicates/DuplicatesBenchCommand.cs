using System.Diagnostics;
using System.Globalization;
using System.Text;
using Search.Benchmarks.Speed;
using Search.Core.Duplicates;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Benchmarks.Duplicates;

/// <summary>
/// `duplicates`: pairwise precision / recall / F1 of near-duplicate clustering on the synthetic
/// set (<see cref="SyntheticDuplicates"/>), ours (the index build as `search index` runs it) beside
/// same-run peers: an exact hash of the normalised words, Solr's TextProfileSignature, and plain
/// MinHash/LSH with estimated Jaccard ≥ 0.5 (the same shingles and signatures as ours, no
/// containment, no guards).
/// </summary>
public static class DuplicatesBenchCommand
{
    public const string Name = "duplicates";
    public const string Usage = "duplicates [--shared DIR] [--work DIR] [--seed N] [--originals N] [--copies N] [--corpus bbc|reuters] [--half even|odd] [--no-timing] [--pairs FILE]   near-duplicate F1 on a synthetic copy set (BBC or Reuters originals; --half: every other article of the corpus, so one half can be tuned on and the other reported; --pairs: what the rule sees of each pair, tab-separated)";

    public static int Run(string[] args)
    {
        string shared = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared"));
        string work = "/tmp/search-dup-bench";
        int seed = 14, originals = 2048, copies = 500;
        string corpusName = "bbc";
        bool timing = true;
        string? pairsFile = null;
        string? half = null;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--shared": shared = Value(); break;
                case "--work": work = Value(); break;
                case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--originals": originals = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--copies": copies = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--corpus" when i + 1 < args.Length && args[i + 1] is "bbc" or "reuters": corpusName = args[++i]; break;
                case "--no-timing": timing = false; break;
                case "--pairs": pairsFile = Value(); break;
                case "--half" when i + 1 < args.Length && args[i + 1] is "even" or "odd": half = args[++i]; break;
                default: Console.Error.WriteLine("usage: " + Usage); return 2;
            }
        }
        var bbc = corpusName == "reuters"
            ? SyntheticDuplicates.ReadReuters(Path.Combine(shared, "corpora", "reuters21578"))
            : SyntheticDuplicates.ReadBbc(Path.Combine(shared, "corpora", "bbc"));
        if (half != null)
            bbc = bbc.Where((_, i) => i % 2 == (half == "even" ? 0 : 1)).ToList();
        var set = SyntheticDuplicates.Make(bbc, originals, copies, seed);
        Log.Step($"synthetic set: {set.Count(a => a.CopyOf == null)} originals, {set.Count(a => a.CopyOf != null)} copies, {PairwiseScore.TruePairs(set).Count} true pairs (seed {seed})");

        if (pairsFile != null)
        {
            PairFeatures.Write(set, pairsFile);
            return 0;
        }
        var scores = new List<PairwiseScore>
        {
            Timed("exact hash of the words", set, a => string.Join(' ', TextShingles.Words(a.Body))),
            Timed("Solr TextProfileSignature", set, a => TextProfileSignature.Of(a.Body)),
            MinHashJaccard(set, 0.5),
            Ours(set, work, timing),
        };
        Console.WriteLine(Report(scores, set, seed, corpusName + (half == null ? "" : $" ({half} half)")));
        return 0;
    }

    private static PairwiseScore Timed(string name, List<SyntheticArticle> set, Func<SyntheticArticle, string> signature)
    {
        var clock = Stopwatch.StartNew();
        var clusters = set.ToDictionary(a => a.Id, signature);
        return PairwiseScore.Of(name, set, clusters, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Plain MinHash: LSH candidates (the same bands as ours), accepted when the signatures
    /// agree at ≥ <paramref name="threshold"/> of positions, clusters by transitivity.</summary>
    private static PairwiseScore MinHashJaccard(List<SyntheticArticle> set, double threshold)
    {
        var clock = Stopwatch.StartNew();
        var signatures = set.Select(a => MinHashSignature.Compute(TextShingles.Shingles(TextShingles.Words(a.Body)))).ToList();
        var buckets = new Dictionary<(int Band, uint Key), List<int>>();
        for (int i = 0; i < set.Count; i++)
        {
            var keys = LshBands.Keys(signatures[i]);
            for (int band = 0; band < keys.Length; band++)
                (buckets.TryGetValue((band, keys[band]), out var list) ? list : buckets[(band, keys[band])] = new List<int>()).Add(i);
        }
        var sets = new UnionFind<int>();
        for (int i = 0; i < set.Count; i++) sets.Add(i);
        foreach (var bucket in buckets.Values)
            for (int x = 0; x < bucket.Count; x++)
                for (int y = x + 1; y < bucket.Count; y++)
                    if (MinHashSignature.Agreement(signatures[bucket[x]], signatures[bucket[y]]) >= threshold)
                        sets.Union(bucket[x], bucket[y]);
        var clusters = Enumerable.Range(0, set.Count).ToDictionary(i => set[i].Id, i => sets.Find(i).ToString(CultureInfo.InvariantCulture));
        return PairwiseScore.Of($"MinHash/LSH, Jaccard ≥ {threshold:0.0#}", set, clusters, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Ours, end to end: the set written as files, indexed as `search index --rebuild` does,
    /// clusters read back from the index. Time is the whole build (parsing and indexing included).</summary>
    private static PairwiseScore Ours(List<SyntheticArticle> set, string work, bool timing)
    {
        string corpus = Path.Combine(work, "corpus"), index = Path.Combine(work, "index");
        SyntheticDuplicates.Write(set, corpus);
        // What clustering costs: the same build without it, in turns (without, with, ×3 after a
        // warm-up), best of each, so a busy machine penalises neither side more.
        double Build(bool duplicates)
        {
            var clock = Stopwatch.StartNew();
            IndexBuilder.Build(new BuildOptions { Roots = new[] { corpus }, IndexPath = index, Rebuild = true, Duplicates = duplicates });
            return clock.Elapsed.TotalSeconds;
        }
        if (timing)
            Build(false);
        double without = double.MaxValue, seconds = double.MaxValue;
        if (!timing)
            seconds = Build(true);
        for (int round = 0; timing && round < 3; round++)
        {
            without = Math.Min(without, Build(false));
            seconds = Math.Min(seconds, Build(true));
        }
        Log.Step($"index build (best of 3) {seconds:0.00} s with clustering, {without:0.00} s without: ×{seconds / without:0.00}");
        var fingerprints = Stopwatch.StartNew();
        foreach (var a in set)
            LshBands.Keys(DuplicateFingerprint.Of(a.Id, a.Body, null)?.Signature ?? new uint[MinHashSignature.Length]);
        Log.Step($"  of which fingerprints and band keys, one thread: {fingerprints.Elapsed.TotalSeconds:0.00} s");
        using var searcher = ArticleSearcher.Open(index);
        var clusters = new Dictionary<string, string>();
        foreach (var c in searcher.Duplicates())
            foreach (var m in c.Members)
                clusters[m.Id] = c.Key;
        if (Environment.GetEnvironmentVariable("DUP_BENCH_DIAG") == "1")
            Diagnose(set, clusters);
        return PairwiseScore.Of($"**ours**: MinHash/LSH + containment ≥ {NearDuplicateRule.Containment:0.00} with guards (index build)", set, clusters, seconds);
    }

    /// <summary>With DUP_BENCH_DIAG=1: each missed true pair and each wrong pair, with the rule's reason.</summary>
    private static void Diagnose(List<SyntheticArticle> set, Dictionary<string, string> clusters)
    {
        var byId = set.ToDictionary(a => a.Id);
        var truth = PairwiseScore.TruePairs(set);
        string Why((string A, string B) p)
        {
            var a = DuplicateFingerprint.Of(p.A, byId[p.A].Body, null);
            var b = DuplicateFingerprint.Of(p.B, byId[p.B].Body, null);
            return a == null || b == null ? "no fingerprint" : NearDuplicateRule.Why(a, b) ?? "rule says copy (not a candidate / chained)";
        }
        foreach (var p in truth.Where(p => clusters.GetValueOrDefault(p.Item1) is not { } k || clusters.GetValueOrDefault(p.Item2) != k))
            Console.Error.WriteLine($"missed {p.Item1} ~ {p.Item2}: {Why(p)}");
        foreach (var g in clusters.GroupBy(kv => kv.Value))
        {
            var ids = g.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
            for (int i = 0; i < ids.Count; i++)
                for (int j = i + 1; j < ids.Count; j++)
                    if (!truth.Contains((ids[i], ids[j])))
                        Console.Error.WriteLine($"wrong {ids[i]} ~ {ids[j]}: {Why((ids[i], ids[j]))}");
        }
    }

    private static string Report(List<PairwiseScore> scores, List<SyntheticArticle> set, int seed, string corpusName)
    {
        var md = new StringBuilder();
        md.AppendLine($"Synthetic set (seed {seed}): {set.Count(a => a.CopyOf == null && a.LookAlikeOf == null):N0} {corpusName} originals, {set.Count(a => a.LookAlikeOf != null):N0} look-alikes, {set.Count(a => a.CopyOf != null):N0} copies " +
                      $"({string.Join(", ", SyntheticDuplicates.Edits.Select(e => $"{set.Count(a => a.Edit == e)} {e}"))}), {PairwiseScore.TruePairs(set).Count:N0} true pairs.");
        md.AppendLine();
        md.AppendLine("| method | precision | recall | F1 | " + string.Join(" | ", SyntheticDuplicates.Edits.Select(e => $"recall {e}")) + " | seconds |");
        md.AppendLine("|---|--:|--:|--:|" + string.Concat(SyntheticDuplicates.Edits.Select(_ => "--:|")) + "--:|");
        foreach (var s in scores)
            md.AppendLine($"| {s.Method} | {s.Precision:0.000} | {s.Recall:0.000} | {s.F1:0.000} | " +
                          string.Join(" | ", SyntheticDuplicates.Edits.Select(e => s.RecallByEdit[e].ToString("0.000", CultureInfo.InvariantCulture))) + $" | {s.Seconds:0.0} |");
        md.AppendLine();
        md.AppendLine("| method | " + string.Join(" | ", SyntheticDuplicates.Edits.Select(e => $"F1 {e}")) + " | look-alikes joined |");
        md.AppendLine("|---|" + string.Concat(SyntheticDuplicates.Edits.Select(_ => "--:|")) + "--:|");
        foreach (var s in scores)
            md.AppendLine($"| {s.Method} | " + string.Join(" | ", SyntheticDuplicates.Edits.Select(e => s.F1ByEdit![e].ToString("0.000", CultureInfo.InvariantCulture))) +
                          $" | {s.LookAlikesJoined.ToString("0.000", CultureInfo.InvariantCulture)} |");
        return md.ToString();
    }
}
