using System.Text.Json;
using AngleSharp.Dom;

namespace Search.Core.Ingest.Html;

/// <summary>
/// The news article a page describes in JSON-LD (<c>&lt;script type="application/ld+json"&gt;</c>):
/// the first object whose <c>@type</c> is an article type (<c>NewsArticle</c>, <c>Article</c>,
/// <c>BlogPosting</c>, <c>ReportageNewsArticle</c>, …), searched through arrays and <c>@graph</c>.
/// Malformed JSON (common: trailing commas, comments, raw newlines in strings) is tolerated where
/// System.Text.Json can, and skipped otherwise.
/// </summary>
public sealed record JsonLdArticle(string? Headline, IReadOnlyList<string> Authors, string? DatePublished,
    string? Publisher, string? Url, string? Section, string? Language, IReadOnlyList<string> Keywords)
{
    /// <summary>The article's text as the page declares it (<c>articleBody</c>), or null.</summary>
    public string? Body { get; init; }

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <summary>The first article object in the document's JSON-LD, or null.</summary>
    public static JsonLdArticle? Find(IDocument document)
    {
        JsonLdArticle? article = null;
        Visit(document, root =>
        {
            if (FindArticle(root, 0) is { } found)
                article = From(found, Nodes(root));
            return article != null;
        });
        return article;
    }

    /// <summary>Authors the page's JSON-LD gives to what it reviews: a fact check's
    /// <c>itemReviewed</c> is the claim checked, and its author is whoever made the claim ("The
    /// Russian and Syrian defense ministries"), never the article's author.</summary>
    public static IReadOnlySet<string> ReviewedAuthors(IDocument document)
    {
        var authors = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Visit(document, root =>
        {
            CollectReviewed(root, authors, 0);
            return false;
        });
        return authors;
    }

    private static void CollectReviewed(JsonElement e, HashSet<string> authors, int depth)
    {
        if (depth > 8)
            return;
        if (e.ValueKind == JsonValueKind.Array)
            foreach (JsonElement item in e.EnumerateArray())
                CollectReviewed(item, authors, depth + 1);
        if (e.ValueKind != JsonValueKind.Object)
            return;
        foreach (JsonProperty p in e.EnumerateObject())
        {
            if (p.NameEquals("itemReviewed") && p.Value.ValueKind == JsonValueKind.Object)
                authors.UnionWith(Names(p.Value, "author"));
            CollectReviewed(p.Value, authors, depth + 1);
        }
    }

    /// <summary>Parses each JSON-LD script of the page and hands its root to <paramref name="visit"/>
    /// until that returns true.</summary>
    private static void Visit(IDocument document, Func<JsonElement, bool> visit)
    {
        foreach (IElement script in document.QuerySelectorAll("script[type]"))
        {
            if (!script.GetAttribute("type")!.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                continue;
            string json = WithoutCdata(script.TextContent);
            if (json.Length == 0)
                continue;
            try
            {
                using JsonDocument doc = JsonDocument.Parse(json, Options);
                if (visit(doc.RootElement))
                    return;
            }
            catch (JsonException)
            {
                // A page's broken JSON-LD is not a reason to lose the page: other metadata remains.
            }
        }
    }

    /// <summary>Removes the CDATA and comment wrappers some pages put around their JSON.</summary>
    private static string WithoutCdata(string text)
    {
        string t = text.Trim();
        foreach (string open in (string[])["//<![CDATA[", "<![CDATA[", "<!--"])
            if (t.StartsWith(open, StringComparison.Ordinal))
                t = t[open.Length..];
        foreach (string close in (string[])["//]]>", "]]>", "-->"])
            if (t.EndsWith(close, StringComparison.Ordinal))
                t = t[..^close.Length];
        return t.Trim();
    }

    private static JsonElement? FindArticle(JsonElement e, int depth)
    {
        if (depth > 6)
            return null;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in e.EnumerateArray())
                if (FindArticle(item, depth + 1) is { } found)
                    return found;
            return null;
        }
        if (e.ValueKind != JsonValueKind.Object)
            return null;
        if (IsArticleType(e))
            return e;
        if (e.TryGetProperty("@graph", out JsonElement graph))
            return FindArticle(graph, depth + 1);
        if (e.TryGetProperty("mainEntity", out JsonElement main))
            return FindArticle(main, depth + 1);
        return null;
    }

    private static bool IsArticleType(JsonElement e)
    {
        if (!e.TryGetProperty("@type", out JsonElement type))
            return false;
        IEnumerable<string> types = type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)
            : type.ValueKind == JsonValueKind.String ? [type.GetString()!] : [];
        return types.Any(t => t.EndsWith("Article", StringComparison.Ordinal) || t is "BlogPosting" or "LiveBlogPosting" or "Report");
    }

    /// <summary>The objects of a JSON-LD document that have an <c>@id</c> and say more than it:
    /// what a reference (<c>"author": {"@id": "#person-1"}</c>, as WordPress SEO plugins write
    /// their <c>@graph</c>) points to.</summary>
    private static Dictionary<string, JsonElement> Nodes(JsonElement root)
    {
        var nodes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var work = new Stack<(JsonElement Element, int Depth)>();
        work.Push((root, 0));
        while (work.Count > 0)
        {
            (JsonElement e, int depth) = work.Pop();
            if (depth > 6)
                continue;
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in e.EnumerateArray())
                    work.Push((item, depth + 1));
                continue;
            }
            if (e.ValueKind != JsonValueKind.Object)
                continue;
            if (Text(e, "@id") is { } id && e.EnumerateObject().Any(p => !p.NameEquals("@id")))
                nodes.TryAdd(id, e);
            foreach (JsonProperty p in e.EnumerateObject())
                if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    work.Push((p.Value, depth + 1));
        }
        return nodes;
    }

    private static JsonLdArticle From(JsonElement e, Dictionary<string, JsonElement> nodes) => new(
        Text(e, "headline") ?? Text(e, "name"),
        Names(e, "author", skipOrganizations: true, nodes: nodes),
        Text(e, "datePublished") ?? Text(e, "dateCreated"),
        Names(e, "publisher", skipPeople: true, nodes: nodes).FirstOrDefault(),
        Text(e, "url") ?? Id(e, "mainEntityOfPage"),
        Text(e, "articleSection"),
        Text(e, "inLanguage"),
        KeywordsOf(e))
    {
        Body = Text(e, "articleBody"),
    };

    /// <summary>A string property, or the first string of an array property.</summary>
    private static string? Text(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out JsonElement v))
            return null;
        if (v.ValueKind == JsonValueKind.Array)
            v = v.EnumerateArray().FirstOrDefault(x => x.ValueKind == JsonValueKind.String);
        return v.ValueKind == JsonValueKind.String ? NullIfBlank(v.GetString()) : null;
    }

    private static string? Id(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out JsonElement v))
            return null;
        if (v.ValueKind == JsonValueKind.String)
            return NullIfBlank(v.GetString());
        return v.ValueKind == JsonValueKind.Object ? Text(v, "@id") ?? Text(v, "url") : null;
    }

    /// <summary>Names of a person/organisation property: a string, an object with <c>name</c> (or a
    /// reference to one by its <c>@id</c>), or an array of either. <paramref name="skipPeople"/>: a personal site's publisher is its writer
    /// (WordPress SEO plugins' "this site represents a person"), not an outlet.</summary>
    private static List<string> Names(JsonElement e, string name, bool skipOrganizations = false, bool skipPeople = false,
        Dictionary<string, JsonElement>? nodes = null)
    {
        var names = new List<string>();
        if (!e.TryGetProperty(name, out JsonElement v))
            return names;
        foreach (JsonElement reference in v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : Enumerable.Repeat(v, 1))
        {
            JsonElement item = reference;
            if (item.ValueKind == JsonValueKind.Object && !item.TryGetProperty("name", out _) && Text(item, "@id") is { } id
                && nodes != null && nodes.TryGetValue(id, out JsonElement node))
                item = node; // a reference to a node of the graph
            if (skipOrganizations && item.ValueKind == JsonValueKind.Object && Text(item, "@type") is "Organization" or "NewsMediaOrganization")
                continue;
            if (skipPeople && item.ValueKind == JsonValueKind.Object && Text(item, "@type") is "Person")
                continue;
            string? n = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object => Text(item, "name"),
                _ => null,
            };
            n = NullIfBlank(n);
            if (n != null && !n.Contains("://", StringComparison.Ordinal) && !names.Contains(n))
                names.Add(n);
        }
        return names;
    }

    private static List<string> KeywordsOf(JsonElement e)
    {
        if (!e.TryGetProperty("keywords", out JsonElement v))
            return [];
        if (v.ValueKind == JsonValueKind.String)
            return v.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (v.ValueKind == JsonValueKind.Array)
            return v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!.Trim()).Where(x => x.Length > 0).ToList();
        return [];
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : System.Net.WebUtility.HtmlDecode(s).Trim();
}
