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
        try
        {
            foreach (string stemmer in LanguageStemming.Choices)
            {
                string index = Path.Combine(work, stemmer);
                var clock = Stopwatch.StartNew();
                IndexBuilder.Build(new BuildOptions
                {
                    Roots = [Path.Combine(corpora, "multilingual", "de-10kgnad"), Path.Combine(corpora, "multilingual", "ru-factrueval"), Path.Combine(corpora, "bbc")],
                    IndexPath = index,
                    Analysis = AnalysisSettings.Default with { LanguageStemmer = stemmer },
                    Csv = new CsvSettings { Columns = CsvSettings.ParseColumns("section,body"), ColumnsText = "section,body" },
                });
                Console.WriteLine($"## {stemmer} (built in {clock.Elapsed.TotalSeconds:F0} s)");
                using var searcher = ArticleSearcher.Open(index);
                var results = InflectionRecall.Measure(searcher, InflectedNouns.All).ToList();
                foreach (var language in results.GroupBy(r => r.Noun.Language))
                {
                    Console.WriteLine($"{language.Key}: {language.Count()} queries (forms × with/without filter); recall min {language.Min(r => r.Recall):P1}, mean {language.Average(r => r.Recall):P1}; "
                        + $"found in the language/holding max {language.Max(r => r.Ratio):F2}, mean {language.Average(r => r.Ratio):F2}; "
                        + $"{language.Count(r => r.Recall >= 0.95 && r.Ratio <= 2)} of {language.Count()} meet ≥ 95 % and ≤ 2×");
                    foreach (var r in language.Where(r => r.Recall < 0.95 || r.Ratio > 2))
                        Console.WriteLine($"    {r.Form}{(r.Filtered ? " (filtered)" : "")}: {r.FoundOfHolding}/{r.Holding} found, {r.Found} in the language");
                    var elsewhere = language.Where(r => r.FoundElsewhere > 0).Select(r => $"{r.Form} {r.FoundElsewhere}").ToList();
                    Console.WriteLine($"    unfiltered hits in other languages: {(elsewhere.Count == 0 ? "none" : string.Join(", ", elsewhere))}");
                }
            }
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
        return 0;
    }
}
