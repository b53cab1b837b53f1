using System.Text.RegularExpressions;

namespace Search.Core.Snippets;

/// <summary>Markers around highlighted words in snippets; renderers turn them into colour,
/// <c>**bold**</c> or <c>&lt;mark&gt;</c>.</summary>
public static partial class Highlight
{
    public const char Open = '\u0002';
    public const char Close = '\u0003';

    /// <summary>The highlight in the snippets of <c>--json</c> and the API.</summary>
    public const string MarkOpen = "<mark>", MarkClose = "</mark>";

    /// <summary>What goes between the <c>&lt;</c> and the rest of a <c>&lt;mark&gt;</c> or
    /// <c>&lt;/mark&gt;</c> the article itself holds: WORD JOINER, which shows as nothing, so the
    /// text reads as written but is no longer the marker.</summary>
    public const char Neutraliser = '\u2060';

    public static string Strip(string text) => text.Replace(Open.ToString(), "").Replace(Close.ToString(), "");

    public static string Replace(string text, string open, string close) =>
        text.Replace(Open.ToString(), open).Replace(Close.ToString(), close);

    /// <summary>The highlights as <c>&lt;mark&gt;…&lt;/mark&gt;</c>. A <c>&lt;mark&gt;</c> or
    /// <c>&lt;/mark&gt;</c> in the article's own text (in any letter case) is neutralised first,
    /// so that only the query's matches read as highlights; text without one is unchanged.</summary>
    public static string AsMarkTags(string text)
    {
        if (text.Contains("mark>", StringComparison.OrdinalIgnoreCase))
            text = LiteralMark().Replace(text, m => "<" + Neutraliser + m.Value[1..]);
        return Replace(text, MarkOpen, MarkClose);
    }

    [GeneratedRegex("</?mark>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LiteralMark();
}
