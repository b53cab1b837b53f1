using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Search.Cli.Web;

/// <summary>
/// The read-only HTTP API (documented in docs/web.md and /api/openapi.json). Each endpoint checks
/// its input, asks the <see cref="SearchAdapter"/> and returns its JSON; nothing here writes the
/// index or opens a file.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>Longest article id accepted (ids are file paths plus a record number).</summary>
    public const int MaxIdChars = 4_096;

    public static void Map(IEndpointRouteBuilder app, SearchAdapter adapter)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/search", (HttpRequest r) => Json(adapter.Search(ApiQuery.From(r.Query))));
        api.MapGet("/facets/{dimension}", (string dimension, HttpRequest r) =>
        {
            CheckName("dimension", dimension);
            var q = ApiQuery.From(WithoutLimit(r.Query)) with { FacetLimit = ApiQuery.WholeNumber(r.Query, "limit", 100, 1, 10_000) };
            return Json(adapter.FacetValues(dimension, q));
        });
        api.MapGet("/articles/{id}", (string id, HttpRequest r) => Json(adapter.Article(Id(id), File(r))));
        api.MapGet("/articles/{id}/highlighted", (string id, HttpRequest r) =>
        {
            string q = ApiQuery.OneValue(r.Query, "q") ?? "";
            if (q.Length > ApiQuery.MaxQueryChars)
                throw ApiError.BadRequest($"q is {q.Length:N0} characters long; a query may have at most {ApiQuery.MaxQueryChars:N0}");
            ApiQuery.CheckText("q", q);
            return Json(adapter.Highlighted(Id(id), File(r), q));
        });
        api.MapGet("/articles/{id}/related", (string id, HttpRequest r) => Json(adapter.Related(Id(id), ApiQuery.WholeNumber(r.Query, "limit", 10, 1, 1000))));
        api.MapGet("/articles/{id}/copies", (string id) => Json(adapter.Copies(Id(id))));
        api.MapGet("/stats", () => Json(adapter.Stats()));
        api.MapGet("/openapi.json", () => PageAssets.Result("openapi.json"));
    }

    private static IResult Json(string json) => Results.Text(json, "application/json; charset=utf-8");

    /// <summary>The id from the path. Routing leaves %2F encoded inside a segment, so an id with a
    /// slash (a file in a subfolder) is decoded here; the id is only ever looked up as a term,
    /// never used as a path.</summary>
    private static string Id(string raw)
    {
        string id = raw.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        if (id.Length > MaxIdChars)
            throw ApiError.BadRequest($"an article id has at most {MaxIdChars:N0} characters, not {id.Length:N0}");
        ApiQuery.CheckText("id", id);
        return id;
    }

    private static string? File(HttpRequest r)
    {
        string? file = ApiQuery.OneValue(r.Query, "file");
        if (file == null)
            return null;
        if (file.Length > MaxIdChars)
            throw ApiError.BadRequest($"file has at most {MaxIdChars:N0} characters");
        ApiQuery.CheckText("file", file);
        return file;
    }

    private static void CheckName(string what, string value)
    {
        if (value.Length > 100)
            throw ApiError.BadRequest($"{what} is a facet dimension: source, author, section, tags, year, month, place or links");
        ApiQuery.CheckText(what, value);
    }

    /// <summary>On /api/facets, limit counts values, not hits: kept out of the search parameters.</summary>
    private static QueryCollection WithoutLimit(IQueryCollection q) =>
        new QueryCollection(q.Where(p => p.Key != "limit").ToDictionary(p => p.Key, p => p.Value));
}
