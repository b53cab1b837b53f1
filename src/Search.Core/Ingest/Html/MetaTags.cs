using AngleSharp.Dom;

namespace Search.Core.Ingest.Html;

/// <summary>A page's <c>&lt;meta&gt;</c> values by lower-cased <c>property</c>, <c>name</c> or
/// <c>itemprop</c> (each key keeps its values in page order), plus <c>itemprop</c> elements'
/// <c>content</c>/<c>datetime</c>.</summary>
public sealed class MetaTags
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public static MetaTags Read(IDocument document)
    {
        var tags = new MetaTags();
        foreach (IElement meta in document.QuerySelectorAll("meta"))
        {
            string? content = meta.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content))
                continue;
            foreach (string attribute in (string[])["property", "name", "itemprop", "http-equiv"])
                if (meta.GetAttribute(attribute) is { } key)
                    foreach (string k in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        tags.Add(k.ToLowerInvariant(), content.Trim());
        }
        foreach (IElement e in document.QuerySelectorAll("[itemprop=datePublished]"))
            if ((e.GetAttribute("datetime") ?? e.GetAttribute("content")) is { } value)
                tags.Add("datepublished", value.Trim());
        return tags;
    }

    private void Add(string key, string value)
    {
        if (!_values.TryGetValue(key, out var list))
            _values[key] = list = [];
        list.Add(value);
    }

    /// <summary>The first value of the first key that has one.</summary>
    public string? First(params string[] keys)
    {
        foreach (string key in keys)
            if (_values.TryGetValue(key, out var list) && list.Count > 0)
                return list[0];
        return null;
    }

    /// <summary>Every value of the keys, keys in the order given.</summary>
    public IEnumerable<string> All(params string[] keys)
    {
        foreach (string key in keys)
            if (_values.TryGetValue(key, out var list))
                foreach (string v in list)
                    yield return v;
    }
}
