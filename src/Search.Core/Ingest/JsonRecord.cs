using System.Text.Json;

namespace Search.Core.Ingest;

/// <summary>
/// One JSON value as articles, for <see cref="JsonLinesArticleReader"/> (a line) and
/// <see cref="JsonDocumentArticleReader"/> (an array item, or the whole document). Properties are
/// mapped by <see cref="FieldMapping"/>.
/// <list type="bullet">
/// <item>Values of unexpected types are used where meaningful: numbers and booleans as their text;
/// arrays as lists (tags, places), joined authors ("A, B"), body paragraphs, or else their first
/// item; an object as its <c>value</c>, <c>name</c>, <c>main</c>, <c>original</c> or <c>text</c>
/// (an author object, the New York Times' <c>headline.main</c> and <c>byline.original</c>); other
/// objects are ignored.</item>
/// <item>A record kept inside a container object (<see cref="Containers"/>: Elasticsearch's
/// <c>_source</c>, the Guardian's <c>fields</c>, <c>data</c>, <c>attributes</c>…) fills the fields
/// the object's own properties left empty.</item>
/// <item>An object with no title or body of its own that holds a list of such records (an API
/// response saved as it came: <c>{"articles": [...]}</c>, <c>{"response": {"docs": [...]}}</c>,
/// <c>{"hits": {"hits": [...]}}</c>) is that list, found at most <see cref="MaxEnvelopeDepth"/>
/// objects deep: its items are the articles, numbered by their place in it.</item>
/// </list>
/// A record left with neither title nor body is skipped with its line.
/// </summary>
internal static class JsonRecord
{
    /// <summary>How deep in an envelope the list of articles is looked for.</summary>
    public const int MaxEnvelopeDepth = 3;

    /// <summary>Names of objects that hold an item's record (case aside, and a leading <c>_</c>,
    /// <c>@</c> or <c>$</c>: <c>_source</c>).</summary>
    private static readonly HashSet<string> Containers = new(StringComparer.OrdinalIgnoreCase)
    {
        "source", "fields", "data", "attributes", "metadata", "meta", "document", "doc", "record", "item", "properties",
    };

    /// <summary>Properties of an object value that stand for it, in order of preference: a
    /// name-value pair (the New York Times' keywords, <c>{"name": "glocations", "value": "France"}</c>)
    /// stands for its value; WordPress's API gives a title as <c>{"rendered": "…"}</c>.</summary>
    private static readonly string[] ObjectText = ["value", "name", "main", "original", "text", "rendered"];

    /// <summary>MongoDB's Extended JSON, as <c>mongoexport</c> writes what is not a JSON string or
    /// number: a date <c>{"$date": "2024-12-03T17:41:00Z"}</c> or <c>{"$date": {"$numberLong":
    /// "1733247660123"}}</c>, an id <c>{"$oid": "…"}</c>.</summary>
    private static readonly string[] ExtendedJson = ["$date", "$oid", "$numberLong", "$numberInt", "$numberDouble"];

    /// <summary>The articles of <paramref name="root"/>: one, or each item of the list an envelope
    /// holds (<paramref name="record"/> and <paramref name="line"/> are the value's own; items are
    /// numbered <c>record.N</c> in their default ids, so they never meet another record's).</summary>
    public static IEnumerable<ReadItem> Read(JsonElement root, SourceFile file, int record, int line)
    {
        if (root.ValueKind == JsonValueKind.Object && !HoldsArticle(root) && FindList(root, MaxEnvelopeDepth) is { } list)
        {
            int n = 0;
            foreach (JsonElement item in list.EnumerateArray())
            {
                n++;
                yield return Article(item, file, n, line, $"{file.RelativePath}#{record}.{n}");
            }
            yield break;
        }
        yield return Article(root, file, record, line, id: null);
    }

