using Search.Cli.Commands;
using Search.Cli.Rendering;
using Search.Core;
using Search.Core.Facets;
using Search.Core.Querying;

namespace Search.Cli.Interactive;

/// <summary>
/// The console's state and commands: the last query, its page, order and page size, the filters
/// that stay on across queries, and the `:commands`. One line in, output out; it never throws for
/// bad input, so the console stays open.
/// </summary>
public sealed class ConsoleSession
{
    /// <summary>Dimensions in the compact panel under each result.</summary>
    public static readonly string[] PanelFacets = { "source", "section", "place", "year" };

    private static readonly (string Name, string Help)[] Commands =
    {
        (":help", "this list"),
        (":next / :prev", "next or previous page of the last query"),
        (":show N|ID", "the Nth hit of the last result, or the article with that id"),
        (":sort relevance|newest|oldest", "order of results"),
        (":limit N", "results per page, 0 to 10000 (0: counts and facets only)"),
        (":collapse on|off", "one hit per story with its copies counted (on), or every copy (off)"),
        (":related N|ID", "articles like the Nth hit (or that id), its copies left out"),
        (":facet DIM", "every value of one facet dimension for the last query"),
        (":filter DIM=VALUE", "keep only articles with that value (stays on; values of one dimension are OR'd)"),
        (":unfilter DIM[=VALUE]", "drop filters of a dimension, or one value"),
        (":filters", "the filters that are on"),
        (":stats", "what is in the index"),
        (":quit", "leave (Ctrl-D too)"),
    };

    private readonly ArticleSearcher _searcher;
    private readonly Output _o;
    private readonly ResultRenderer _render;
    private readonly Dictionary<string, IReadOnlyList<string>> _filters = new();
    /// <summary>The last query that parsed: what :next, :facet and :show act on.</summary>
    private string? _query;
    private SearchResult? _last;
    private int _offset;
    private int _limit = 10;
    private SortOrder _sort = SortOrder.Relevance;
    private bool _collapse = true;

    public ConsoleSession(ArticleSearcher searcher, Output output)
    {
        _searcher = searcher;
        _o = output;
        _render = new ResultRenderer(output, ResultRenderer.Context.Console);
    }

    public bool Quit { get; private set; }

    public void Execute(string line)
    {
        line = line.Trim();
        if (line.Length == 0)
            return;
        try
        {
            if (line.StartsWith(':'))
                Command(line);
            else
                NewQuery(line);
        }
        catch (QuerySyntaxException e)
        {
            _o.Error(e.Message);
        }
        catch (SearchException e)
        {
            _o.Error(e.Message);
        }
        catch (UsageException e)
        {
            _o.Error(e.Message);
        }
    }

    /// <summary>Runs a new query; one that fails to parse leaves the last good query (and its
    /// page) in place for the commands that follow, and says so.</summary>
    private void NewQuery(string line)
    {
        string? previous = _query;
        int previousOffset = _offset;
        _query = line;
        _offset = 0;
        try
        {
            Run();
        }
        catch (QuerySyntaxException e)
        {
            _query = previous;
            _offset = previousOffset;
            _o.Error(e.Message);
            if (e.Position > 0 && e.Position <= line.Length + 1)
                _o.Err.WriteLine("        " + line + "\n        " + new string(' ', e.Position - 1) + "^");
            _o.Err.WriteLine(previous == null
                ? "        (no earlier query: :next and :facet wait for one that works)"
                : $"        (:next, :facet and :show still act on the last query that worked: {previous})");
        }
    }

    private void Run(IReadOnlyList<string>? facets = null, int facetLimit = 10, bool fullPanel = false)
    {
        if (_query == null)
        {
            _o.Out.WriteLine("No query yet: type some words (or * for every article).");
            return;
        }
        _searcher.Refresh();
        _last = _searcher.Search(new SearchRequest
        {
            Query = _query,
            Offset = _offset,
            Limit = _limit,
            Sort = _sort,
            Facets = facets ?? PanelFacets,
            FacetLimit = facetLimit,
            Filters = _filters,
            Collapse = _collapse,
        });
        if (fullPanel)
            _render.FacetPanel(_last.Facets, _last.FacetOthers, compact: false);
        else
            _render.Results(_last);
    }

