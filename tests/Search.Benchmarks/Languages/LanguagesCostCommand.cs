using System.Globalization;
using Search.Benchmarks.Speed;
using Search.Core.Enrich.Languages;
using Search.Core.Querying;

namespace Search.Benchmarks.Languages;

/// <summary>
/// What languages cost an English build, same code both ways: the 20k English corpora of the speed
/// benchmark built as shipped (each article's language detected, its analyser chosen by it, the
/// <c>language</c> facet written) and with the language step off (<see cref="LanguageStep.Off"/>:
/// no detection, no language field, every article analysed by the writer's English analyser, the
/// path before languages), in interleaved rounds, each build in its own child process from an empty
/// folder. Also times detection alone, stage by stage, on the same articles. docs/languages.md.
/// </summary>
public static class LanguagesCostCommand
{
    public const string Name = "languages-cost";
    public const string Usage = "languages-cost [--rounds 4 (0: detection profile only)] [--threads 0] [--docs 20000] [--work DIR] [--shared DIR] [--checkpoints] [--write-profile]   what languages cost an English build (A/B, docs/languages.md)";

    private const string Shipped = "as shipped";
    private const string Off = "language step off";

    public static int Run(string[] args)
    {
        int rounds = 4, threads = 0, docs = 20000;
        string work = Path.Combine(Path.GetTempPath(), "search-bench");
        string? shared = null;
        bool checkpoints = false, writeProfile = false;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--rounds": rounds = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--docs": docs = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--work": work = Path.GetFullPath(Value()); break;
                case "--shared": shared = Value(); break;
                case "--checkpoints": checkpoints = true; break;
                case "--write-profile": writeProfile = true; break;
                default: Console.Error.WriteLine("usage: " + Usage); return 2;
            }
        }
        // A checkpoint every 10 s of wall time: on a loaded machine the slower build of a pair makes
        // more of them, which would add load noise to the difference measured here.
        if (!checkpoints && Environment.GetEnvironmentVariable("SPEED_COMMIT_SECONDS") == null)
            Environment.SetEnvironmentVariable("SPEED_COMMIT_SECONDS", "600");

        var maker = new CorpusMaker(work, CorpusMaker.FindShared(shared));
        var corpora = new[] { maker.Synthetic(docs, CorpusFormat.Jsonl), maker.Synthetic(docs, CorpusFormat.Txt) };

        DetectionProfile(corpora[0]);
        if (writeProfile)
            LanguageWriteProfile.Run(corpora[0], Path.Combine(work, "languages-cost", "write-profile"));
        if (rounds == 0)
            return 0;

        string folder = Path.Combine(work, "languages-cost");
        var runs = new List<(Corpus Corpus, int Round, string Arm, IndexChildResult Result)>();
        for (int round = 1; round <= rounds; round++)
            foreach (var corpus in corpora)
            {
                // ABBA: the arm that goes first alternates, so a drift in load falls on both.
                string[] order = round % 2 == 1 ? [Shipped, Off] : [Off, Shipped];
                foreach (string arm in order)
                {
                    string output = Path.Combine(folder, arm == Shipped ? "shipped" : "off");
                    string child = arm == Shipped ? "index-ours" : "index-ours-languages-off";
                    var result = ChildProcess.Run<IndexChildResult>(child, ChildProcess.FormatArg(corpus.Format), corpus.Root, output,
                        threads.ToString(CultureInfo.InvariantCulture));
                    Log.Step($"{corpus.Label} round {round} {arm}: {result.Seconds:F2} s wall, {result.CpuSeconds:F2} s CPU, {result.Articles} articles, load {Load()}");
                    runs.Add((corpus, round, arm, result));
                    if (round == rounds)
                        Console.WriteLine($"{corpus.Label}, {arm}: language facet {Languages(output)}");
                }
            }

        Console.WriteLine();
        Console.WriteLine($"threads {(threads == 0 ? "one per core" : threads)} ({Environment.ProcessorCount} cores), {rounds} rounds, checkpoints {(checkpoints ? "every 10 s" : "off")}");
        Console.WriteLine("| corpus | pairs | wall s, shipped | wall s, off | shipped ÷ off, wall | CPU s, shipped | CPU s, off | shipped ÷ off, CPU | CPU ratio per pair (min / median / max) |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|---|");
        foreach (var corpus in corpora)
        {
            var mine = runs.Where(r => r.Corpus == corpus).ToList();
            double Sum(string arm, Func<IndexChildResult, double> f) => mine.Where(r => r.Arm == arm).Sum(r => f(r.Result));
            var pairRatios = mine.GroupBy(r => r.Round)
                .Select(g => g.Single(r => r.Arm == Shipped).Result.CpuSeconds / g.Single(r => r.Arm == Off).Result.CpuSeconds).Order().ToList();
            double wallOn = Sum(Shipped, r => r.Seconds), wallOff = Sum(Off, r => r.Seconds);
            double cpuOn = Sum(Shipped, r => r.CpuSeconds), cpuOff = Sum(Off, r => r.CpuSeconds);
            Console.WriteLine($"| {corpus.Label} | {pairRatios.Count} | {wallOn:F2} | {wallOff:F2} | {wallOn / wallOff:F3} | {cpuOn:F2} | {cpuOff:F2} | {cpuOn / cpuOff:F3} | "
                + $"{pairRatios[0]:F3} / {pairRatios[pairRatios.Count / 2]:F3} / {pairRatios[^1]:F3} |");
        }
        return 0;
    }

    /// <summary>The child side of the "off" arm: the same build as <see cref="OursIndexer"/> with the language step off.</summary>
    public static IndexChildResult IndexWithoutLanguages(string corpus, string output, int threads)
    {
        LanguageStep.Off = true;
        return OursIndexer.Index(corpus, output, threads);
    }

    /// <summary>Detection alone on the corpus's articles, one thread: each stage timed over all of
    /// them, and how many each stage settles (the rest go to Lingua).</summary>
    private static void DetectionProfile(Corpus corpus)
    {
        var articles = CorpusText.Read(corpus).Select(a => (a.Title, a.Body)).ToList();
        var detector = LanguageDetector.Default;
        foreach (var (title, body) in articles.Take(500))
            detector.Detect(title, body);
        var samples = articles.Select(a => LanguageDetector.Sample(a.Title, a.Body)).ToList();
        var scripts = samples.Select(ScriptCounts.Of).ToList();
        double cpuBefore = Environment.CpuUsage.TotalTime.TotalSeconds;

        var stages = new List<(string Stage, double Microseconds)>();
        // This thread's CPU time, least of three runs after a warm-up: the machine is shared.
        void Time(string stage, Action run)
        {
            run();
            double best = double.MaxValue;
            for (int i = 0; i < 3; i++)
            {
                double start = ThreadCpu.NowMs();
                run();
                best = Math.Min(best, ThreadCpu.NowMs() - start);
            }
            stages.Add((stage, best * 1000 / articles.Count));
        }
        Time("sample (title + first 1,200 characters)", () => { foreach (var (t, b) in articles) LanguageDetector.Sample(t, b); });
        Time("script counts", () => { foreach (string s in samples) ScriptCounts.Of(s); });
        Time("English function-word share", () => { for (int i = 0; i < samples.Count; i++) if (scripts[i].MostlyLatin) EnglishWords.Share(samples[i]); });
        // The share as it was counted before it was written out (one iterator step per word).
        int englishWords = 0;
        Time("  the same, word by word through WordSpans.Of (before)", () =>
        {
            englishWords = 0;
            for (int i = 0; i < samples.Count; i++)
            {
                string sample = samples[i];
                if (scripts[i].MostlyLatin)
                    englishWords += WordSpans.Of(sample).Count(w => w.Length <= 5 && EnglishWords.Contains(sample.AsSpan(w.Start, w.Length)));
            }
        });
        Time("English stop words against other Latin languages' (all articles)", () => { foreach (string s in samples) OtherLatinStopWords.EnglishLeads(s, EnglishShortcut.EnglishAmongLatin); });
        Time("Detect, whole (as the build calls it)", () => { foreach (var (t, b) in articles) detector.Detect(t, b); });

        int settledByShare = 0, settledByLeads = 0, lingua = 0;
        var languages = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < samples.Count; i++)
        {
            double share = scripts[i].MostlyLatin ? EnglishWords.Share(samples[i]) : 0;
            bool byShare = share >= EnglishShortcut.EnglishShare || (share >= EnglishShortcut.PlainEnglishShare && scripts[i].PlainLatin);
            if (byShare) settledByShare++;
            else if (LanguageDetector.WithoutModel(samples[i]) == null) lingua++;
            else settledByLeads++;
            string got = detector.Detect(articles[i].Title, articles[i].Body);
            languages[got] = languages.GetValueOrDefault(got) + 1;
        }
        Console.WriteLine($"Detection alone on {corpus.Label}, {articles.Count:N0} articles, one thread (µs of thread CPU per article, least of 3 runs):");
        foreach (var (stage, us) in stages)
            Console.WriteLine($"  {stage,-68} {us,8:F1}");
        Console.WriteLine($"  settled by the function-word share: {settledByShare:N0}; by the other checks without the model (English stop words leading, script, too short): {settledByLeads:N0}; by Lingua: {lingua:N0}");
        Console.WriteLine($"  detected: {string.Join(", ", languages.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value:N0}"))}");
        Console.WriteLine($"  English function words in the samples: {englishWords:N0}");
        Console.WriteLine($"  (profile CPU {Environment.CpuUsage.TotalTime.TotalSeconds - cpuBefore:F1} s)");
        Console.WriteLine();
    }

    private static string Languages(string index)
    {
        using var searcher = ArticleSearcher.Open(index);
        var top = searcher.Stats(topValues: 10).Dimensions.GetValueOrDefault("language")?.Top ?? [];
        return top.Count == 0 ? "empty (no article has a language)" : string.Join(", ", top.Select(v => $"{v.Value} {v.Count:N0}"));
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