    /// <summary>One article from one value, or the reason it is none.</summary>
    private static ReadItem Article(JsonElement root, SourceFile file, int record, int line, string? id)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return ReadItem.Skip(line, $"not a JSON object but {root.ValueKind.ToString().ToLowerInvariant()}");
        var article = new Article();
        try
        {
            Fill(article, root);
            foreach (JsonProperty property in root.EnumerateObject())
                if (property.Value.ValueKind == JsonValueKind.Object && IsContainer(property.Name))
                    Fill(article, property.Value);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json parses "\ud800" (an unpaired surrogate escape) but throws when the
            // string is read; left unhandled it ended the whole build.
            return ReadItem.Skip(line, "invalid JSON string (an unpaired UTF-16 surrogate escape like \\ud800): " + e.Message);
        }
        if (id != null && article.Id.Length == 0)
            article.Id = id;
        string? problem = FieldMapping.Complete(article, file, record, line);
        if (problem == null)
            FieldMapping.CutSiteName(article);
        return problem == null ? ReadItem.Of(article) : ReadItem.Skip(line, problem);
    }

    private static void Fill(Article article, JsonElement obj)
    {
        foreach (JsonProperty property in obj.EnumerateObject())
            if (!(property.Value.ValueKind == JsonValueKind.Object && IsContainer(property.Name))
                && FieldMapping.TryMap(property.Name, out ArticleField field))
                Apply(article, field, property.Value);
    }

    /// <summary>A container's name: one of <see cref="Containers"/>, and either no field's name or
    /// marked as the system's own (<c>_source</c> is Elasticsearch's record, <c>source</c> an outlet).</summary>
    private static bool IsContainer(string name)
    {
        string trimmed = name.Trim(), bare = trimmed.TrimStart('_', '@', '$');
        return Containers.Contains(bare) && (bare.Length < trimmed.Length || !FieldMapping.TryMap(trimmed, out _));
    }

    /// <summary>Whether an object has a title, body or summary, its own or in a container.</summary>
    private static bool HoldsArticle(JsonElement obj)
    {
        foreach (JsonProperty property in obj.EnumerateObject())
        {
            if (FieldMapping.TryMap(property.Name, out var field) && FieldMapping.IsText(field))
                return true;
            if (property.Value.ValueKind == JsonValueKind.Object && IsContainer(property.Name))
                foreach (JsonProperty inner in property.Value.EnumerateObject())
                    if (FieldMapping.TryMap(inner.Name, out var f) && FieldMapping.IsText(f))
                        return true;
        }
        return false;
    }

    /// <summary>The first array of article objects in <paramref name="obj"/>, nearest first.</summary>
    private static JsonElement? FindList(JsonElement obj, int depth)
    {
        foreach (JsonProperty property in obj.EnumerateObject())
            if (property.Value.ValueKind == JsonValueKind.Array && property.Value.EnumerateArray().Any(i => i.ValueKind == JsonValueKind.Object && HoldsArticle(i)))
                return property.Value;
        if (depth > 1)
            foreach (JsonProperty property in obj.EnumerateObject())
                if (property.Value.ValueKind == JsonValueKind.Object && FindList(property.Value, depth - 1) is { } inner)
                    return inner;
        return null;
    }

    private static void Apply(Article article, ArticleField field, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                var items = new List<string>();
                foreach (JsonElement item in value.EnumerateArray())
                    if (Text(item) is string text)
                        items.Add(text);
                FieldMapping.ApplyList(article, field, items);
                break;
            default:
                if (Text(value) is string scalar)
                    FieldMapping.Apply(article, field, scalar);
                break;
        }
    }

    /// <summary>Text of a string, number or boolean; of an object, what its <see cref="ExtendedJson"/>
    /// type holds (a <c>$numberLong</c> in a <c>$date</c>: two levels, <paramref name="depth"/>), or the first of <see cref="ObjectText"/>
    /// it has as a string; else null.</summary>
    private static string? Text(JsonElement value, int depth = 0)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                return value.GetRawText();
            case JsonValueKind.Object:
                if (depth < 2)
                    foreach (string name in ExtendedJson)
                        if (value.TryGetProperty(name, out JsonElement typed))
                            return Text(typed, depth + 1);
                foreach (string name in ObjectText)
                    if (value.TryGetProperty(name, out JsonElement inner) && inner.ValueKind == JsonValueKind.String)
                        return inner.GetString();
                return null;
            default:
                return null;
        }
    }
}
