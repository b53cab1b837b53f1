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

    /// <summary>The panel of an index of several languages also counts them.</summary>
    private static readonly string[] PanelFacetsWithLanguage = [.. PanelFacets, "language"];

    /// <summary>How `:show` and `:related` read their argument, stated in `:help`.</summary>
    public const string HitRule = "#N is hit N of the last result; anything else is an article id (a bare number that is no article's id is taken as hit N, and the console says so).";

    /// <summary>The console's commands: name, aliases, arguments, help and handler, in the order
    /// `:help` lists them. `:help` and the dispatch both read this table.</summary>
    public IReadOnlyList<ConsoleVerb> Verbs { get; }

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
        Verbs = new ConsoleVerb[]
        {
            new(":help", [":h", ":?"], "[:COMMAND]", "this list, or one command's help", Help),
            new(":next", [":n"], "", "next page of the last query", _ => Next()),
            new(":prev", [":p"], "", "previous page of the last query", _ => Previous()),
            new(":show", [":s"], "#N|ID", "hit N of the last result (#N), or the article with that id, whole, with the query's matches marked", Show),
            new(":related", [], "#N|ID", "articles like hit N (#N) or like the article with that id, its copies left out", Related),
            new(":sort", [], string.Join('|', RequestText.SortNames), "order of results (default relevance)", Sort),
            new(":limit", [], "N", $"results per page, 0 to {ArticleSearcher.MaxWindow} (0: counts and facets only)", Limit),
            new(":collapse", [], "on|off", "one hit per story with its copies counted (on), or every copy (off)", Collapse),
            new(":facet", [":facets"], "DIM", "every value of one facet dimension for the last query", Facet),
            new(":filter", [], "DIM=VALUE", "keep only articles with that value (stays on; values of one dimension are OR'd)", Filter),
            new(":unfilter", [], "[DIM[=VALUE]]", "drop every filter, those of a dimension, or one value", Unfilter),
            new(":filters", [], "", "the filters that are on", _ => ListFilters()),
            new(":stats", [], "", "what is in the index", _ => { _searcher.Refresh(); new StatsRenderer(_o).Print(_searcher.Stats()); }),
            new(":quit", [":q", ":exit"], "", "leave (Ctrl-D too)", _ => Quit = true),
        };
    }

    public bool Quit { get; private set; }

    public void Execute(string line)
    {
        // A script saved with a byte-order mark (Notepad, Windows PowerShell's Out-File) starts
        // with U+FEFF, which is not white space: its first line would be a query for "\uFEFF:limit".
        line = line.Trim().TrimStart('\uFEFF').Trim();
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
        catch (IOException e) when (!Core.Indexing.Writing.DiskFull.Is(e))
        {
            // The index folder deleted or moved under the console (its open files still answer):
            // one command fails, the console stays.
            _o.Error($"cannot read the index at {_searcher.IndexPath}: {e.Message}");
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
            // The position counts characters as seen; the pointer, the line's UTF-16 units.
            int at = e.Position > 0 ? QueryPositions.Utf16(line, e.Position) : 0;
            if (at > 0 && at <= line.Length + 1)
            {
                // Control characters as visible marks, one for one: the caret stays under its character.
                var (query, caret) = QueryPointer.Lines(TerminalText.Name(line), at, _o.ErrorWidth);
                _o.Err.WriteLine(query);
                _o.Err.WriteLine(caret);
            }
            TextWrap.WriteHanging(_o.Err, "        ", 8, previous == null
                ? "(no earlier query: :next and :facet wait for one that works)"
                : $"(:next, :facet and :show still act on the last query that worked: {previous})", _o.ErrorWidth);
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
            Facets = facets ?? (_searcher.Languages().Count > 1 ? PanelFacetsWithLanguage : PanelFacets),
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
        if (Find(name) is { } verb)
        {
            verb.Run(arg);
            return;
        }
        string? close = Verbs.Select(v => v.Name).FirstOrDefault(v => v.StartsWith(name[..Math.Min(name.Length, 3)], StringComparison.Ordinal));
        _o.Error($"unknown command '{name}'{(close != null ? $"; did you mean {close}?" : "")} (:help lists commands)");
    }

    private ConsoleVerb? Find(string name) => Verbs.FirstOrDefault(v => v.Name == name || v.Aliases.Contains(name));

    /// <summary>`:help`: the table of commands, wrapped to the terminal; `:help :show`: one command.</summary>
    private void Help(string arg)
    {
        int width = _o.Width;
        if (arg.Length > 0)
        {
            string asked = arg.StartsWith(':') ? arg.ToLowerInvariant() : ":" + arg.ToLowerInvariant();
            var verb = Find(asked) ?? throw new UsageException($"no console command '{arg}'; :help lists them");
            Columns.Write(_o.Out, new[] { (verb.Usage, verb.Help) }, width);
            if (verb.Name is ":show" or ":related")
                Paragraph(HitRule, width);
            return;
        }
        Columns.Write(_o.Out, Verbs.Select(v => (v.Usage, v.Help)).ToList(), width);
        _o.Out.WriteLine();
        Paragraph(HitRule, width);
        Paragraph("Anything else is a query: words, \"phrases\", AND OR NOT, -word, field:value, wild*, fuzzy~, published:[2019 TO 2020].", width);
    }

    private void Paragraph(string text, int width)
    {
        foreach (string line in TextWrap.Wrap(text, width, 0))
            _o.Out.WriteLine(line);
    }

    private void Next()
    {
        if (_query == null)
            _o.Out.WriteLine("No query yet: type some words (or * for every article).");
        else if (_limit == 0)
            _o.Out.WriteLine("Nothing to page through: :limit is 0.");
        else if (_last != null && _offset + _limit >= _last.Total)
            _o.Out.WriteLine("Already on the last page.");
        else if (_offset + _limit >= ArticleSearcher.MaxWindow)
            // A page past it would be empty, and :prev would have to walk back over each one.
            _o.Out.WriteLine($"Pages stop at hit {ArticleSearcher.MaxWindow:N0}; for every hit, in order: search query QUERY --all --jsonl");
        else
        {
            _offset += _limit;
            Run();
        }
    }

    private void Previous()
    {
        if (_offset == 0)
            _o.Out.WriteLine("Already on the first page.");
        else
        {
            _offset = Math.Max(0, _offset - _limit);
            Run();
        }
    }

    private void Sort(string arg)
    {
        _sort = RequestText.ParseSort(arg.Length == 0 ? "relevance" : arg, ":sort");
        _offset = 0;
        if (_query != null) Run(); else _o.Out.WriteLine($"Sorting by {_sort.ToString().ToLowerInvariant()}.");
    }

    private void Limit(string arg)
    {
        if (!int.TryParse(arg, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int limit) || limit > ArticleSearcher.MaxWindow)
            throw new UsageException($":limit needs a whole number from 0 to {ArticleSearcher.MaxWindow}, not '{arg}'");
        _limit = limit;
        _offset = 0;
        if (_query != null) Run(); else _o.Out.WriteLine($"{Formats.Count(limit, "result")} per page.");
    }

    private void Collapse(string arg)
    {
        _collapse = arg.ToLowerInvariant() switch
        {
            "" or "on" => true,
            "off" => false,
            _ => throw new UsageException(":collapse takes on or off"),
        };
        _offset = 0;
        if (_query != null) Run(); else _o.Out.WriteLine(_collapse ? "Copies of a story collapse into one hit." : "Every copy is a hit of its own.");
    }

    private void Facet(string arg)
    {
        string dim = FacetDimensions.Normalize(arg) ?? throw new SearchException(arg.Length == 0
            ? $":facet needs a dimension: {string.Join(", ", FacetDimensions.All)}"
            : $"unknown facet '{arg}'; facets are {string.Join(", ", FacetDimensions.All)}");
        if (_query == null)
            _o.Out.WriteLine("No query yet: counting every article.");
        _query ??= "*";
        Run(new[] { dim }, facetLimit: 1000, fullPanel: true);
    }

    private void Filter(string arg)
    {
        if (arg.Length == 0)
        {
            ListFilters();
            return;
        }
        var (fdim, value) = RequestText.ParseFilter(arg);
        string d = FacetDimensions.Normalize(fdim) ?? throw new SearchException($"unknown facet '{fdim}'; facets are {string.Join(", ", FacetDimensions.All)}");
        RequestText.AddFilter(_filters, d, value);
        _offset = 0;
        if (_query != null) Run(); else ListFilters();
    }

    private void Show(string arg)
    {
        if (arg.Length == 0)
            throw new UsageException(":show needs #N (hit N of the last result) or an article id");
        var (id, file) = Resolve(arg, ":show");
        ShowArticle(_searcher.Get(id, file) ?? throw new SearchException($"no article with id '{arg}'"));
    }

    /// <summary>The article <paramref name="arg"/> means, as its id and file (the file tells apart
    /// articles of several files that share an id): `#N` is hit N of the last result; anything else is
    /// an id, except a bare number that is no article's id, which is taken as hit N with a note saying
    /// so. An id that several files' articles share is an error naming the files.</summary>
    private (string Id, string? File) Resolve(string arg, string command)
    {
        bool marked = arg.StartsWith('#');
        string number = marked ? arg[1..] : arg;
        bool isNumber = int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n >= 1;
        if (marked && !isNumber)
            throw new UsageException($"{command} #N needs a hit number, not '{arg}'");
        if (!marked && _searcher.GetAll(arg) is { Count: > 1 } shared)
            throw new SearchException($"{shared.Count} articles have the id '{arg}', from {string.Join(", ", shared.Select(a => a.File))}; find the one you mean (file:{shared[0].File}) and use {command} #N");
        if (!marked && (!isNumber || _searcher.Get(arg) != null))
            return (arg, null);
        if (_last == null || _query == null)
            throw new SearchException(marked ? $"no hit {arg}: no query yet" : $"no article with id '{arg}' (and no query yet for hit #{n})");
        var hit = _last.Hits.FirstOrDefault(h => h.Rank == n);
        if (hit == null && n > ArticleSearcher.MaxWindow && n <= _last.Total)
            throw new SearchException($"hit #{n} is past hit {ArticleSearcher.MaxWindow:N0}, where ranked pages stop (the last result has {Formats.Count(_last.Total, "hit")}); narrow the query, or name the article by its id");
        if (hit == null && n <= _last.Total)
            hit = _searcher.Search(new SearchRequest { Query = _query, Offset = n - 1, Limit = 1, Sort = _sort, Filters = _filters, Collapse = _collapse, Snippets = false, Suggest = false }).Hits is [var only, ..] ? only : null;
        if (hit == null)
            throw new SearchException(marked
                ? $"no hit {arg}: the last result has {Formats.Count(_last.Total, "hit")}"
                : $"no article with id '{arg}', and no hit #{n}: the last result has {Formats.Count(_last.Total, "hit")}");
        if (!marked)
            foreach (string line in TextWrap.Wrap($"(no article has the id '{arg}': hit #{n} of the last result, {hit.Id})", _o.Width, 0))
                _o.Out.WriteLine(_o.Dim(line));
        return (hit.Id, hit.File);
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
            throw new UsageException(":related needs #N (hit N of the last result) or an article id");
        var (id, file) = Resolve(arg, ":related");
        _searcher.Refresh();
        // As many as a page holds; `:limit 0` (counts only) would leave none: then as `search related`.
        _render.Related(_searcher.Related(id, _limit > 0 ? _limit : 10, file));
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
