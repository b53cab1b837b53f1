using System.Text.RegularExpressions;

namespace Search.Core.Ingest;

/// <summary>
/// Markdown as the text a reader sees: headings, list items and quotes as paragraphs without
/// their marks, links as their words, emphasis and code marks dropped, images, link definitions,
/// horizontal rules, HTML comments and a site generator's shortcodes (<c>{{&lt; tweet … &gt;}}</c>,
/// <c>{% include … %}</c>) left out; a table's cells as words. Inline HTML stays for the enricher,
/// which reads markup in fields (<see cref="Html.MarkupInFields"/>).
/// </summary>
public static partial class MarkdownText
{
    /// <summary>The paragraphs of <paramref name="lines"/> from <paramref name="start"/>, and the
    /// first level-one heading's text (null when there is none), which the caller may take as the
    /// title and leave out of the body.</summary>
    public static string ToPlain(IReadOnlyList<string> lines, int start, bool dropFirstHeading, out string? firstHeading)
    {
        firstHeading = null;
        var text = new ParagraphText();
        bool inFence = false, inComment = false;
        for (int i = start; i < lines.Count; i++)
        {
            string line = lines[i];
            string trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                text.Break();
                continue;
            }
            if (inFence)
            {
                text.AddLine(line);
                continue;
            }
            if (inComment || trimmed.StartsWith("<!--", StringComparison.Ordinal))
            {
                inComment = !trimmed.Contains("-->", StringComparison.Ordinal);
                continue;
            }
            if (trimmed.Length == 0 || Rule().IsMatch(trimmed) || LinkDefinition().IsMatch(trimmed) || TableDivider().IsMatch(trimmed)
                || (i > start && SetextUnderline().IsMatch(trimmed) && lines[i - 1].Trim().Length > 0))
            {
                text.Break();
                continue;
            }
            if (Heading().Match(trimmed) is { Success: true } heading)
            {
                string words = Inline(heading.Groups[2].Value.TrimEnd('#', ' '));
                text.Break();
                if (heading.Groups[1].Length == 1 && firstHeading == null)
                {
                    firstHeading = words;
                    if (dropFirstHeading)
                        continue;
                }
                text.AddLine(words);
                text.Break();
                continue;
            }
            if (ListItem().Match(trimmed) is { Success: true } item)
            {
                text.Break();
                trimmed = item.Groups[1].Value;
            }
            trimmed = Quote().Replace(trimmed, "");
            if (trimmed.StartsWith('|'))
                trimmed = trimmed.Replace('|', ' ');
            string plain = Inline(trimmed);
            if (plain.Length > 0)
                text.AddLine(plain);
        }
        return text.ToString();
    }

    /// <summary>A line's inline marks: images out, links as their words, emphasis and code marks out.</summary>
    public static string Inline(string s)
    {
        s = Shortcode().Replace(s, "");
        s = Image().Replace(s, "");
        s = Link().Replace(s, "$1");
        s = ReferenceLink().Replace(s, "$1");
        s = Autolink().Replace(s, "$1");
        s = FootnoteReference().Replace(s, "");
        s = Emphasis().Replace(s, "$2");
        s = Code().Replace(s, "$1");
        return s.Trim();
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?:[-*+]|\d{1,3}[.)])\s+(.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^(?:>\s?)+")]
    private static partial Regex Quote();

    [GeneratedRegex(@"^(?:[-*_]\s*){3,}$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^(?:=+|-+)$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^\[[^\]]+\]:\s*\S+")]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex TableDivider();

    [GeneratedRegex(@"\{\{[<%].*?[%>]\}\}|\{%.*?%\}")]
    private static partial Regex Shortcode();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[([^\]]+)\]\[[^\]]*\]")]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"<(https?://[^>\s]+)>")]
    private static partial Regex Autolink();

    [GeneratedRegex(@"\[\^[^\]]+\]")]
    private static partial Regex FootnoteReference();

    /// <summary>**bold**, __bold__, *em*, _em_, ~~struck~~: the marks out, the words kept; an
    /// underscore inside a word (snake_case) is not a mark.</summary>
    [GeneratedRegex(@"(\*\*|__|~~|\*|(?<!\w)_)(?=\S)(.+?)(?<=\S)\1(?!\w)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"`+([^`]+)`+")]
    private static partial Regex Code();
}
