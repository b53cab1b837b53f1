using System.Diagnostics;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis.Languages;
using Search.Core.Ingest;
using Search.Core.Querying;

namespace Search.Benchmarks.Languages;

/// <summary>
/// Light against Snowball stemmers for German and Russian: the German and Russian sets (and BBC,
/// so the unfiltered queries meet English too) indexed once with each, and every form of
/// <see cref="InflectedNouns"/> queried (<see cref="InflectionRecall"/>).
/// </summary>
public static class LanguageStemmersCommand
{
    public const string Name = "language-stemmers";
    public const string Usage = "language-stemmers [--shared DIR]   light vs Snowball stemmers: recall and over-reach of inflected-form queries (docs/languages.md)";

    public static int Run(string[] args)
    {
        string shared = args.Length == 2 && args[0] == "--shared" ? args[1] : LanguagesBenchCommand.FindShared();
        string corpora = Path.Combine(shared, "corpora");
        string work = Path.Combine(Path.GetTempPath(), "search-language-stemmers-" + Environment.ProcessId);
        var measured = new Dictionary<(string Stemmer, string Language), StemmerScore>();
        try
        {
            foreach (string stemmer in LanguageStemming.Choices)
            {
                string index = Path.Combine(work, stemmer);
                var clock = Stopwatch.StartNew();
                BuildMultilingual(corpora, index, stemmer);
                Console.WriteLine($"## {stemmer} (built in {clock.Elapsed.TotalSeconds:F0} s)");
                using var searcher = ArticleSearcher.Open(index);
                var results = InflectionRecall.Measure(searcher, InflectedNouns.All).ToList();
                foreach (var language in results.GroupBy(r => r.Noun.Language))
                {
                    measured[(stemmer, language.Key)] = StemmerScore.Of(language.ToList());
                    Console.WriteLine($"{language.Key}: {language.Count()} queries (forms × with/without filter); recall min {language.Min(r => r.Recall):P1}, mean {language.Average(r => r.Recall):P1}; "
                        + $"found in the language/holding max {language.Max(r => r.Ratio):F2}, mean {language.Average(r => r.Ratio):F2}; "
                        + $"{language.Count(r => r.Recall >= 0.95 && r.Ratio <= 2)} of {language.Count()} meet ≥ 95 % and ≤ 2×");
                    foreach (var r in language.Where(r => r.Recall < 0.95 || r.Ratio > 2))
                        Console.WriteLine($"    {r.Form}{(r.Filtered ? " (filtered)" : "")}: {r.FoundOfHolding}/{r.Holding} found, {r.Found} in the language");
                    var elsewhere = language.Where(r => r.FoundElsewhere > 0).Select(r => $"{r.Form} {r.FoundElsewhere}").ToList();
                    Console.WriteLine($"    unfiltered hits in other languages: {(elsewhere.Count == 0 ? "none" : string.Join(", ", elsewhere))}");
                    // The bound read over the whole index: every hit, in any language, against the
                    // articles of the noun's language holding a form (docs/languages.md says why it is
                    // not the bound the tests hold).
                    var overIndex = language.Where(r => !r.Filtered && r.IndexRatio > 2).Select(r => $"{r.Form} {r.Found + r.FoundElsewhere}/{r.Holding}").ToList();
                    Console.WriteLine($"    unfiltered, whole index: max {language.Where(r => !r.Filtered).Max(r => r.IndexRatio):F2}; over 2×: {(overIndex.Count == 0 ? "none" : string.Join(", ", overIndex))}");
                }
            }
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
        LeaveOneOut(measured);
        return 0;
    }

    /// <summary>The German, Russian and BBC sets of <paramref name="corpora"/> in one index, the other languages stemmed by <paramref name="stemmer"/>.</summary>
    internal static void BuildMultilingual(string corpora, string index, string stemmer) =>
        IndexBuilder.Build(new BuildOptions
        {
            Roots = [Path.Combine(corpora, "multilingual", "de-10kgnad"), Path.Combine(corpora, "multilingual", "ru-factrueval"), Path.Combine(corpora, "bbc")],
            IndexPath = index,
            Analysis = AnalysisSettings.Default with { LanguageStemmer = stemmer },
            Csv = new CsvSettings { Columns = CsvSettings.ParseColumns("section,body"), ColumnsText = "section,body" },
        });

    /// <summary>The choice made on one language and reported on the other, both ways: the stemmer
    /// that wins on the choosing language (<see cref="StemmerScore.Beats"/>) is the one whose
    /// figures are reported for the held-out language, so no figure comes from the data that chose it.</summary>
    private static void LeaveOneOut(Dictionary<(string Stemmer, string Language), StemmerScore> measured)
    {
        var languages = measured.Keys.Select(k => k.Language).Distinct().Order(StringComparer.Ordinal).ToList();
        Console.WriteLine("## leave one out (choose on one language, report on the other)");
        foreach (string choosing in languages)
        {
            var light = measured[(LanguageStemming.Light, choosing)];
            var snowball = measured[(LanguageStemming.Snowball, choosing)];
            string chosen = light.Beats(snowball) ? LanguageStemming.Light : LanguageStemming.Snowball;
            foreach (string heldOut in languages.Where(l => l != choosing))
                Console.WriteLine($"chosen on {choosing}: {chosen} (light {light}; snowball {snowball}); held out {heldOut} with {chosen}: {measured[(chosen, heldOut)]}");
        }
    }
}

/// <summary>One stemmer's result on one language: queries meeting both bounds, then mean recall,
/// then mean over-reach (lower is better), compared in that order.</summary>
public sealed record StemmerScore(int Meeting, int Queries, double MeanRecall, double MeanRatio)
{
    public static StemmerScore Of(IReadOnlyList<FormResult> results) => new(
        results.Count(r => r.Recall >= 0.95 && r.Ratio <= 2), results.Count,
        results.Average(r => r.Recall), results.Average(r => r.Ratio));

    /// <summary>Whether this result is strictly better than <paramref name="other"/>; a tie keeps
    /// the other (the caller passes Snowball, the default, as the other).</summary>
    public bool Beats(StemmerScore other) =>
        Meeting != other.Meeting ? Meeting > other.Meeting
        : Math.Abs(MeanRecall - other.MeanRecall) > 1e-9 ? MeanRecall > other.MeanRecall
        : MeanRatio < other.MeanRatio - 1e-9;

    public override string ToString() => $"{Meeting} of {Queries} meet, mean recall {MeanRecall:P2}, mean found/holding {MeanRatio:F4}";
}
