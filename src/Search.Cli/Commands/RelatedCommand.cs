using Search.Cli.Rendering;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>`search related ID`: articles like one article, its copies left out.</summary>
public static class RelatedCommand
{
    public static int Run(string[] argv, Output o)
    {
        var args = Args.Parse(argv, new[] { "index", "limit" }, new[] { "json" });
        if (args.Positionals.Count != 1)
            throw new UsageException("related needs exactly one article id");
        int limit = args.Int("limit", 10, 1, 1000);
        using var searcher = ArticleSearcher.Open(IndexLocation.Resolve(args));
        var result = searcher.Related(args.Positionals[0], limit);
        if (args.Has("json"))
            o.Out.WriteLine(JsonRenderer.Related(result));
        else
            new ResultRenderer(o).Related(result);
        return 0;
    }
}
