using System.Globalization;
using System.Text;

namespace Search.Benchmarks.Speed;

/// <summary>
/// The query side's profile, on the indexes of a query corpus the speed benchmark left
/// (<c>WORK/indexes/news-20000-jsonl</c>: its <c>ours</c> and <c>lucene</c>), as Markdown:
/// <c>speed query-stages FOLDER [N]</c>, where a query's time goes (<see cref="QueryStages"/>);
/// <c>speed console FOLDER [N] [--cli PATH]</c>, the console end to end against a bare plain
/// Lucene.Net search (<see cref="ConsoleBench"/>; by default the CLI built in Release beside the sources).
/// </summary>
public static class QueryProfileReport
{
    public static int Stages(string[] args)
    {
        string folder = args[0];
        int iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var timings = ChildProcess.Run<List<QueryStageTiming>>("query-stages", Path.Combine(folder, "ours"), Path.Combine(folder, "lucene"), iterations.ToString(CultureInfo.InvariantCulture));
        Console.Out.Write(StagesMarkdown(timings, iterations));
        return 0;
    }

    public static int ConsoleEndToEnd(string[] args)
    {
        string folder = args[0];
        int queries = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        int cliAt = Array.IndexOf(args, "--cli");
        string cli = cliAt >= 0 && cliAt + 1 < args.Length ? args[cliAt + 1]
            : Path.Combine(RepoPaths.Root, "src", "Search.Cli", "bin", "Release", "net10.0", "search.dll");
        if (!File.Exists(cli))
            throw new InvalidOperationException($"no CLI at {cli}: build it with `dotnet build src/Search.Cli -c Release`, or give --cli PATH");
        var timings = ConsoleBench.Run(cli, Path.Combine(folder, "ours"), Path.Combine(folder, "lucene"), queries);
        Console.Out.Write(ConsoleMarkdown(timings));
        return 0;
    }

    public static string StagesMarkdown(IReadOnlyList<QueryStageTiming> timings, int iterations)
    {
        var types = timings.Select(t => t.Type).Distinct().ToList();
        var stages = timings.Select(t => t.Stage).Distinct().ToList();
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Thread CPU ms, p50 of {iterations} interleaved samples.").AppendLine();
        md.AppendLine("| stage | " + string.Join(" | ", types) + " |");
        md.AppendLine("|---|" + string.Concat(types.Select(_ => "--:|")));
        foreach (string stage in stages)
            md.AppendLine($"| {stage} | " + string.Join(" | ", types.Select(t =>
                Ms(timings.First(x => x.Type == t && x.Stage == stage).P50Ms))) + " |");
        md.AppendLine().AppendLine("KB allocated on the thread, p50 of the same samples.").AppendLine();
        md.AppendLine("| stage | " + string.Join(" | ", types) + " |");
        md.AppendLine("|---|" + string.Concat(types.Select(_ => "--:|")));
        foreach (string stage in stages)
            md.AppendLine($"| {stage} | " + string.Join(" | ", types.Select(t =>
                timings.First(x => x.Type == t && x.Stage == stage).P50Kb.ToString("0.0", CultureInfo.InvariantCulture))) + " |");
        return md.ToString();
    }

    public static string ConsoleMarkdown(IReadOnlyList<ConsoleTiming> timings)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Per query, ms: (2N − N queries) ÷ N with N = {(timings.Count > 0 ? timings[0].Queries : 0)}, median of {ConsoleBench.Rounds} rounds; Lucene: warm p50 in this process, timed in each round between the console's two runs; each ratio is the median of the rounds' ratios.").AppendLine();
        md.AppendLine("| query type | query | console wall | console CPU | Lucene plain wall | Lucene plain CPU | ÷ Lucene (wall) | ÷ Lucene (CPU) |");
        md.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|");
        foreach (var t in timings)
            md.AppendLine($"| {t.Type} | `{t.Query}` | {Ms(t.WallMs)} | {Ms(t.CpuMs)} | {Ms(t.LuceneWallMs)} | {Ms(t.LuceneCpuMs)} | {t.WallRatio.ToString("0.0", CultureInfo.InvariantCulture)}× | {t.CpuRatio.ToString("0.0", CultureInfo.InvariantCulture)}× |");
        return md.ToString();
    }

    private static string Ms(double ms) => ms.ToString("0.00", CultureInfo.InvariantCulture);
}
