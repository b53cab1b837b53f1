using System.CommandLine;
using Search.Cli.Rendering;
using Search.Core;
using Search.Core.Facets;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>`search query QUERY`: one query, printed for people or as JSON for scripts.</summary>
public static class QueryCommand
{
    public const string Description = """
        Run one query and print its hits.

        Words are all required; "exact phrases", OR, NOT or -word, field:value, wild*, fuzzy~,
        published:2019, published:2019-03, published:>=2020-01-01, published:[2019 TO 2020]
        (docs/query-language.md has it all).

        Exit status: 0 ok (also with no hits), 1 no index, 2 bad query or command line.
        """;

    public static Command Create(Output o)
    {
        var words = new Argument<string[]>("QUERY")
        {
            Description = "the query; a word starting with - is left out (`-russia`)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var limit = SharedOptions.WholeNumber("--limit", $"hits to show, 0 to {ArticleSearcher.MaxWindow} (0: counts and facets only)", 10, 0, ArticleSearcher.MaxWindow);
        var offset = SharedOptions.WholeNumber("--offset", $"skip the first N hits (a page reaching past hit {ArticleSearcher.MaxWindow:N0} says so: --all --jsonl gives every hit)", 0, 0, int.MaxValue);
        var sort = SharedOptions.OneOf("--sort", "order of hits", "relevance", RequestText.SortNames);
        var facet = SharedOptions.Many("--facet", "DIM", $"count the values of a dimension: {string.Join(", ", FacetDimensions.All)} (repeat it, or DIM,DIM)");
        facet.CompletionSources.Add(FacetDimensions.All.ToArray());
        var filter = SharedOptions.Many("--filter", "DIM=VALUE", "keep only articles with that value (repeat it: OR within a dimension, AND across)");
        filter.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (!RequestText.TryParseFilter(token.Value, out _))
                    r.AddError(RequestText.FilterError(token.Value));
        });
        var facetLimit = SharedOptions.WholeNumber("--facet-limit", "values per facet", 10, 1, 10_000);
        var any = SharedOptions.Flag("--any", "plain keywords of which any may match, best first (long questions); a field:value term searches its field");
        var expand = SharedOptions.Flag("--expand", "with --any: add the words that characterise the best hits and search again (RM3 pseudo-relevance feedback)");
        var noCollapse = SharedOptions.Flag("--no-collapse", "show every copy of a story (by default one hit per story, its copies counted)");
        var index = SharedOptions.Index();
        var json = SharedOptions.Json();
        var all = SharedOptions.Flag("--all", "with --jsonl: every hit in order, no depth limit, one line per article (copies not collapsed; --limit, --offset and --facet do not apply)");
        var jsonl = SharedOptions.Flag("--jsonl", "with --all: one JSON object a line, each with its id");
        var command = new Command("query", Description)
        {
            words, limit, offset, sort, facet, filter, facetLimit, any, expand, noCollapse, index, json, all, jsonl,
        };
        command.Aliases.Add("q");
        command.Validators.Add(r =>
        {
            if (r.GetValue(expand) && !r.GetValue(any))
                r.AddError("--expand works with --any (keyword queries)");
            if (r.GetValue(all) != r.GetValue(jsonl))
                r.AddError(r.GetValue(all) ? "--all writes JSON lines: add --jsonl" : "--jsonl goes with --all (every hit); for one page use --json");
        });
        command.SetAction(r => Run(o, new SearchRequest
        {
            Query = string.Join(' ', r.GetValue(words) ?? Array.Empty<string>()),
            MatchAny = r.GetValue(any),
            Expand = r.GetValue(expand),
            Collapse = !r.GetValue(noCollapse),
            Limit = r.GetValue(limit),
            Offset = r.GetValue(offset),
            Sort = RequestText.ParseSort(r.GetValue(sort)!),
            Facets = (r.GetValue(facet) ?? Array.Empty<string>()).SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
            FacetLimit = r.GetValue(facetLimit),
            Filters = RequestText.ParseFilters(r.GetValue(filter) ?? Array.Empty<string>()),
        }, IndexLocation.Resolve(r.GetValue(index)), r.GetValue(json), r.GetValue(all)));
        return command;
    }

    private static int Run(Output o, SearchRequest request, string index, bool json, bool all)
    {
        using var searcher = ArticleSearcher.Open(index);
        if (Core.Indexing.IndexStatus.Read(searcher.IndexPath).Notice is { } notice)
            o.Err.WriteLine("search: note: " + notice);
        if (all)
        {
            // The hits the pages show: a sentence no article has all of is answered as any of its words.
            var answered = searcher.AnsweredAs(request);
            if (answered.MatchAny && !request.MatchAny)
                o.Err.WriteLine("search: note: no article has all of the words: every article with any of them, best first");
            foreach (var hit in searcher.SearchAll(answered))
                o.Out.WriteLine(JsonRenderer.HitLine(hit));
            return 0;
        }
        SearchResult result;
        try
        {
            result = searcher.Search(request);
        }
        catch (SearchException e) when (json && e.ExitCode == QuerySyntaxException.Code)
        {
            // Every error of the request itself (the query, a --facet or --filter the index cannot
            // count or match), as a script reading stdout expects it; a missing index is not one.
            o.Out.WriteLine(JsonRenderer.Error(e.Message, (e as QuerySyntaxException)?.Position ?? 0));
            throw;
        }
        if (json)
            o.Out.WriteLine(JsonRenderer.Result(result));
        else
            new ResultRenderer(o).Results(result);
        return 0;
    }
}