    private void Command(string line)
    {
        int space = line.IndexOf(' ');
        string name = (space < 0 ? line : line[..space]).ToLowerInvariant();
        string arg = space < 0 ? "" : line[(space + 1)..].Trim();
        switch (name)
        {
            case ":help" or ":h" or ":?":
                foreach (var (n, help) in Commands)
                    _o.Out.WriteLine($"  {n,-32} {help}");
                _o.Out.WriteLine("  Anything else is a query: words, \"phrases\", AND OR NOT, field:value, wild*, fuzzy~, published:[2019 TO 2020].");
                break;
            case ":quit" or ":q" or ":exit":
                Quit = true;
                break;
            case ":next" or ":n":
                if (_query == null)
                    _o.Out.WriteLine("No query yet: type some words (or * for every article).");
                else if (_limit == 0)
                    _o.Out.WriteLine("Nothing to page through: :limit is 0.");
                else if (_last != null && _offset + _limit >= _last.Total)
                    _o.Out.WriteLine("Already on the last page.");
                else
                {
                    _offset += _limit;
                    Run();
                }
                break;
            case ":prev" or ":p":
                if (_offset == 0)
                    _o.Out.WriteLine("Already on the first page.");
                else
                {
                    _offset = Math.Max(0, _offset - _limit);
                    Run();
                }
                break;
            case ":show" or ":s":
                Show(arg);
                break;
            case ":sort":
                _sort = QueryCommand.ParseSort(arg.Length == 0 ? "relevance" : arg, ":sort");
                _offset = 0;
                if (_query != null) Run(); else _o.Out.WriteLine($"Sorting by {_sort.ToString().ToLowerInvariant()}.");
                break;
            case ":limit":
                if (!int.TryParse(arg, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int limit) || limit > ArticleSearcher.MaxWindow)
                    throw new UsageException($":limit needs a whole number from 0 to {ArticleSearcher.MaxWindow}, not '{arg}'");
                _limit = limit;
                _offset = 0;
                if (_query != null) Run(); else _o.Out.WriteLine($"{Formats.Count(limit, "result")} per page.");
                break;
            case ":collapse":
                _collapse = arg.ToLowerInvariant() switch
                {
                    "" or "on" => true,
                    "off" => false,
                    _ => throw new UsageException(":collapse takes on or off"),
                };
                _offset = 0;
                if (_query != null) Run(); else _o.Out.WriteLine(_collapse ? "Copies of a story collapse into one hit." : "Every copy is a hit of its own.");
                break;
            case ":related":
                Related(arg);
                break;
            case ":stats":
                _searcher.Refresh();
                StatsCommand.Print(_o, _searcher.Stats());
                break;
            case ":facet" or ":facets":
                string dim = FacetDimensions.Normalize(arg) ?? throw new SearchException(arg.Length == 0
                    ? $":facet needs a dimension: {string.Join(", ", FacetDimensions.All)}"
                    : $"unknown facet '{arg}'; facets are {string.Join(", ", FacetDimensions.All)}");
                if (_query == null)
                    _o.Out.WriteLine("No query yet: counting every article.");
                _query ??= "*";
                Run(new[] { dim }, facetLimit: 1000, fullPanel: true);
                break;
            case ":filter":
                if (arg.Length == 0) { ListFilters(); break; }
                var (fdim, value) = QueryCommand.ParseFilter(arg);
                string d = FacetDimensions.Normalize(fdim) ?? throw new SearchException($"unknown facet '{fdim}'; facets are {string.Join(", ", FacetDimensions.All)}");
                _filters[d] = _filters.TryGetValue(d, out var list) ? list.Append(value).Distinct(StringComparer.OrdinalIgnoreCase).ToList() : new List<string> { value };
                _offset = 0;
                if (_query != null) Run(); else ListFilters();
                break;
            case ":unfilter":
                Unfilter(arg);
                break;
            case ":filters":
                ListFilters();
                break;
            default:
                string? close = Commands.Select(c => c.Name.Split(' ')[0]).FirstOrDefault(c => c.StartsWith(name[..Math.Min(name.Length, 3)], StringComparison.Ordinal));
                _o.Error($"unknown command '{name}'{(close != null ? $"; did you mean {close}?" : "")} (:help lists commands)");
                break;
        }
    }

    private void Show(string arg)
    {
        if (arg.Length == 0)
            throw new UsageException(":show needs a hit number or an article id");
        if (int.TryParse(arg, out int n) && _last != null && n >= 1)
        {
            var hit = _last.Hits.FirstOrDefault(h => h.Rank == n);
            if (hit == null && _query != null && n <= _last.Total)
                hit = _searcher.Search(new SearchRequest { Query = _query, Offset = n - 1, Limit = 1, Sort = _sort, Filters = _filters, Collapse = _collapse, Snippets = false, Suggest = false }).Hits.FirstOrDefault();
            if (hit != null && _searcher.Get(hit.Id) is { } found)
            {
                ShowArticle(found);
                return;
            }
        }
        var article = _searcher.Get(arg) ?? throw new SearchException(_last == null || !int.TryParse(arg, out _)
            ? $"no article with id '{arg}'"
            : $"no hit {arg}: the last result has {Formats.Count(_last.Total, "hit")}");
        ShowArticle(article);
    }

    /// <summary>The article with the last query's matches highlighted.</summary>
    private void ShowArticle(Core.Ingest.Article article)
    {
        if (_query == null)
        {
            _render.Article(article);
            return;
        }
        var (title, body) = _searcher.Highlighted(article, _query);
        _render.Article(article, title, body);
    }

    private void Related(string arg)
    {
        if (arg.Length == 0)
            throw new UsageException(":related needs a hit number or an article id");
        string id = int.TryParse(arg, out int n) && _last?.Hits.FirstOrDefault(h => h.Rank == n) is { } hit ? hit.Id : arg;
        _searcher.Refresh();
        _render.Related(_searcher.Related(id, _limit));
    }

    private void Unfilter(string arg)
    {
        if (arg.Length == 0)
            _filters.Clear();
        else
        {
            int eq = arg.IndexOf('=');
            string dim = FacetDimensions.Normalize(eq < 0 ? arg : arg[..eq]) ?? throw new SearchException($"unknown facet '{arg}'");
            if (eq < 0)
                _filters.Remove(dim);
            else if (_filters.TryGetValue(dim, out var values))
            {
                string value = arg[(eq + 1)..].Trim();
                var left = values.Where(v => !string.Equals(v, value, StringComparison.OrdinalIgnoreCase)).ToList();
                if (left.Count == 0) _filters.Remove(dim); else _filters[dim] = left;
            }
        }
        _offset = 0;
        if (_query != null) Run(); else ListFilters();
    }

    private void ListFilters()
    {
        if (_filters.Count == 0)
            _o.Out.WriteLine("No filters.");
        foreach (var (dim, values) in _filters)
            _o.Out.WriteLine($"  {dim} = {string.Join(" OR ", values)}");
    }
}
