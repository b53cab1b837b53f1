using Search.Cli.Rendering;
using Search.Core.Indexing.Maintenance;

namespace Search.Cli.Commands;

/// <summary>`search check [--fix]`: finds damage in an index and, with --fix, repairs it.</summary>
public static class CheckCommand
{
    public static int Run(string[] argv, Output o)
    {
        var args = Args.Parse(argv, new[] { "index" }, new[] { "fix", "json" });
        if (args.Positionals.Count > 0)
            throw new UsageException("check takes no words (it checks the index given by --index)");
        string index = IndexLocation.Resolve(args);
        var report = IndexCheck.Run(index, args.Has("fix"));
        if (args.Has("json"))
            o.Out.WriteLine(JsonRenderer.Check(index, report, args.Has("fix")));
        else
        {
            o.Out.WriteLine(report.Healthy ? $"{index}: no damage found ({Formats.N(report.Articles)} articles)" : $"{index}: damaged");
            foreach (string finding in report.Findings)
                o.Out.WriteLine("  " + finding);
            if (!report.Healthy)
                o.Out.WriteLine((args.Has("fix") ? "Repair: " : report.Fixable ? "`search check --fix` would " : "") + report.Fix);
        }
        // 0: healthy, or repaired; 1: damaged (not repaired, or cannot be).
        return report.Healthy || (args.Has("fix") && report.Fixable) ? 0 : 1;
    }
}
