using System.CommandLine;
using Search.Cli.Rendering;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>`search related ID`: articles like one article, its copies left out.</summary>
public static class RelatedCommand
{
    public const string Description = """
        Articles like one article, its copies left out.

        When articles of several files share the id, --file FILE picks one.

        Exit status: 0 ok, 1 no such article, an id several files share, or no index, 2 bad command line.
        """;

    public static Command Create(Output o)
    {
        var limit = SharedOptions.WholeNumber("--limit", "articles to show", 10, 1, 1000);
        var file = SharedOptions.Text("--file", "FILE", "the file the article is from, when several files have an article with that id");
        var index = SharedOptions.Index();
        var json = SharedOptions.Json();
        var command = new Command("related", Description) { limit, file, index, json };
        var id = SharedOptions.ArticleId(command);
        command.SetAction(r =>
        {
            using var searcher = ArticleSearcher.Open(IndexLocation.Resolve(r.GetValue(index)));
            var seed = ShowCommand.Pick(o, searcher, r.GetValue(id)!, r.GetValue(file), r.GetValue(json));
            var result = searcher.Related(seed.Id, r.GetValue(limit), seed.File);
            if (r.GetValue(json))
                o.Out.WriteLine(JsonRenderer.Related(result));
            else
                new ResultRenderer(o).Related(result);
            return 0;
        });
        return command;
    }
}
