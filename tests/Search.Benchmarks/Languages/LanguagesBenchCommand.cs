using System.Diagnostics;
using System.Globalization;
using Search.Core.Enrich.Languages;

namespace Search.Benchmarks.Languages;

/// <summary>
/// Language detection on the labelled sets (<see cref="LabelledTexts"/>): accuracy per set and
/// time per article of the detector as the index uses it (sample + shortcuts + Lingua's verdict,
/// worked out by TrigramVerdict where it can) against Lingua alone on the same sample (high and low
/// accuracy, and low accuracy through Lingua's own code) and on the whole text. Also counts the
/// texts on which TrigramVerdict and Lingua's own code disagree (none is the bar).
/// </summary>
public static class LanguagesBenchCommand
{
    public const string Name = "languages";
    public const string Usage = "languages [--shared DIR]   language detection accuracy and speed on the labelled sets (docs/languages.md)";

    public static int Run(string[] args)
    {
        string shared = args.Length == 2 && args[0] == "--shared" ? args[1] : FindShared();
        string corpora = Path.Combine(shared, "corpora");
        var texts = LabelledTexts.All(corpora).ToList();
        Console.WriteLine($"{texts.Count} labelled texts: " + string.Join(", ", texts.GroupBy(t => t.Set).Select(g => $"{g.Key} {g.Count()}")));

        var high = new LanguageDetector(lowAccuracy: false);
        var low = new LanguageDetector(lowAccuracy: true);
        // Warm up: models load on first use, which is not what a long build pays per article.
        foreach (var d in new[] { high, low })
            foreach (var t in texts.Take(50).Concat(texts.TakeLast(50)).Concat(texts.Where(t => t.Language == "ru").Take(20)))
            {
                d.Detect(t.Title, t.Body);
                d.ByLingua(LanguageDetector.Sample(t.Title, t.Body));
            }

        var variants = new (string Name, Func<LabelledText, string> Detect)[]
        {
            ("index (sample, shortcuts, Lingua high)", t => high.Detect(t.Title, t.Body)),
            ("index (sample, shortcuts, Lingua low)", t => low.Detect(t.Title, t.Body)),
            ("Lingua high, sample only", t => high.ByLingua(LanguageDetector.Sample(t.Title, t.Body))),
            ("Lingua low, sample only", t => low.ByLingua(LanguageDetector.Sample(t.Title, t.Body))),
            ("Lingua low, sample only, Lingua's own code", t => low.ByLinguaItself(LanguageDetector.Sample(t.Title, t.Body))),
            ("Lingua high, whole text", t => high.ByLingua(t.Title + "\n" + t.Body)),
        };
        Console.WriteLine("| detector | " + string.Join(" | ", texts.Select(t => t.Set).Distinct()) + " | ms/article (en) | ms/article (all) |");
        Console.WriteLine("|---|" + string.Concat(texts.Select(t => t.Set).Distinct().Select(_ => "---|")) + "---|---|");
        foreach (var (name, detect) in variants)
        {
            var wrong = new List<string>();
            var perSet = new Dictionary<string, (int Right, int All)>();
            double enMs = 0, allMs = 0;
            int enCount = 0;
            foreach (var t in texts)
            {
                var clock = Stopwatch.StartNew();
                string got = detect(t);
                double ms = clock.Elapsed.TotalMilliseconds;
                allMs += ms;
                if (t.Language == "en") { enMs += ms; enCount++; }
                var (right, all) = perSet.GetValueOrDefault(t.Set);
                perSet[t.Set] = (right + (got == t.Language ? 1 : 0), all + 1);
                if (got != t.Language && wrong.Count < 8)
                    wrong.Add($"{t.Set}:{t.Language}->{got} \"{Excerpt(t)}\"");
            }
            Console.WriteLine($"| {name} | " + string.Join(" | ", perSet.Select(kv => $"{kv.Value.Right}/{kv.Value.All} ({100.0 * kv.Value.Right / kv.Value.All:F1} %)"))
                + $" | {(enMs / enCount).ToString("F3", CultureInfo.InvariantCulture)} | {(allMs / texts.Count).ToString("F3", CultureInfo.InvariantCulture)} |");
            foreach (string w in wrong)
                Console.WriteLine("    wrong: " + w);
        }
        var samples = texts.Select(t => LanguageDetector.Sample(t.Title, t.Body)).ToList();
        int differ = samples.Count(s => low.ByLingua(s) != low.ByLinguaItself(s));
        Console.WriteLine($"Lingua's verdict worked out by TrigramVerdict differs from Lingua's own code's on {differ} of {samples.Count} samples.");
        Console.WriteLine($"English-words share of the sample, by set (min / median): " + string.Join("; ", texts.GroupBy(t => t.Set).Select(g =>
        {
            var shares = g.Select(t => EnglishWords.Share(LanguageDetector.Sample(t.Title, t.Body))).Order().ToList();
            return $"{g.Key} {shares[0]:F3} / {shares[shares.Count / 2]:F3} / max {shares[^1]:F3}";
        })));
        return 0;
    }

    private static string Excerpt(LabelledText t)
    {
        string s = (t.Title.Length > 0 ? t.Title : t.Body).ReplaceLineEndings(" ");
        return s.Length > 60 ? s[..60] : s;
    }

    /// <summary>The <c>../shared</c> the tests use (<see cref="SharedCorpus"/>: SEARCH_SHARED, else
    /// the first shared/corpora above the program).</summary>
    internal static string FindShared() =>
        SharedCorpus.Root ?? throw new DirectoryNotFoundException("no shared/corpora above the program; pass --shared DIR");
}
