using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Search.Core.Ingest.Html;

/// <summary>
/// Author names from meta tags and visible bylines, cleaned of what pages wrap them in: "By",
/// "Written by", "Follow", "Updated …", e-mail addresses, a trailing date, "| Reuters".
/// </summary>
public static partial class Bylines
{
    /// <summary>A byline longer than this is a sentence, not a name list.</summary>
    private const int MaxLength = 100;

    private static readonly string[] VisibleSelectors =
    [
        "[rel~=author]", "[itemprop~=author] [itemprop~=name]", "[itemprop~=author]", "[class*=byline]", "[id*=byline]",
        "[class*=author-name]", "[class*=author_name]", "[class*=authorName]", "[class~=author]", "[class*=article-author]",
    ];

    /// <summary>The first usable author from meta values (URLs and @handles are not names).</summary>
    public static string? FromMeta(IEnumerable<string> values)
    {
        foreach (string value in values)
        {
            if (value.Contains("://", StringComparison.Ordinal) || value.StartsWith('@') || value.Contains("www.", StringComparison.OrdinalIgnoreCase))
                continue;
            string name = Clean(value);
            if (name.Length > 0)
                return name;
        }
        return null;
    }

    /// <summary>The first visible byline in the page, searched inside <c>&lt;article&gt;</c> first.</summary>
    public static string? Visible(IDocument document)
    {
        IParentNode[] scopes = document.QuerySelector("article") is { } article ? [article, document] : [document];
        foreach (IParentNode scope in scopes)
            foreach (string selector in VisibleSelectors)
                foreach (IElement e in scope.QuerySelectorAll(selector).Take(5))
                {
                    if (e.Closest("header, article, main, [class*=byline]") == null && e.Closest("footer, aside, nav, [class*=comment]") != null)
                        continue;
                    string text = e.LocalName == "meta" ? e.GetAttribute("content") ?? "" : e.TextContent;
                    string name = Clean(text);
                    if (name.Length > 1 && name.Any(char.IsLetter) && !name.Contains("://", StringComparison.Ordinal))
                        return name;
                }
        return null;
    }

    /// <summary>Cleans one byline: collapses space, removes "By"/"Written by", "Follow …", e-mail
    /// addresses, a date after the names, and a trailing "| Outlet". Empty when nothing name-like is left.</summary>
    public static string Clean(string raw)
    {
        string s = Search.Core.Ingest.ParagraphText.CollapseWhitespace(System.Net.WebUtility.HtmlDecode(raw));
        s = Email().Replace(s, "");
        s = Handle().Replace(s, "");
        s = LeadingBy().Replace(s, "");
        s = Trailing().Replace(s, "");
        s = NameJoiner().Replace(s, ", ");
        if (s.EndsWith(':') || s.EndsWith('：'))
            return ""; // a label ("Author:") whose name is elsewhere
        s = s.Trim(' ', ',', '|', '-', '–', '—', ':', '·', '•');
        if (s.Length == 0 || s.Length > MaxLength || !s.Any(char.IsLetter))
            return "";
        if (s.Count(char.IsDigit) >= 4)
            return ""; // a date or time ("21.dez.2018 às 10h55"), not a name
        return s;
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+")]
    private static partial Regex Email();

    /// <summary>"@handle" and everything after it (social links follow the names).</summary>
    [GeneratedRegex(@"\s*@\w+.*$")]
    private static partial Regex Handle();

    /// <summary>"A and B", "A et B", "A & B" between names: listed as "A, B".</summary>
    [GeneratedRegex(@"\s+(?:and|&|et|und|y|e|en|i|og|och)\s+(?=\p{Lu})")]
    private static partial Regex NameJoiner();

    [GeneratedRegex(@"^(?:(?:written|posted|reported|words|story|text)\s+)?(?:by|par|por|von|door|di|da|av|przez)\s*:?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingBy();

    [GeneratedRegex(@"(?:\s*(?:\||•|·|—|–|\bon\b|\bupdated\b|\bpublished\b|\bposted\b|\bfollow\b|\bcontact\b|\bmore by\b|\bemail\b|\btwitter\b)\s*.*|\s*,?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}.*|\s*\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}.*|\s*\d{4}-\d\d-\d\d.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Trailing();
}
