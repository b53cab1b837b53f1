namespace Search.Core.Ingest;

/// <summary>
/// A list written inline as text: YAML's and TOML's <c>[a, "b, c"]</c> in front matter, and the
/// list a CSV cell holds when pandas saved a list column (<c>['Jane Doe', "Conan O'Brien"]</c>,
/// newspaper3k's and news-please's <c>authors</c>, <c>keywords</c>) or a JSON array was written
/// into one (<c>["economy", "politics"]</c>).
/// </summary>
public static class ListLiteral
{
    /// <summary>The items of <paramref name="value"/> when it is a whole bracketed list whose items
    /// are all quoted (so "[Video] Storm" or "[1]" is no list), without their quotes; else null.</summary>
    public static List<string>? TryRead(string value)
    {
        string v = value.Trim();
        if (v.Length < 2 || v[0] != '[' || v[^1] != ']')
            return null;
        var items = new List<string>();
        foreach (string raw in Items(v[1..^1]))
        {
            string item = raw.Trim();
            if (item.Length == 0)
                continue;
            if (item.Length < 2 || item[0] is not ('"' or '\'') || item[^1] != item[0])
                return null;
            items.Add(item[1..^1].Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal).Trim());
        }
        return items;
    }

    /// <summary>The items, as written (quotes and all), of the inside of an inline list
    /// <c>[a, "b, c"]</c>: split at the commas outside quotes (a tag "Washington, D.C." is one item).</summary>
    public static IEnumerable<string> Items(string list)
    {
        int start = 0;
        char quote = '\0';
        for (int i = 0; i < list.Length; i++)
        {
            char c = list[i];
            if (quote != '\0')
            {
                if (c == quote && (c == '\'' || list[i - 1] != '\\'))
                    quote = '\0';
            }
            else if (c is '"' or '\'' && list.AsSpan(start, i - start).Trim().IsEmpty)
                quote = c;
            else if (c == ',')
            {
                yield return list[start..i];
                start = i + 1;
            }
        }
        yield return list[start..];
    }
}
