using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
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
        api.AddEndpointFilter((context, next) =>
        {
            QueryStringEncoding.Check(context.HttpContext.Request.QueryString.Value);
            return next(context);
        });
        api.MapGet("/search", (HttpRequest r) => Json(adapter.Search(ApiQuery.From(r.Query))));
        api.MapGet("/facets/{dimension}", (string dimension, HttpRequest r) =>
        {
            CheckName("dimension", dimension);
            // Not offset, facet or facet_limit: a search's, which facet values would take and ignore.
            ApiQuery.OnlyParameters(r.Query, ["q", "filter", "sort", "any", "expand", "collapse", "limit"], "/api/facets/{dimension}");
            var q = ApiQuery.From(WithoutLimit(r.Query)) with { FacetLimit = ApiQuery.WholeNumber(r.Query, "limit", 100, 1, 10_000) };
            return Json(adapter.FacetValues(dimension, q));
        });
        api.MapGet("/articles/{id}", (string id, HttpRequest r) =>
        {
            ApiQuery.OnlyParameters(r.Query, ["file"], "an article");
            return Json(adapter.Article(Id(r, id), File(r)));
        });
        api.MapGet("/articles/{id}/highlighted", (string id, HttpRequest r) =>
        {
            ApiQuery.OnlyParameters(r.Query, ["q", "file"], "a highlighted article");
            string q = ApiQuery.OneValue(r.Query, "q") ?? "";
            if (q.Length > ApiQuery.MaxQueryChars)
                throw ApiError.BadRequest($"q is {q.Length:N0} characters long; a query may have at most {ApiQuery.MaxQueryChars:N0}");
            ApiQuery.CheckText("q", q);
            return Json(adapter.Highlighted(Id(r, id), File(r), q));
        });
        api.MapGet("/articles/{id}/related", (string id, HttpRequest r) =>
        {
            ApiQuery.OnlyParameters(r.Query, ["limit", "file"], "related articles");
            return Json(adapter.Related(Id(r, id), File(r), ApiQuery.WholeNumber(r.Query, "limit", 10, 1, 1000)));
        });
        api.MapGet("/articles/{id}/copies", (string id, HttpRequest r) =>
        {
            ApiQuery.OnlyParameters(r.Query, ["file"], "copies");
            return Json(adapter.Copies(Id(r, id), File(r)));
        });
        api.MapGet("/stats", () => Json(adapter.Stats()));
        api.MapGet("/openapi.json", () => PageAssets.Result("openapi.json"));
    }

    private static IResult Json(string json) => Results.Text(json, "application/json; charset=utf-8");

    /// <summary>The id from the path. The server decodes the path but leaves %2F encoded (a slash
    /// would split the segment), so an id with a slash (a file in a subfolder) is decoded here, from
    /// the request line as sent: after the server's decoding, <c>%252F</c> (an id holding the
    /// characters <c>%2F</c>, as in a saved page's file name) would look like <c>%2F</c>, a slash.
    /// The id is only ever looked up as a term, never used as a path.</summary>
    private static string Id(HttpRequest r, string routed)
    {
        string id = FromRequestLine(r, routed) ?? routed.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        if (id.Length > MaxIdChars)
            throw ApiError.BadRequest($"an article id has at most {MaxIdChars:N0} characters, not {id.Length:N0}");
        ApiQuery.CheckText("id", id);
        return id;
    }

    /// <summary>The id segment of the request line (<c>/api/articles/{id}...</c>) decoded once, or
    /// null when the request line is not at hand or its segment is not the one routed (the server
    /// decodes everything but %2F: decoded so, the raw segment must give <paramref name="routed"/>).</summary>
    private static string? FromRequestLine(HttpRequest r, string routed)
    {
        const string Prefix = "/api/articles/";
        string? raw = r.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw == null || !raw.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            return null;
        int end = raw.IndexOfAny(['/', '?', '#'], Prefix.Length);
        string segment = raw[Prefix.Length..(end < 0 ? raw.Length : end)];
        string[] parts = segment.Split(["%2F", "%2f"], StringSplitOptions.None);
        try
        {
            var decoded = parts.Select(Uri.UnescapeDataString).ToArray();
            return string.Join("%2F", decoded) == routed ? string.Join("/", decoded) : null;
        }
        catch (UriFormatException)
        {
            return null;
        }
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
