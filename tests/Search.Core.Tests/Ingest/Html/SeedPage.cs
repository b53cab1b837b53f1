using System.Net;
using Search.Tests.Support;

namespace Search.Core.Tests.Ingest.Html;

/// <summary>The seed article (<c>seeds/000_….txt</c>, text taken from a news page) as a news page's
/// markup again: its wrapped title as <c>&lt;title&gt;</c> and <c>&lt;h1&gt;</c>, each of its
/// hard-wrapped paragraphs as a <c>&lt;p&gt;</c>; the source addresses at its end left out.</summary>
internal static class SeedPage
{
    private static readonly string[] Lines = File.ReadAllLines(RepoPaths.SeedArticle);

    public static string Title { get; } = (Lines[0] + " " + Lines[1]).Trim();

    public static IReadOnlyList<string> Paragraphs { get; } = string.Join('\n', Lines.Skip(2))
        .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
        .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        .Where(p => p.Length > 0 && !p.StartsWith("http", StringComparison.Ordinal))
        .ToList();

    /// <summary>The page: the first <paramref name="paragraphs"/> paragraphs (all by default), the
    /// site's name after the title in <c>&lt;title&gt;</c>, <paramref name="head"/> in the head.</summary>
    public static string Markup(int? paragraphs = null, string titleSuffix = "", string head = "") =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(Title + titleSuffix)}</title>{head}</head>" +
        $"<body><article><h1>{WebUtility.HtmlEncode(Title)}</h1>" +
        string.Concat(Paragraphs.Take(paragraphs ?? Paragraphs.Count).Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>")) +
        "</article></body></html>";
}
