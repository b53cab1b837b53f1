using System.CommandLine;
using Search.Cli.Rendering;
using Search.Core.Indexing.Maintenance;

namespace Search.Cli.Commands;

/// <summary>`search check [--fix]`: finds damage in an index and, with --fix, repairs it.</summary>
public static class CheckCommand
{
    public const string Description = """
        Find damage in the index; --fix repairs it.

        Looks for damage (Lucene's CheckIndex: every segment opened, checksums verified) and says
        how many articles a repair would drop. --fix goes back to the previous commit point or
        drops the damaged segments; the next `search index` reads every file again and restores
        what was dropped. The damaged commit file is kept aside, never deleted.

        Exit status: 0 healthy or repaired, 1 damaged, 3 a build is writing the index (check again when it ends).
        """;

    public static Command Create(Output o)
    {
        var fix = SharedOptions.Flag("--fix", "repair: back to the previous commit point, or drop the damaged segments");
        var index = SharedOptions.Index();
        var json = SharedOptions.Json();
        var command = new Command("check", Description) { fix, index, json };
        command.SetAction(r => Run(o, IndexLocation.Resolve(r.GetValue(index)), r.GetValue(fix), r.GetValue(json)));
        return command;
    }

    private static int Run(Output o, string index, bool fix, bool json)
    {
        var report = IndexCheck.Run(index, fix);
        if (json)
            o.Out.WriteLine(JsonRenderer.Check(index, report, fix));
        else
        {
            o.Out.WriteLine(report.Healthy ? $"{index}: no damage found ({Formats.Count(report.Articles, "article")})" : $"{index}: damaged");
            foreach (string finding in report.Findings)
                o.Out.WriteLine("  " + finding);
            if (!report.Healthy)
                o.Out.WriteLine((fix ? "Repair: " : report.Fixable ? "`search check --fix` would " : "") + report.Fix);
        }
        // 0: healthy, or repaired; 1: damaged (not repaired, or cannot be).
        return report.Healthy || (fix && report.Fixable) ? 0 : 1;
    }
}
