using Search.Cli.Rendering;
using Search.Core;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>`search show ID [--file FILE]`: the whole article with all its metadata.</summary>
public static class ShowCommand
{
    public static int Run(string[] argv, Output o)
    {
        var args = Args.Parse(argv, new[] { "index", "file" }, new[] { "json" });
        if (args.Positionals.Count != 1)
            throw new UsageException("show needs exactly one article id");
        string id = args.Positionals[0];
        using var searcher = ArticleSearcher.Open(IndexLocation.Resolve(args));
        var all = searcher.GetAll(id);
        if (args.Value("file") is { } file)
            all = all.Where(a => a.File == file || a.FullPath == Path.GetFullPath(file)).ToList();
        if (all.Count == 0)
            throw new SearchException(args.Value("file") is { } f ? $"no article with id '{id}' in {f}" : $"no article with id '{id}'");
        if (all.Count > 1)
            throw new SearchException($"{all.Count} articles have the id '{id}', from {string.Join(", ", all.Select(a => a.File))}; add --file FILE to pick one");
        if (args.Has("json"))
            o.Out.WriteLine(JsonRenderer.Article(all[0]));
        else
            new ResultRenderer(o).Article(all[0]);
        return 0;
    }
}
