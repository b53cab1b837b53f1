using System.CommandLine;
using Search.Cli.Rendering;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>`search stats`: what is in the index.</summary>
public static class StatsCommand
{
    public const string Description = """
        What is in the index.

        Articles, the folders it was built from, size, dates, analysis, facet dimensions, whether a
        build is running, and every skipped file and bad record the index is missing.

        Exit status: 0 ok, 1 no index.
        """;

    public static Command Create(Output o)
    {
        var index = SharedOptions.Index();
        var json = SharedOptions.Json();
        var command = new Command("stats", Description) { index, json };
        command.SetAction(r =>
        {
            using var searcher = ArticleSearcher.Open(IndexLocation.Resolve(r.GetValue(index)));
            var stats = searcher.Stats();
            var status = IndexStatus.Read(searcher.IndexPath);
            if (r.GetValue(json))
                o.Out.WriteLine(JsonRenderer.Stats(stats, status));
            else
            {
                new StatsRenderer(o).Print(stats);
                if (status.Notice is { } notice)
                    TextWrap.WriteHanging(o.Out, o.Bold("build") + "      ", 11, notice, o.Width);
                IndexCommand.PrintProblems(o, status.Problems.Select(p => p.ToSkipped()).ToList(), "`search stats --json` lists them all");
            }
            return 0;
        });
        return command;
    }
}
