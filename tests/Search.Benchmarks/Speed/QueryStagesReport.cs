using System.Globalization;
using System.Text;

namespace Search.Benchmarks.Speed;

/// <summary><c>speed query-stages QUERY-INDEXES [N]</c>: where a query's time goes (see
/// <see cref="QueryStages"/>) on the indexes of a query corpus the speed benchmark left
/// (<c>WORK/indexes/news-20000-jsonl</c>: its <c>ours</c> and <c>lucene</c>), as a Markdown table
/// with one column per query type.</summary>
public static class QueryStagesReport
{
    public static int Print(string[] args)
    {
        string folder = args[0];
        int iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var timings = ChildProcess.Run<List<QueryStageTiming>>("query-stages", Path.Combine(folder, "ours"), Path.Combine(folder, "lucene"), iterations.ToString(CultureInfo.InvariantCulture));
        Console.Out.Write(Markdown(timings, iterations));
        return 0;
    }

    public static string Markdown(IReadOnlyList<QueryStageTiming> timings, int iterations)
    {
        var types = timings.Select(t => t.Type).Distinct().ToList();
        var stages = timings.Select(t => t.Stage).Distinct().ToList();
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"p50 of {iterations} interleaved samples, ms.").AppendLine();
        md.AppendLine("| stage | " + string.Join(" | ", types) + " |");
        md.AppendLine("|---|" + string.Concat(types.Select(_ => "--:|")));
        foreach (string stage in stages)
            md.AppendLine($"| {stage} | " + string.Join(" | ", types.Select(t =>
                timings.First(x => x.Type == t && x.Stage == stage).P50Ms.ToString("0.00", CultureInfo.InvariantCulture))) + " |");
        return md.ToString();
    }
}
