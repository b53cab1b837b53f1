using Search.Cli.Rendering;
using Search.Core;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>`search show ID`: the whole article with all its metadata.</summary>
public static class ShowCommand
{
    public static int Run(string[] argv, Output o)
    {
        var args = Args.Parse(argv, new[] { "index" }, new[] { "json" });
        if (args.Positionals.Count != 1)
            throw new UsageException("show needs exactly one article id");
        using var searcher = ArticleSearcher.Open(IndexLocation.Resolve(args));
        var article = searcher.Get(args.Positionals[0]) ?? throw new SearchException($"no article with id '{args.Positionals[0]}'");
        if (args.Has("json"))
            o.Out.WriteLine(JsonRenderer.Article(article));
        else
            new ResultRenderer(o).Article(article);
        return 0;
    }
}
