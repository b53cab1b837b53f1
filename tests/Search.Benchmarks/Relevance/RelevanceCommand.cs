using System.Diagnostics;
using System.Globalization;
using System.Text;
using Search.Core.Evaluation;

namespace Search.Benchmarks.Relevance;

/// <summary>
/// <c>relevance [--source DIR] [--work DIR] [--out FILE] [--quick]</c>: on the five collections, in
/// one run, measures the two peers (<see cref="LucenePeer"/>, <see cref="XapianPeer"/>) and our
/// ranking, chosen leave-one-collection-out from <see cref="RankingVariant.Grid"/>; writes the report
/// to <c>tests/Search.Benchmarks/Relevance/RESULTS.md</c> (or --out). See docs/relevance.md.
/// </summary>
public static class RelevanceCommand
{
    public const string Name = "relevance";
    public const string Usage = "relevance [--source DIR] [--work DIR] [--out FILE] [--quick]   ours (leave-one-collection-out) vs. Lucene.Net and Xapian BM25 on five collections";
    private const int Depth = 100;

    public static int Run(string[] args)
    {
        string? source = null, work = null, output = null;
        bool quick = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--source" when i + 1 < args.Length: source = args[++i]; break;
                case "--work" when i + 1 < args.Length: work = args[++i]; break;
                case "--out" when i + 1 < args.Length: output = args[++i]; break;
                case "--quick": quick = true; break;
                default:
                    Console.Error.WriteLine($"{Name}: unexpected argument '{args[i]}'\nusage: {Usage}");
                    return 2;
            }
        }
        source ??= RelevanceDataCommand.FindSharedRelevance();
        if (source == null || !Directory.Exists(source))
        {
            Console.Error.WriteLine($"{Name}: no relevance corpora found; pass --source DIR (the folder holding time/, cran/, adi/, lisa/, npl/)");
            return 1;
        }
        output ??= DefaultResultsPath();
        bool temporary = work == null;
        work ??= Path.Combine(Path.GetTempPath(), "search-relevance-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var clock = Stopwatch.StartNew();
        try
        {
            string? xapianProblem = XapianPeer.Prepare();
            if (xapianProblem != null)
            {
                Console.Error.WriteLine($"{Name}: the Xapian peer cannot run: {xapianProblem}");
                return 1;
            }
            var runs = RelevanceDataCommand.Collections
                .Select(c => new RelevanceRun(c.Load(Path.Combine(source, c.Folder)), work))
                .ToList();
            var grid = quick ? new[] { RankingVariant.Default } : RankingVariant.Grid().Prepend(RankingVariant.Default).Distinct().ToArray();
            var report = RelevanceReport.Measure(runs, grid, Depth, Console.Error);
            string text = report.Render();
            Console.WriteLine(text);
            if (output != null)
            {
                File.WriteAllText(output, text, new UTF8Encoding(false));
                Console.WriteLine($"written to {output}");
            }
            Console.Error.WriteLine($"{Name}: {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }
        catch (Exception e) when (e is EvaluationFormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{Name}: {e.Message}");
            return 1;
        }
        finally
        {
            if (temporary && Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>tests/Search.Benchmarks/Relevance/RESULTS.md of the checkout we run in, if we can find it.</summary>
    private static string? DefaultResultsPath()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                string folder = Path.Combine(dir.FullName, "tests", "Search.Benchmarks", "Relevance");
                if (File.Exists(Path.Combine(dir.FullName, "Search.sln")) && Directory.Exists(folder))
                    return Path.Combine(folder, "RESULTS.md");
            }
        return null;
    }
}
