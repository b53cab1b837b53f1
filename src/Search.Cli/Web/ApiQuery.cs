using System.Globalization;
using Microsoft.AspNetCore.Http;
using Search.Core.Querying;

namespace Search.Cli.Web;

/// <summary>
/// The parameters of <c>GET /api/search</c>, read from the query string into a
/// <see cref="SearchRequest"/> and checked: the options
/// of <c>search query</c> under their own names (<c>q</c>, <c>filter</c> and <c>facet</c>
/// repeatable, <c>sort</c>, <c>offset</c>, <c>limit</c>, <c>facet_limit</c>, <c>any</c>,
/// <c>expand</c>, <c>collapse</c>). Anything out of range is an <see cref="ApiError"/> (400) naming
/// the parameter, before the index is touched.
/// </summary>
public static class ApiQuery
{
    /// <summary>Longest query text accepted. A pasted paragraph fits; a megabyte does not, and would
    /// only cost the server time (the searcher refuses more than 128 terms anyway).</summary>
    public const int MaxQueryChars = 10_000;

    /// <summary>Filter parameters: at most this many, each at most this long.</summary>
    public const int MaxFilters = 200, MaxValueChars = 1_000;

    /// <summary>The search the query string asks for, as the one request type the CLI and the
    /// console use too (so no parameter can be lost between the two).</summary>
    public static SearchRequest From(IQueryCollection q)
    {
        OnlyParameters(q, Parameters, "a search");
        string text = OneValue(q, "q") ?? "";
        if (text.Length > MaxQueryChars)
            throw ApiError.BadRequest($"q is {text.Length:N0} characters long; a query may have at most {MaxQueryChars:N0}");
        CheckText("q", text);
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        var filterValues = q["filter"];
        if (filterValues.Count > MaxFilters)
            throw ApiError.BadRequest($"at most {MaxFilters} filter parameters, not {filterValues.Count}");
        foreach (string? f in filterValues)
        {
            var (dimension, value) = ParseFilter(f ?? "");
            filters[dimension] = filters.TryGetValue(dimension, out var values) ? [.. values, value] : [value];
        }
        var facets = new List<string>();
        foreach (string? f in q["facet"])
            foreach (string dim in (f ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (dim.Length > 100)
                    throw ApiError.BadRequest("facet names a dimension: source, author, section, tags, year, month, place or links");
                facets.Add(dim);
            }
        if (facets.Count > 50)
            throw ApiError.BadRequest($"at most 50 facet dimensions, not {facets.Count}");
        bool any = Flag(q, "any", false);
        bool expand = Flag(q, "expand", false);
        if (expand && !any)
            throw ApiError.BadRequest("expand works with any=true (keyword queries)");
        string sortText = OneValue(q, "sort") ?? "relevance";
        if (sortText is not ("relevance" or "newest" or "oldest") || !SearchRequest.TryParseSort(sortText, out var sort))
            throw ApiError.BadRequest($"sort must be relevance, newest or oldest, not '{Shorten(sortText)}'");
        return new SearchRequest
        {
            Query = text,
            Filters = filters,
            Facets = facets,
            Sort = sort,
            Offset = WholeNumber(q, "offset", 0, 0, ArticleSearcher.MaxWindow),
            Limit = WholeNumber(q, "limit", 10, 0, ArticleSearcher.MaxWindow),
            FacetLimit = WholeNumber(q, "facet_limit", 10, 1, 10_000),
            MatchAny = any,
            Expand = expand,
            Collapse = Flag(q, "collapse", true),
        };
    }

    /// <summary>The parameters <see cref="From"/> reads.</summary>
    public static readonly IReadOnlyList<string> Parameters = ["q", "filter", "facet", "sort", "offset", "limit", "facet_limit", "any", "expand", "collapse"];

    /// <summary>A parameter the endpoint does not read (<c>facets=place</c>, <c>related?count=5</c>)
    /// is an error, not silently ignored: the answer would come without what was asked for, and
    /// nothing would say why. <paramref name="taker"/> names the endpoint in the message.</summary>
    public static void OnlyParameters(IQueryCollection q, IReadOnlyList<string> known, string taker)
    {
        foreach (string key in q.Keys)
            if (!known.Contains(key))
                throw ApiError.BadRequest(Unknown(key, known, taker));
    }

    private static string Unknown(string key, IReadOnlyList<string> known, string taker)
    {
        string shown = key.Length == 0 ? "a parameter without a name ('=value')" : $"unknown parameter '{Shorten(key)}'";
        string? near = key.Length is 0 or > 30 ? null : known.Select(p => (Name: p, Edits: Search.Core.Querying.WordDistance.Edits(key.ToLowerInvariant(), p)))
            .Where(p => p.Edits <= 2).OrderBy(p => p.Edits).Select(p => p.Name).FirstOrDefault();
        return $"{shown}{(near != null ? $" (did you mean '{near}'?)" : "")}; {taker} takes {string.Join(", ", known)}";
    }

    /// <summary>DIMENSION=VALUE, as <c>search query --filter</c> takes it.</summary>
    public static (string Dimension, string Value) ParseFilter(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1 || text[..eq].Trim().Length == 0 || text[(eq + 1)..].Trim().Length == 0)
            throw ApiError.BadRequest($"a filter is DIMENSION=VALUE (like place=Russia), not '{Shorten(text)}'");
        if (text.Length > MaxValueChars)
            throw ApiError.BadRequest($"a filter may have at most {MaxValueChars:N0} characters");
        CheckText("filter", text);
        return (text[..eq].Trim(), text[(eq + 1)..].Trim());
    }

    /// <summary>The one value of <paramref name="name"/>, or null; a repeated one is refused.</summary>
    public static string? OneValue(IQueryCollection q, string name)
    {
        var values = q[name];
        if (values.Count > 1)
            throw ApiError.BadRequest($"{name} may be given once, not {values.Count} times");
        return values.Count == 1 ? values[0] : null;
    }

    public static int WholeNumber(IQueryCollection q, string name, int fallback, int min, int max)
    {
        string? v = OneValue(q, name);
        if (v == null || v.Length == 0)
            return fallback;
        if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
            throw ApiError.BadRequest($"{name} must be a whole number from {min} to {max:N0}, not '{Shorten(v)}'");
        return n;
    }

    public static bool Flag(IQueryCollection q, string name, bool fallback) => OneValue(q, name) switch
    {
        null or "" => fallback,
        "1" or "true" or "yes" => true,
        "0" or "false" or "no" => false,
        var v => throw ApiError.BadRequest($"{name} must be true or false, not '{Shorten(v)}'"),
    };

    /// <summary>Control characters (other than whitespace) are no query and no value: refused.</summary>
    public static void CheckText(string name, string text)
    {
        foreach (char c in text)
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                throw ApiError.BadRequest($"{name} holds a control character (U+{(int)c:X4})");
    }

    /// <summary>A value quoted back in an error: short, so an error stays one readable line.</summary>
    public static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
