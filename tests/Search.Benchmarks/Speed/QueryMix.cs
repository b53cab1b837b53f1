using Search.Core.Querying;

namespace Search.Benchmarks.Speed;

/// <summary>One query type of the mix, as each engine spells it; null where an engine cannot express it.</summary>
public sealed record QueryCase(string Type, SearchRequest Ours, string? Lucene, string? Fts5, string? LuceneNa = null, string? Fts5Na = null)
{
    public string Shown => Ours.Filters.Count == 0
        ? Ours.Query + (Ours.Facets.Count > 0 ? $" + facets {string.Join(",", Ours.Facets)}" : "")
        : $"{Ours.Query} + facets {string.Join(",", Ours.Facets)} | {string.Join(",", Ours.Filters.Select(f => $"{f.Key}={string.Join("|", f.Value)}"))}";
}

/// <summary>
/// The fixed query mix. Words are common in the synthetic corpus (which is stitched from
/// Reuters, BBC and Wikinews paragraphs). The baseline index has title and body only, so dates
/// and facets are "n/a" there; FTS5 has no fuzzy matching, dates or facet counts.
/// </summary>
public static class QueryMix
{
    private static readonly string[] FacetDims = { "source", "section", "year" };
    private const string NoMeta = "no metadata in a plain index";

    public static IReadOnlyList<QueryCase> All { get; } = new List<QueryCase>
    {
        new("single keyword", new SearchRequest { Query = "government" }, "government", "government"),
        new("two keywords", new SearchRequest { Query = "oil prices" }, "oil prices", "oil prices"),
        new("phrase", new SearchRequest { Query = "\"prime minister\"" }, "\"prime minister\"", "\"prime minister\""),
        new("boolean NOT", new SearchRequest { Query = "market NOT oil" }, "market NOT oil", "market NOT oil"),
        new("prefix wildcard", new SearchRequest { Query = "terror*" }, "terror*", "terror*"),
        new("fuzzy", new SearchRequest { Query = "goverment~" }, "goverment~", null, Fts5Na: "FTS5 has no fuzzy match"),
        new("date range", new SearchRequest { Query = "published:[2000-01-01 TO 2005-12-31]" }, null, null, NoMeta, NoMeta),
        new("facets, all articles", new SearchRequest { Query = "*", Facets = FacetDims }, null, null, NoMeta, NoMeta),
        new("facets under a filter", new SearchRequest
        {
            Query = "*",
            Facets = FacetDims,
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["section"] = new[] { "business" } },
        }, null, null, NoMeta, NoMeta),
    };
}
