using System.CommandLine;
using Search.Cli.Rendering;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>`search stats`: what is in the index.</summary>
public static class StatsCommand
{
    public const string Description = """
        What is in the index.

        Articles, the folders it was built from, size, dates, analysis, facet dimensions.

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
            if (r.GetValue(json))
                o.Out.WriteLine(JsonRenderer.Stats(stats));
            else
                new StatsRenderer(o).Print(stats);
            return 0;
        });
        return command;
    }
}
