using System.CommandLine;
using Search.Cli.Rendering;
using Search.Core;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>`search show ID [--file FILE]`: the whole article with all its metadata.</summary>
public static class ShowCommand
{
    public const string Description = """
        One article with all its metadata.

        Its file's path, its body wrapped to the terminal and paged. When articles of several files
        share the id, --file FILE picks one.

        Exit status: 0 ok, 1 no such article, an id several files share, or no index, 2 bad command line.
        """;

    public static Command Create(Output o)
    {
        var file = SharedOptions.Text("--file", "FILE", "the file the article is from, when several files have an article with that id");
        var index = SharedOptions.Index();
        var json = SharedOptions.Json();
        var command = new Command("show", Description) { file, index, json };
        var id = SharedOptions.ArticleId(command);
        command.SetAction(r => Run(o, r.GetValue(id)!, r.GetValue(file), IndexLocation.Resolve(r.GetValue(index)), r.GetValue(json)));
        return command;
    }

    private static int Run(Output o, string id, string? file, string index, bool json)
    {
        using var searcher = ArticleSearcher.Open(index);
        var article = Pick(o, searcher, id, file, json);
        if (json)
            o.Out.WriteLine(JsonRenderer.Article(article));
        else
            new ResultRenderer(o).Article(article);
        return 0;
    }

    /// <summary><see cref="Pick(ArticleSearcher, string, string?)"/>, whose error is also an
    /// <c>{"error"}</c> object on stdout with <paramref name="json"/>, as `query --json` says a bad
    /// query: a script piping `show ID --json` into a JSON reader got nothing to read.</summary>
    public static Core.Ingest.Article Pick(Output o, ArticleSearcher searcher, string id, string? file, bool json)
    {
        try
        {
            return Pick(searcher, id, file);
        }
        catch (SearchException e) when (json)
        {
            o.Out.WriteLine(JsonRenderer.Error(e.Message, 0));
            throw;
        }
    }

    /// <summary>The one article with <paramref name="id"/> (from <paramref name="file"/>, as written
    /// or as a path, when given), for `show` and `related`; an error when there is none, or when
    /// several files share the id and no file picks one.</summary>
    public static Core.Ingest.Article Pick(ArticleSearcher searcher, string id, string? file)
    {
        var all = searcher.GetAll(id);
        if (file != null)
            all = all.Where(a => a.File == file || a.FullPath == Path.GetFullPath(file)).ToList();
        if (all.Count == 0)
            throw new SearchException(file != null ? $"no article with id '{id}' in {file}" : $"no article with id '{id}'");
        if (all.Count > 1)
        {
            var files = Core.Indexing.Writing.IdCollisions.Names(all.Select(a => (a.File, a.FullPath ?? a.File)).ToList());
            throw new SearchException($"{all.Count} articles have the id '{id}', from {string.Join(", ", files)}; add --file FILE to pick one");
        }
        return all[0];
    }
}
