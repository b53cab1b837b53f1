using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Search.Cli.Web;

/// <summary>
/// The page and its files, embedded in the program (Web/Assets/, resource names <c>web/...</c>):
/// nothing is read from disk and nothing comes from the network. Only the names listed here are
/// served.
/// </summary>
public static class PageAssets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
        ["favicon.svg"] = "image/svg+xml",
        ["openapi.json"] = "application/json; charset=utf-8",
    };

    private static readonly ConcurrentDictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Result("index.html"));
        app.MapGet("/assets/{name}", (string name) => Types.ContainsKey(name) && name != "index.html"
            ? Result(name)
            : throw ApiError.NotFound($"no asset '{ApiQuery.Shorten(name)}'"));
    }

    public static IResult Result(string name) => Results.Bytes(Bytes(name), Types[name]);

    public static byte[] Bytes(string name) => Cache.GetOrAdd(name, n =>
    {
        using var stream = typeof(PageAssets).Assembly.GetManifestResourceStream("web/" + n)
            ?? throw new InvalidOperationException($"asset web/{n} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
