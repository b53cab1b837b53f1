using Search.Core.Indexing;

namespace Search.Core.Facets;

/// <summary>The facet dimensions and how each is ordered.</summary>
public static class FacetDimensions
{
    public static IReadOnlyList<string> All => ArticleDocument.FacetDimensions;

    /// <summary>Dates read as a histogram: in time order, latest values kept when limited.</summary>
    public static bool IsChronological(string dimension) => dimension is "year" or "month";

    public static string Field(string dimension) => Schema.FacetPrefix + dimension;

    /// <summary>Accepts the singular and plural spellings people type (`places`, `tag`).</summary>
    public static string? Normalize(string name)
    {
        string n = name.Trim().ToLowerInvariant();
        n = n switch { "places" => "place", "tag" => "tags", "link" => "links", "sections" => "section", "sources" => "source", "authors" => "author", "date" => "year", "lang" or "languages" => "language", _ => n };
        return All.Contains(n) ? n : null;
    }
}
