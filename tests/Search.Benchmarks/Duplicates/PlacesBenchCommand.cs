using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Search.Benchmarks.Speed;
using Search.Core.Enrich.Places;
using Search.Tests.Support;

namespace Search.Benchmarks.Duplicates;

/// <summary>
/// `places`: precision and recall of the place recognizer against Reuters-21578's own PLACES labels.
/// Protocol: every document with at least one PLACES code; codes mapped to labels by
/// ReutersPlaceLabels (tests/Search.Core.Tests/Enrich/Places); scored on the 30 labels most common
/// in the gold data only (gold and predicted both restricted to them); the engine gets the TITLE
/// and BODY and never the DATELINE element; micro-averaged over documents. With --with-dateline, the
/// dateline is pasted before the body (how README's old figures were measured), for comparison.
/// </summary>
public static partial class PlacesBenchCommand
{
    public const string Name = "places";
    public const string Usage = "places [--shared DIR] [--with-dateline] [--sweep] [--half even|odd]   place precision/recall on Reuters-21578 PLACES (30 most common countries)";

    public static int Run(string[] args)
    {
        string shared = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared"));
        bool withDateline = false, sweep = false;
        string? half = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--shared" when i + 1 < args.Length: shared = args[++i]; break;
                case "--with-dateline": withDateline = true; break;
                case "--sweep": sweep = true; break;
                case "--half" when i + 1 < args.Length && args[i + 1] is "even" or "odd": half = args[++i]; break;
                default: Console.Error.WriteLine("usage: " + Usage); return 2;
            }
        }
        // --half: the documents in even or odd positions (file order), so settings can be chosen on
        // one half and reported on the other.
        var docs = Read(Path.Combine(shared, "corpora", "reuters21578"))
            .Where((_, i) => half == null || (i % 2 == 0) == (half == "even")).ToList();
        var gold = docs.Select(d => d.Places.Select(ReutersPlaceLabels.Label).OfType<string>().ToHashSet()).ToList();
        var top30 = gold.SelectMany(g => g).GroupBy(l => l).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(30).Select(g => g.Key).ToHashSet();
        if (sweep)
            return Sweep(docs, gold, top30, withDateline);
        FacetRows(docs, gold, top30, withDateline);
        var (tp, fp, fn, scored) = Score(PlaceRecognizer.Default, docs, gold, top30, withDateline, out var fps, out var fns);
        Console.WriteLine("The recognizer alone (title and body in, countries out), restricted to the 30 countries:");
        Console.WriteLine();
        double precision = tp / (double)Math.Max(1, tp + fp), recall = tp / (double)Math.Max(1, tp + fn);
        Console.WriteLine($"Reuters-21578 PLACES, {scored:N0} documents with a place{(half != null ? $" ({half} half)" : "")}, 30 most common countries, dateline {(withDateline ? "pasted before the body" : "not given")}:");
        Console.WriteLine();
        Console.WriteLine("| precision | recall | F1 | true pos. | false pos. | false neg. |");
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {precision:0.000} | {recall:0.000} | {2 * precision * recall / Math.Max(1e-9, precision + recall):0.000} | {tp} | {fp} | {fn} |"));
        Console.Error.WriteLine("false positives: " + string.Join(", ", fps.OrderByDescending(kv => kv.Value).Take(15).Select(kv => $"{kv.Key} {kv.Value}")));
        Console.Error.WriteLine("false negatives: " + string.Join(", ", fns.OrderByDescending(kv => kv.Value).Take(15).Select(kv => $"{kv.Key} {kv.Value}")));
        return 0;
    }

    /// <summary>The precision/recall trade-off of the recognizer's relevance settings (moved here from
    /// the tests, where a sweep could not fail): what the defaults were chosen from.</summary>
    private static int Sweep(List<Doc> docs, List<HashSet<string>> gold, HashSet<string> top30, bool withDateline)
    {
        var d = PlaceRecognizerOptions.Default;
        var settings = new List<(string Name, PlaceRecognizerOptions Options)>
        {
            ("defaults", d),
            ("any mention", d with { MinBodyMentions = 1, NamedOnceMaxCountries = 0 }),
            ("title only", d with { MinBodyMentions = int.MaxValue, EarlyWords = 0, NamedOnceMaxCountries = 0 }),
            ("defaults, envoys counted", d with { DiscountEnvoys = false }),
        };
        foreach (int named in new[] { 0, 2, 3 })
            foreach (int min in new[] { 2, 3, 4, 6 })
                foreach (int early in new[] { 0, 10, 25 })
                    settings.Add(($"body>={min} · first<{early} · once-named<={named}", d with { MinBodyMentions = min, EarlyWords = early, NamedOnceMaxCountries = named }));
        Console.WriteLine("| settings | precision | recall | F1 | P, every value | R, every label | P, labels among 30, every value |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|");
        foreach (var (name, options) in settings)
        {
            var recognizer = PlaceRecognizer.Default.WithOptions(options);
            var (tp, fp, fn, _) = Score(recognizer, docs, gold, top30, withDateline, out _, out _);
            double p = tp / (double)Math.Max(1, tp + fp), r = tp / (double)Math.Max(1, tp + fn);
            int atp = 0, afp = 0, afn = 0, ptp = 0, pfp = 0;
            for (int i = 0; i < docs.Count; i++)
            {
                if (gold[i].Count == 0)
                    continue;
                var predicted = recognizer.Recognize(docs[i].Title, docs[i].Body).ToHashSet();
                atp += predicted.Count(gold[i].Contains); afp += predicted.Count(x => !gold[i].Contains(x)); afn += gold[i].Count(x => !predicted.Contains(x));
                ptp += predicted.Count(x => top30.Contains(x) && gold[i].Contains(x)); pfp += predicted.Count(x => !(top30.Contains(x) && gold[i].Contains(x)));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {p:0.000} | {r:0.000} | {2 * p * r / Math.Max(1e-9, p + r):0.000} | {atp / (double)Math.Max(1, atp + afp):0.000} | {atp / (double)Math.Max(1, atp + afn):0.000} | {ptp / (double)Math.Max(1, ptp + pfp):0.000} |"));
        }
        return 0;
    }

    private static (int Tp, int Fp, int Fn, int Scored) Score(PlaceRecognizer recognizer, List<Doc> docs, List<HashSet<string>> gold, HashSet<string> top30, bool withDateline,
        out Dictionary<string, int> fps, out Dictionary<string, int> fns)
    {
        int tp = 0, fp = 0, fn = 0, scored = 0;
        fps = new Dictionary<string, int>();
        fns = new Dictionary<string, int>();
        for (int i = 0; i < docs.Count; i++)
        {
            var g = gold[i].Where(top30.Contains).ToHashSet();
            if (gold[i].Count == 0)
                continue;
            scored++;
            string body = withDateline && docs[i].Dateline.Length > 0 ? docs[i].Dateline + " " + docs[i].Body : docs[i].Body;
            var predicted = recognizer.Recognize(docs[i].Title, body).Where(top30.Contains).ToHashSet();
            foreach (string p in predicted)
                if (g.Contains(p)) tp++;
                else { fp++; fps[p] = fps.GetValueOrDefault(p) + 1; }
            foreach (string x in g)
                if (!predicted.Contains(x)) { fn++; fns[x] = fns.GetValueOrDefault(x) + 1; }
        }
        return (tp, fp, fn, scored);
    }

    /// <summary>The place facet as users see it: each article goes through the indexer's enrichment
    /// (<see cref="Search.Core.Enrich.ArticleEnricher"/>, which adds the recognizer's countries to
    /// the places an input states: none here) and its <c>places</c> values, the facet's values, are
    /// scored against every label of the article: all values, and the values among the 30 countries.</summary>
    private static void FacetRows(List<Doc> docs, List<HashSet<string>> gold, HashSet<string> top30, bool withDateline)
    {
        var file = new Search.Core.Ingest.SourceFile("/reuters/reut2.sgm", "reut2.sgm", "/reuters");
        var facet = new List<HashSet<string>>(docs.Count);
        foreach (Doc d in docs)
        {
            var article = new Search.Core.Ingest.Article
            {
                Title = d.Title,
                Body = withDateline && d.Dateline.Length > 0 ? d.Dateline + " " + d.Body : d.Body,
            };
            Search.Core.Enrich.ArticleEnricher.Enrich(article, file);
            facet.Add(article.Places.ToHashSet(StringComparer.OrdinalIgnoreCase));
        }
        Console.WriteLine("The place facet's values (indexer enrichment), against the article's labels:");
        Console.WriteLine();
        Console.WriteLine("| values counted | articles | precision | recall | F1 | true pos. | false pos. | false neg. |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var (goldIn30, valuesIn30, name) in new[] { (true, true, "the 30 most common countries"), (false, false, "every value and label"), (true, false, "labels among the 30, every value") })
        {
            int tp = 0, fp = 0, fn = 0, scored = 0;
            for (int i = 0; i < docs.Count; i++)
            {
                if (gold[i].Count == 0)
                    continue;
                scored++;
                var g = gold[i].Where(x => !goldIn30 || top30.Contains(x)).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var p = facet[i].Where(x => !valuesIn30 || top30.Contains(x)).ToHashSet(StringComparer.OrdinalIgnoreCase);
                tp += p.Count(g.Contains);
                fp += p.Count(x => !g.Contains(x));
                fn += g.Count(x => !p.Contains(x));
            }
            double precision = tp / (double)Math.Max(1, tp + fp), recall = tp / (double)Math.Max(1, tp + fn);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {scored:N0} | {precision:0.000} | {recall:0.000} | {2 * precision * recall / Math.Max(1e-9, precision + recall):0.000} | {tp} | {fp} | {fn} |"));
        }
        Console.WriteLine();
    }

    private sealed record Doc(string Title, string Dateline, string Body, List<string> Places);

    private static IEnumerable<Doc> Read(string folder)
    {
        foreach (string file in Directory.GetFiles(folder, "reut2-*.sgm").Order(StringComparer.Ordinal))
            foreach (Match m in Document().Matches(File.ReadAllText(file, Encoding.Latin1)))
            {
                string d = m.Value;
                yield return new Doc(Text(d, "TITLE"), Text(d, "DATELINE"), Text(d, "BODY"),
                    Element("PLACES").Match(d) is { Success: true } p ? DValue().Matches(p.Groups[1].Value).Select(x => x.Groups[1].Value).ToList() : new List<string>());
            }
    }

    private static string Text(string doc, string element) =>
        Element(element).Match(doc) is { Success: true } m ? WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "&#\\d+;", " ")).Trim() : "";

    private static Regex Element(string name) => new($"<{name}[^>]*>(.*?)</{name}>", RegexOptions.Singleline);

    [GeneratedRegex("<REUTERS[^>]*>.*?</REUTERS>", RegexOptions.Singleline)]
    private static partial Regex Document();

    [GeneratedRegex("<D>(.*?)</D>", RegexOptions.Singleline)]
    private static partial Regex DValue();
}
