using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Search.Benchmarks.Speed;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Querying;

namespace Search.Benchmarks.Duplicates;

/// <summary>
/// `related`: P@10 of `search related` where a hit is relevant when it shares the seed's label (BBC
/// section; Reuters-21578 TOPICS, any one in common), every labelled article a seed (Reuters: every
/// fifth, fixed), with the same-run peer "MoreLikeThis as the library ships it" (defaults, title and
/// body, BM25, only the seed itself left out), and the mean time per call in one warm process.
/// </summary>
public static class RelatedBenchCommand
{
    public const string Name = "related";
    public const string Usage = "related [--shared DIR] [--work DIR] [--reuse] [--sweep | --sweep-stage N]   related-articles P@10 on BBC sections and Reuters topics";

    public static int Run(string[] args)
    {
        string shared = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared"));
        string work = "/tmp/search-related-bench";
        bool reuse = false;
        Dictionary<(string, RelatedOptions), double>? sweep = null;
        int stage = 0;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--shared": shared = Value(); break;
                case "--work": work = Value(); break;
                case "--reuse": reuse = true; break;
                case "--sweep": sweep = new(); break;
                case "--sweep-stage": sweep = new(); stage = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine("usage: " + Usage); return 2;
            }
        }
        Directory.CreateDirectory(work);
        string bbcIndex = Path.Combine(work, "bbc-index");
        if (!reuse || !Directory.Exists(bbcIndex))
            IndexBuilder.Build(new BuildOptions { Roots = new[] { Path.Combine(shared, "corpora", "bbc") }, IndexPath = bbcIndex, Rebuild = true });
        var bbcLabels = Directory.EnumerateFiles(Path.Combine(shared, "corpora", "bbc"), "*.txt", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Path.Combine(shared, "corpora", "bbc"), f), f => new[] { Path.GetFileName(Path.GetDirectoryName(f)!) });

        string jsonl = Path.Combine(work, "reuters.jsonl"), reutersIndex = Path.Combine(work, "reuters-index");
        ReutersJsonl.Convert(Path.Combine(shared, "corpora", "reuters21578"), jsonl);
        if (!reuse || !Directory.Exists(reutersIndex))
            IndexBuilder.Build(new BuildOptions { Roots = new[] { jsonl }, IndexPath = reutersIndex, Rebuild = true });
        var reutersLabels = File.ReadLines(jsonl).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.TryGetProperty("tags", out var t) ? t.EnumerateArray().Select(x => x.GetString()!).ToArray() : Array.Empty<string>());

        if (sweep == null)
        {
            Console.WriteLine("| collection | seeds | method | P@10 | mean ms per call | articles |");
            Console.WriteLine("|---|--:|---|--:|--:|--:|");
        }
        Measure("BBC sections", bbcIndex, bbcLabels, every: 1, sweep, stage);
        Measure("Reuters-21578 topics", reutersIndex, reutersLabels, every: 5, sweep, stage);
        if (sweep != null)
            ReportSweep(sweep, ["BBC sections", "Reuters-21578 topics"], stage);
        return 0;
    }

    private static void Measure(string name, string index, Dictionary<string, string[]> labels, int every, Dictionary<(string, RelatedOptions), double>? sweep, int stage)
    {
        var seeds = labels.Where(kv => kv.Value.Length > 0).Select(kv => kv.Key).Order(StringComparer.Ordinal).Where((_, i) => i % every == 0).ToList();
        double Precision(string seed, IEnumerable<string> ids) =>
            ids.Take(10).Count(id => labels.TryGetValue(id, out var l) && l.Intersect(labels[seed]).Any()) / 10.0;
        using var dir = IndexStore.OpenDirectory(index);
        using var reader = DirectoryReader.Open(dir);
        var analyzers = new ArticleAnalyzers(IndexStore.ReadSettings(reader, index));
        var ids = new Dictionary<string, int>();
        for (int d = 0; d < reader.MaxDoc; d++)
            ids[reader.Document(d, new HashSet<string> { Schema.Id }).Get(Schema.Id)] = d;
        string n = seeds.Count.ToString("N0", CultureInfo.InvariantCulture), docs = reader.NumDocs.ToString("N0", CultureInfo.InvariantCulture);

        // Each variant of ours with only the seed left out, as for the library's row.
        double Variant(RelatedOptions options)
        {
            var ranked = new IndexSearcher(reader) { Similarity = options.CreateSimilarity() };
            List<string> Top(string seed) => RelatedArticles.Query(reader, analyzers, ids[seed], options) is { } q
                ? ranked.Search(q, 11).ScoreDocs.Where(sd => sd.Doc != ids[seed]).Select(sd => reader.Document(sd.Doc, new HashSet<string> { Schema.Id }).Get(Schema.Id)).ToList()
                : [];
            return seeds.Average(s => Precision(s, Top(s)));
        }
        if (sweep != null)
        {
            foreach (var options in SweepGrid(stage))
                sweep[(name, options)] = Variant(options);
            return;
        }

        // Ours, as `search related` runs it (warm-up first).
        using (var searcher = ArticleSearcher.Open(index))
        {
            foreach (string s in seeds.Take(50)) searcher.Related(s);
            var clock = Stopwatch.StartNew();
            double ours = seeds.Average(s => Precision(s, searcher.Related(s).Hits.Select(h => h.Id)));
            double oursMs = clock.Elapsed.TotalMilliseconds / seeds.Count;

            // The library's MoreLikeThis with its defaults, only the seed left out.
            var plain = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
            List<string> Plain(string seed)
            {
                var mlt = new MoreLikeThis(reader) { Analyzer = analyzers.Stemmed, FieldNames = new[] { Schema.Title, Schema.Body } };
                var top = plain.Search(mlt.Like(ids[seed]), 11);
                return top.ScoreDocs.Where(sd => sd.Doc != ids[seed]).Select(sd => reader.Document(sd.Doc, new HashSet<string> { Schema.Id }).Get(Schema.Id)).ToList();
            }
            foreach (string s in seeds.Take(50)) Plain(s);
            clock.Restart();
            double library = seeds.Average(s => Precision(s, Plain(s)));
            double libraryMs = clock.Elapsed.TotalMilliseconds / seeds.Count;
            Console.WriteLine($"| {name} | {n} | MoreLikeThis, library defaults, seed left out | {library:0.000} | {libraryMs:0.00} | {docs} |");
            Console.WriteLine($"| {name} | {n} | **ours**: `search related` (copies left out, one per story) | {ours:0.000} | {oursMs:0.00} | {docs} |");
        }
        var parts = new (string, RelatedOptions)[]
        {
            ("MoreLikeThis terms, ranked by our BM25", RelatedOptions.Library),
            ("ours without the date factor", RelatedOptions.Default with { DateWeight = 0 }),
            ("ours", RelatedOptions.Default),
        };
        foreach (var (label, options) in parts)
            Console.WriteLine($"| {name} | {n} | {label}, seed left out | {Variant(options):0.000} | | {docs} |");
    }

    /// <summary>The candidates `--sweep` measures on each collection, in four stages (0: all;
    /// `--sweep-stage N`: one): 1, how the seed's words are picked and weighed (how many, boosted by
    /// tf·idf or not, said at least once or twice); 2, unboosted and from one mention, how many words
    /// and how much the places and the date count; 3, the BM25 k1 and b of the related search; 4, how
    /// many words, and whether a word the seed repeats weighs as a repeated query word.</summary>
    public static IEnumerable<RelatedOptions> SweepGrid(int stage = 0)
    {
        var grid = new List<RelatedOptions>();
        if (stage is 0 or 1)
            foreach (int terms in new[] { 25, 50 })
                foreach (bool boosted in new[] { true, false })
                    foreach (int minTf in new[] { 1, 2 })
                        grid.Add(new RelatedOptions(RelatedTerms.RankingProfile, terms, 0, 0, boosted, minTf, SeedTermFrequency: false));
        if (stage is 0 or 2)
            foreach (int terms in new[] { 50, 100 })
                foreach (float place in new[] { 0f, 0.2f })
                    foreach (double date in new[] { 0, 0.5 })
                        grid.Add(new RelatedOptions(RelatedTerms.RankingProfile, terms, place, date, Boosted: false, MinTermFrequency: 1, SeedTermFrequency: false));
        if (stage is 0 or 3)
            foreach (int terms in new[] { 50, 100 })
                foreach (var (k1, b) in new[] { (1.0f, 0.5f), (1.2f, 0.75f) })
                    grid.Add(new RelatedOptions(RelatedTerms.RankingProfile, terms, 0, 0.5, Boosted: false, MinTermFrequency: 1, K1: k1, B: b, SeedTermFrequency: false));
        if (stage is 0 or 4)
            foreach (int terms in new[] { 50, 100 })
                foreach (bool qtf in new[] { false, true })
                    grid.Add(RelatedOptions.Default with { MaxTerms = terms, SeedTermFrequency = qtf });
        return grid.Distinct();
    }

    private static string Describe(RelatedOptions o) =>
        string.Create(CultureInfo.InvariantCulture, $"{o.MaxTerms} words, places {o.PlaceWeight}, date {o.DateWeight}, boosted {o.Boosted}, min tf {o.MinTermFrequency}, k1 {o.K1} b {o.B}{(o.SeedTermFrequency ? ", seed's repeats as query-term frequency (k3 1)" : "")}");

    /// <summary>Each collection reported with the candidate that is best on the other one.</summary>
    private static void ReportSweep(Dictionary<(string, RelatedOptions), double> sweep, string[] names, int stage)
    {
        Console.WriteLine();
        Console.WriteLine("| candidate | " + string.Join(" | ", names) + " |");
        Console.WriteLine("|---|" + string.Concat(names.Select(_ => "--:|")));
        foreach (var o in SweepGrid(stage))
            Console.WriteLine($"| {Describe(o)} | " + string.Join(" | ", names.Select(c => sweep[(c, o)].ToString("0.000", CultureInfo.InvariantCulture))) + " |");
        Console.WriteLine();
        Console.WriteLine("| reported on | chosen on | candidate | P@10 there | P@10 where chosen |");
        Console.WriteLine("|---|---|---|--:|--:|");
        foreach (string held in names)
            foreach (string tune in names.Where(c => c != held))
            {
                var best = SweepGrid(stage).OrderByDescending(o => sweep[(tune, o)]).First();
                Console.WriteLine($"| {held} | {tune} | {Describe(best)} | {sweep[(held, best)]:0.000} | {sweep[(tune, best)]:0.000} |");
            }
    }
}
