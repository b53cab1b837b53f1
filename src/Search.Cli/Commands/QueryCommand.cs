using Search.Cli.Rendering;
using Search.Core;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>`search query QUERY`: one query, printed for people or as JSON for scripts.</summary>
public static class QueryCommand
{
    private static readonly string[] ValueOptions = { "index", "limit", "offset", "sort", "facet", "filter", "facet-limit" };
    private static readonly string[] Flags = { "json", "any", "expand", "help", "no-collapse", "all", "jsonl" };

    public const string Help = """
        usage: search query QUERY [--limit N] [--offset N] [--sort relevance|newest|oldest]
                                  [--facet DIM]... [--filter DIM=VALUE]... [--facet-limit N]
                                  [--any [--expand]] [--no-collapse] [--json | --all --jsonl] [--index DIR]

        Runs one query and prints the results (exit 0, even with none; 2 for a query that cannot be parsed).

          QUERY              words (all required), "exact phrases", OR / AND / NOT, field:value, wildcards,
                             fuzzy~, ranges: see README, Query language
          --limit N          results per page (default 10); --offset N skips the first N
          --sort ORDER       relevance (default), newest or oldest
          --facet DIM        count a facet dimension (source, author, section, tags, year, month, place, links)
          --filter DIM=VALUE keep only articles with that value (repeatable)
          --facet-limit N    values per facet (default 10)
          --any              plain keywords of which any may match, best first (for long questions)
          --expand           with --any: add words that characterise the best hits and search again
                             (RM3 pseudo-relevance feedback; a second search)
          --no-collapse      show every copy of a story (by default one hit per story, copies counted)
          --json             results as JSON
          --all --jsonl      every hit in order, one JSON object a line (no depth limit; one line per
                             article, copies not collapsed; --limit, --offset and --facet do not apply)
          --index DIR        the index (default: $SEARCH_INDEX, else ./index)
        """;

    public static int Run(string[] argv, Output o)
    {
        var args = Args.Parse(argv, ValueOptions, Flags);
        if (args.Has("help"))
        {
            o.Out.Write(Help);
            return 0;
        }
        if (args.Has("expand") && !args.Has("any"))
            throw new UsageException("--expand works with --any (keyword queries)");
        if (args.Has("all") != args.Has("jsonl"))
            throw new UsageException(args.Has("all") ? "--all writes JSON lines: add --jsonl" : "--jsonl goes with --all (every hit); for one page use --json");
        var request = BuildRequest(args, string.Join(' ', args.Positionals));
        using var searcher = ArticleSearcher.Open(IndexLocation.Resolve(args));
        if (Core.Indexing.IndexStatus.Read(searcher.IndexPath).Notice is { } notice)
            o.Err.WriteLine("search: note: " + notice);
        if (args.Has("all"))
        {
            foreach (var hit in searcher.SearchAll(request))
                o.Out.WriteLine(JsonRenderer.HitLine(hit));
            return 0;
        }
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
        Expand = args.Has("expand"),
        Collapse = !args.Has("no-collapse"),
        Limit = args.Int("limit", 10, 0, ArticleSearcher.MaxWindow),
        Offset = args.Int("offset", 0, 0),
        Sort = ParseSort(args.Value("sort") ?? "relevance"),
        Facets = args.Values("facet").SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
        FacetLimit = args.Int("facet-limit", 10, 1, 10_000),
        Filters = ParseFilters(args.Values("filter")),
    };

    /// <summary>The order named by <paramref name="text"/>; an error that names <paramref name="option"/>
    /// (`--sort` on the command line, `:sort` in the console) otherwise.</summary>
    public static SortOrder ParseSort(string text, string option = "--sort") =>
        SearchRequest.TryParseSort(text, out var sort) ? sort : throw new UsageException($"{option} must be relevance, newest or oldest, not '{text}'");

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
