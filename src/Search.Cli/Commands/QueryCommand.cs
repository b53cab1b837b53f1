using Search.Cli.Rendering;
using Search.Core;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>`search query QUERY`: one query, printed for people or as JSON for scripts.</summary>
public static class QueryCommand
{
    private static readonly string[] ValueOptions = { "index", "limit", "offset", "sort", "facet", "filter", "facet-limit" };
    private static readonly string[] Flags = { "json", "any", "no-collapse" };

    public static int Run(string[] argv, Output o)
    {
        var args = Args.Parse(argv, ValueOptions, Flags);
        var request = BuildRequest(args, string.Join(' ', args.Positionals));
        using var searcher = ArticleSearcher.Open(IndexLocation.Resolve(args));
        SearchResult result;
        try
        {
            result = searcher.Search(request);
        }
        catch (QuerySyntaxException e) when (args.Has("json"))
        {
            o.Out.WriteLine(JsonRenderer.Error(e.Message, e.Position));
            throw;
        }
        if (args.Has("json"))
            o.Out.WriteLine(JsonRenderer.Result(result));
        else
            new ResultRenderer(o).Results(result);
        return 0;
    }

    public static SearchRequest BuildRequest(Args args, string query) => new()
    {
        Query = query,
        MatchAny = args.Has("any"),
        Collapse = !args.Has("no-collapse"),
        Limit = args.Int("limit", 10, 0, ArticleSearcher.MaxWindow),
        Offset = args.Int("offset", 0, 0, ArticleSearcher.MaxWindow),
        Sort = ParseSort(args.Value("sort") ?? "relevance"),
        Facets = args.Values("facet").SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
        FacetLimit = args.Int("facet-limit", 10, 1, 10_000),
        Filters = ParseFilters(args.Values("filter")),
    };

    public static SortOrder ParseSort(string text) =>
        SearchRequest.TryParseSort(text, out var sort) ? sort : throw new UsageException($"--sort must be relevance, newest or oldest, not '{text}'");

    public static Dictionary<string, IReadOnlyList<string>> ParseFilters(IEnumerable<string> filters)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>();
        foreach (string f in filters)
        {
            var (dim, value) = ParseFilter(f);
            result[dim] = result.TryGetValue(dim, out var list) ? list.Append(value).ToList() : new List<string> { value };
        }
        return result;
    }

    public static (string Dimension, string Value) ParseFilter(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
            throw new SearchException($"a filter is DIMENSION=VALUE (like place=Russia), not '{text}'", 2);
        return (text[..eq].Trim(), text[(eq + 1)..].Trim());
    }
}
