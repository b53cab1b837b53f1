using Search.Cli.Rendering;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>`search duplicates`: the stories the index holds more than once, with their copies.</summary>
public static class DuplicatesCommand
{
    public static int Run(string[] argv, Output o)
    {
        var args = Args.Parse(argv, new[] { "index", "limit" }, new[] { "json" });
        if (args.Positionals.Count != 0)
            throw new UsageException($"duplicates takes no words (got '{args.Positionals[0]}')");
        int limit = args.Int("limit", 20, 1, int.MaxValue);
        using var searcher = ArticleSearcher.Open(IndexLocation.Resolve(args));
        var clusters = searcher.Duplicates();
        if (args.Has("json"))
            o.Out.WriteLine(JsonRenderer.Duplicates(clusters));
        else
            new ResultRenderer(o).Duplicates(clusters, limit);
        return 0;
    }
}
