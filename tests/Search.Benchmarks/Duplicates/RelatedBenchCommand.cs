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
    public const string Usage = "related [--shared DIR] [--work DIR]   related-articles P@10 on BBC sections and Reuters topics";

    public static int Run(string[] args)
    {
        string shared = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared"));
        string work = "/tmp/search-related-bench";
        bool reuse = false;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--shared": shared = Value(); break;
                case "--work": work = Value(); break;
                case "--reuse": reuse = true; break;
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

        Console.WriteLine("| collection | seeds | method | P@10 | mean ms per call | articles |");
        Console.WriteLine("|---|--:|---|--:|--:|--:|");
        Measure("BBC sections", bbcIndex, bbcLabels, every: 1);
        Measure("Reuters-21578 topics", reutersIndex, reutersLabels, every: 5);
        return 0;
    }

    private static void Measure(string name, string index, Dictionary<string, string[]> labels, int every)
    {
        var seeds = labels.Where(kv => kv.Value.Length > 0).Select(kv => kv.Key).Order(StringComparer.Ordinal).Where((_, i) => i % every == 0).ToList();
        using var searcher = ArticleSearcher.Open(index);
        double Precision(string seed, IEnumerable<string> ids) =>
            ids.Take(10).Count(id => labels.TryGetValue(id, out var l) && l.Intersect(labels[seed]).Any()) / 10.0;

        // Ours, as `search related` runs it (warm-up first).
        foreach (string s in seeds.Take(50)) searcher.Related(s);
        var clock = Stopwatch.StartNew();
        double ours = seeds.Average(s => Precision(s, searcher.Related(s).Hits.Select(h => h.Id)));
        double oursMs = clock.Elapsed.TotalMilliseconds / seeds.Count;

        // The library's MoreLikeThis with its defaults, only the seed left out.
        using var dir = IndexStore.OpenDirectory(index);
        using var reader = DirectoryReader.Open(dir);
        var plain = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var analyzers = new ArticleAnalyzers(IndexStore.ReadSettings(reader, index));
        var ids = new Dictionary<string, int>();
        for (int d = 0; d < reader.MaxDoc; d++)
            ids[reader.Document(d, new HashSet<string> { Schema.Id }).Get(Schema.Id)] = d;
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
        string n = seeds.Count.ToString("N0", CultureInfo.InvariantCulture), docs = reader.NumDocs.ToString("N0", CultureInfo.InvariantCulture);
        Console.WriteLine($"| {name} | {n} | MoreLikeThis, library defaults, seed left out | {library:0.000} | {libraryMs:0.00} | {docs} |");
        Console.WriteLine($"| {name} | {n} | **ours**: `search related` (copies left out, one per story) | {ours:0.000} | {oursMs:0.00} | {docs} |");
        // What each part of ours adds, each with only the seed left out as for the library's row.
        var ranked = new IndexSearcher(reader) { Similarity = RankingSettings.Default.CreateSimilarity() };
        foreach (var (label, options) in new (string, RelatedOptions)[]
        {
            ("MoreLikeThis terms in the ranking field", new RelatedOptions(true, 0, 0)),
            ("MoreLikeThis + places", new RelatedOptions(false, RelatedOptions.Default.PlaceWeight, 0)),
            ("MoreLikeThis + dates", new RelatedOptions(false, 0, RelatedOptions.Default.DateWeight)),
            ("MoreLikeThis + places + dates (ours)", RelatedOptions.Default),
        })
        {
            List<string> Variant(string seed) => RelatedArticles.Query(reader, analyzers, ids[seed], options) is { } q
                ? ranked.Search(q, 11).ScoreDocs.Where(sd => sd.Doc != ids[seed]).Select(sd => reader.Document(sd.Doc, new HashSet<string> { Schema.Id }).Get(Schema.Id)).ToList()
                : [];
            double p = seeds.Average(s => Precision(s, Variant(s)));
            Console.WriteLine($"| {name} | {n} | {label}, seed left out | {p:0.000} | | {docs} |");
        }
    }
}
