namespace Search.Core.Ingest;

/// <summary>
/// The front matter a static site's article starts with (Hugo, Jekyll, Eleventy, Ghost and
/// WordPress exports to Markdown): YAML between <c>---</c> lines or TOML between <c>+++</c> lines,
/// read as keys and values: <c>title: "…"</c>, <c>date = 2024-03-15</c>, lists written
/// <c>[a, b]</c> or as <c>- item</c> lines, a nested <c>name:</c> under a key (<c>author:</c> then
/// <c>  name: Maria Jensen</c>), folded and literal blocks (<c>&gt;</c>, <c>|</c>). Not a full YAML
/// or TOML parser: anchors, tags and nested tables are passed over.
/// </summary>
public static class FrontMatter
{
    /// <summary>Longest front matter read: a file whose fence is not closed within it has none.</summary>
    private const int MaxLines = 300;

    /// <summary>Whether the text starts with a front matter fence.</summary>
    public static bool StartsWithFence(ReadOnlySpan<char> head)
    {
        head = head.TrimStart('\uFEFF');
        return head.StartsWith("---\n") || head.StartsWith("---\r\n") || head.StartsWith("+++\n") || head.StartsWith("+++\r\n");
    }

    /// <summary>The keys and values of the front matter at the top of <paramref name="lines"/>, and
    /// the line after its closing fence; an empty list and 0 when there is none.</summary>
    public static List<(string Key, List<string> Values)> Read(IReadOnlyList<string> lines, out int bodyStart)
    {
        bodyStart = 0;
        var entries = new List<(string Key, List<string> Values)>();
        if (lines.Count == 0)
            return entries;
        string fence = lines[0].Trim('\uFEFF', ' ');
        if (fence is not ("---" or "+++"))
            return entries;
        bool toml = fence == "+++";
        int end = -1;
        for (int i = 1; i < Math.Min(lines.Count, MaxLines); i++)
            if (lines[i].TrimEnd() == fence || (!toml && lines[i].TrimEnd() == "..."))
            {
                end = i;
                break;
            }
        if (end < 0)
            return entries;
        string? blockKey = null;
        bool folded = false;
        for (int i = 1; i < end; i++)
        {
            string line = lines[i];
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || (toml && trimmed.StartsWith('[')))
                continue;
            bool indented = char.IsWhiteSpace(line[0]);
            if (indented && blockKey != null && folded)
            {
                var text = entries[^1].Values;
                if (text.Count == 0)
                    text.Add(trimmed);
                else
                    text[0] += " " + trimmed;
                continue;
            }
            if (indented && blockKey != null && entries.Count > 0)
            {
                // Under a key with no value of its own: list items, a nested name, a folded block.
                string item = trimmed.StartsWith("- ") ? trimmed[2..] : trimmed;
                int colon = item.IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0 && !trimmed.StartsWith("- ") && !IsQuoted(item))
                    item = item[..colon].Trim() is "name" or "title" or "display_name" ? item[(colon + 2)..] : "";
                else if (trimmed.StartsWith("- ") && colon > 0 && item[..colon].Trim() is "name" or "title")
                    item = item[(colon + 2)..];
                if (Unquoted(item) is { Length: > 0 } value)
                    entries[^1].Values.Add(value);
                continue;
            }
            int separator = toml ? trimmed.IndexOf('=') : trimmed.IndexOf(':');
            if (separator <= 0)
            {
                blockKey = null;
                continue;
            }
            string key = trimmed[..separator].Trim().Trim('"', '\'');
            string raw = trimmed[(separator + 1)..].Trim();
            var values = new List<string>();
            if (raw.StartsWith('[') && raw.EndsWith(']'))
                values.AddRange(ListLiteral.Items(raw[1..^1]).Select(Unquoted).Where(v => v.Length > 0));
            else if (raw is not ("" or ">" or "|" or ">-" or "|-"))
                values.Add(Unquoted(raw));
            entries.Add((key, values));
            blockKey = raw is "" or ">" or "|" or ">-" or "|-" ? key : null;
            folded = raw.Length > 0 && blockKey != null;
        }
        bodyStart = end + 1;
        return entries;
    }

    private static bool IsQuoted(string s) => s.Length >= 2 && s[0] is '"' or '\'';

    /// <summary>A scalar without its quotes (and YAML's doubled single quote, TOML's and YAML's
    /// escaped double quote), or as written.</summary>
    private static string Unquoted(string value)
    {
        string v = value.Trim();
        if (v.Length >= 2 && v[0] == '"' && v[^1] == '"')
            return v[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\n", " ", StringComparison.Ordinal);
        if (v.Length >= 2 && v[0] == '\'' && v[^1] == '\'')
            return v[1..^1].Replace("''", "'", StringComparison.Ordinal);
        int comment = v.IndexOf(" #", StringComparison.Ordinal);
        return comment > 0 ? v[..comment].TrimEnd() : v;
    }
}
