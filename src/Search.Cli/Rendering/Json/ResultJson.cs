using System.Text.Json.Serialization;
using Search.Core.Facets;
using Search.Core.Querying;

namespace Search.Cli.Rendering.Json;

/// <summary>`search query --json`: one page of a query.</summary>
public sealed record ResultJson(
    string Query,
    int Total,
    bool Collapsed,
    int Articles,
    double TookMs,
    int Offset,
    IReadOnlyList<HitJson> Hits,
    string? Suggestion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Notice,
    bool AnyWords,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Notes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Dictionary<string, List<FacetValueJson>>? Facets,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Dictionary<string, FacetOtherJson>? FacetOther,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters)
{
    public static ResultJson From(SearchResult r) => new(
        r.Query, r.Total, r.Collapsed, r.Articles, r.TookMs, r.Offset,
        r.Hits.Select(h => HitJson.From(h, r.Collapsed)).ToList(),
        r.Suggestion, r.Notice, r.AnyWords,
        r.Notes.Count > 0 ? r.Notes : null,
        r.Facets.Count > 0 ? r.Facets.ToDictionary(f => f.Key, f => f.Value.Select(v => new FacetValueJson(v.Value, v.Count, v.Selected)).ToList()) : null,
        // What each facet list leaves out: more values, and their summed counts.
        r.Facets.Count > 0 ? r.Facets.Keys.ToDictionary(d => d, d => FacetOtherJson.From(r.FacetOthers.GetValueOrDefault(d) ?? Core.Facets.FacetOther.None)) : null,
        r.Filters);
}

public sealed record FacetValueJson(string Value, int Count, bool Selected);

public sealed record FacetOtherJson(int Values, long Count)
{
    public static FacetOtherJson From(FacetOther o) => new(o.Values, o.Count);
}

/// <summary>`search related --json`.</summary>
public sealed record RelatedJson(string Seed, string SeedTitle, int SeedCopies, double TookMs, IReadOnlyList<HitJson> Hits)
{
    public static RelatedJson From(RelatedResult r) =>
        new(r.SeedId, r.SeedTitle, r.SeedCopies, r.TookMs, r.Hits.Select(h => HitJson.From(h, collapsed: true)).ToList());
}

/// <summary>An error for scripts: the message and, when known, the 1-based position in the query.</summary>
public sealed record ErrorJson(string Error, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Position);
