using Search.Core.Indexing.Analysis.Languages;
using Search.Core.Querying;

namespace Search.Benchmarks.Languages;

/// <summary>
/// Issue 23's two-times bound read over the whole index (German, Russian and BBC in one index,
/// Snowball): each unfiltered form of <see cref="InflectedNouns"/> counted both ways (the articles
/// of the noun's language holding a form, as the tests hold it; and the articles of any language
/// holding a form in any case), and, for the forms that are words of two languages as typed, what
/// two query-side rules would do: search the form stemmed only in its "home" language (the one where
/// the typed form is most frequent, relatively or absolutely) and as the exact typed word in the
/// others. docs/languages.md.
/// </summary>
public static class LanguagesWholeIndexCommand
{
    public const string Name = "languages-whole-index";
    public const string Usage = "languages-whole-index [--shared DIR]   the inflection bound over the whole multilingual index, and query-side rules for words of two languages (docs/languages.md)";

    public static int Run(string[] args)
    {
        string shared = args.Length == 2 && args[0] == "--shared" ? args[1] : LanguagesBenchCommand.FindShared();
        string corpora = Path.Combine(shared, "corpora");
        string work = Path.Combine(Path.GetTempPath(), "search-languages-whole-index-" + Environment.ProcessId);
        try
        {
            LanguageStemmersCommand.BuildMultilingual(corpora, work, LanguageStemming.Snowball);
            using var searcher = ArticleSearcher.Open(work);
            var results = InflectionRecall.Measure(searcher, InflectedNouns.All).Where(r => !r.Filtered).ToList();
            Protocols(results);
            Rules(searcher, results);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
        return 0;
    }

    private static bool Meets(double recall, double ratio) => recall >= 0.95 && ratio <= 2;

    private static void Protocols(List<FormResult> results)
    {
        Console.WriteLine("## Unfiltered forms, both readings of \"the articles that contain any form of it\"");
        Console.WriteLine("| form | holding, its language | found there | found in all | found ÷ holding, its language | all found ÷ holding, its language | holding, whole index, any case | recall, whole index | all found ÷ holding, whole index | holding, every noun written so | recall, every noun | all found ÷ holding, every noun |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var r in results.Where(r => r.FoundElsewhere > 0 || r.HoldingInIndex != r.Holding || r.HoldingOfNouns != r.Holding))
            Console.WriteLine($"| {r.Form} ({r.Noun.Language}) | {r.Holding} | {r.Found} | {r.Found + r.FoundElsewhere} | {r.Ratio:F2} | {r.IndexRatio:F2} | {r.HoldingInIndex} | {r.RecallInIndex:P1} | {r.RatioInIndex:F2} | {r.HoldingOfNouns} | {r.RecallOfNouns:P1} | {r.RatioOfNouns:F2} |");
        foreach (var language in results.GroupBy(r => r.Noun.Language))
            Console.WriteLine($"{language.Key}: {language.Count()} unfiltered forms; meeting both bounds: in its language {language.Count(r => Meets(r.Recall, r.Ratio))}, "
                + $"all hits against its language's holders {language.Count(r => Meets(r.Recall, r.IndexRatio))}, "
                + $"whole index any case {language.Count(r => Meets(r.RecallInIndex, r.RatioInIndex))}, "
                + $"every noun written so {language.Count(r => Meets(r.RecallOfNouns, r.RatioOfNouns))}; "
                + $"max all found ÷ holding: its language {language.Max(r => r.IndexRatio):F2}, whole index {language.Max(r => r.RatioInIndex):F2}, every noun {language.Max(r => r.RatioOfNouns):F2}; "
                + $"least recall, every noun {language.Min(r => r.RecallOfNouns):P1}");
        Console.WriteLine();
    }

    /// <summary>For each form the articles of more than one language hold as typed: per language, the
    /// articles holding it as typed (a one-word phrase: the exact word) and the articles the query
    /// finds there now (stemmed); then each rule's result.</summary>
    private static void Rules(ArticleSearcher searcher, List<FormResult> results)
    {
        var languages = searcher.Languages().ToList();
        var sizes = languages.ToDictionary(l => l, l => InflectionRecall.Hits(searcher, $"language:{l}", null).Count);
        var holdersOf = new IndexTexts(searcher);
        Console.WriteLine("## Words of two languages: search the form stemmed in its home language only, exact elsewhere");
        Console.WriteLine("home by share = the language whose articles hold the typed form most often relative to their number; home by count = by number");
        Console.WriteLine("| form | exact word, by language | stemmed hits now, by language | home by share | home by count | rule | recall, its language | found there ÷ holding | all found ÷ holding, its language | all found ÷ holding, whole index | hits lost in the other language |");
        Console.WriteLine("|---|---|---|---|---|---|--:|--:|--:|--:|---|");
        foreach (var r in results)
        {
            var exact = languages.ToDictionary(l => l, l => InflectionRecall.Hits(searcher, $"\"{r.Form}\"", l));
            if (exact.Count(kv => kv.Value.Count > 0) < 2)
                continue;
            var stemmed = languages.ToDictionary(l => l, l => InflectionRecall.Hits(searcher, r.Form, l));
            string byShare = languages.MaxBy(l => (double)exact[l].Count / sizes[l])!;
            string byCount = languages.MaxBy(l => exact[l].Count)!;
            var set = holdersOf.Of(r.Noun.Language);
            var holding = InflectedNouns.Holding(r.Noun, set.Texts).Select(i => set.Ids[i]).ToHashSet(StringComparer.Ordinal);
            string PerLanguage(Dictionary<string, HashSet<string>> d) => string.Join(", ", languages.Where(l => d[l].Count > 0).Select(l => $"{l} {d[l].Count}"));
            foreach (var (rule, home) in new[] { ("now: stemmed in every language", (string?)null), ("home by share", byShare), ("home by count", byCount) })
            {
                var inLanguage = home == null || home == r.Noun.Language ? stemmed[r.Noun.Language] : exact[r.Noun.Language];
                int all = languages.Sum(l => (home == null || home == l ? stemmed[l] : exact[l]).Count);
                var lost = languages.Where(l => home != null && l != home && stemmed[l].Count > exact[l].Count).Select(l => $"{l} {stemmed[l].Count - exact[l].Count}");
                Console.WriteLine($"| {r.Form} ({r.Noun.Language}) | {PerLanguage(exact)} | {PerLanguage(stemmed)} | {byShare} | {byCount} | {rule} | "
                    + $"{(double)inLanguage.Count(holding.Contains) / holding.Count:P1} | {(double)inLanguage.Count / holding.Count:F2} | {(double)all / holding.Count:F2} | {(double)all / r.HoldingInIndex:F2} | {string.Join(", ", lost)} |");
            }
        }
    }
}
