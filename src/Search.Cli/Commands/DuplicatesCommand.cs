using System.CommandLine;
using Search.Cli.Rendering;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>`search duplicates`: the stories the index holds more than once, with their copies.</summary>
public static class DuplicatesCommand
{
    public const string Description = """
        Stories the index holds more than once, with their copies.

        Largest groups first; each lists its articles, the earliest printed first.

        Exit status: 0 ok, 1 no index, 2 bad command line.
        """;

    public static Command Create(Output o)
    {
        var limit = SharedOptions.WholeNumber("--limit", "stories to list", 20, 1);
        var index = SharedOptions.Index();
        var json = SharedOptions.Json("every story as JSON (--limit does not apply)");
        var command = new Command("duplicates", Description) { limit, index, json };
        command.SetAction(r =>
        {
            using var searcher = ArticleSearcher.Open(IndexLocation.Resolve(r.GetValue(index)));
            var clusters = searcher.Duplicates();
            if (r.GetValue(json))
                o.Out.WriteLine(JsonRenderer.Duplicates(clusters));
            else
                new ResultRenderer(o).Duplicates(clusters, r.GetValue(limit));
            return 0;
        });
        return command;
    }
}
