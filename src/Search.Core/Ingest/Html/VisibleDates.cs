using AngleSharp.Dom;

namespace Search.Core.Ingest.Html;

/// <summary>
/// Publication dates a page shows rather than declares: <c>&lt;time&gt;</c> elements in the article
/// header (marked <c>pubdate</c>, or the first one in the article), and, as a last resort, a date
/// written in a short element whose class or id says date/time/published near the start of the article.
/// A date labelled "Updated" or "Modified" is passed over while a publication date may follow.
/// </summary>
public static class VisibleDates
{
    /// <summary>Elements of the page looked at for a written date.</summary>
    private const int MaxCandidates = 40;

    /// <summary>A date element's text is at most this long ("Published 10:05 AM EST, Thu March 4, 2021").</summary>
    private const int MaxDateTextLength = 80;

    /// <summary>A date from <c>&lt;time&gt;</c> markup.</summary>
    public static string? FromTimeElements(IDocument document)
    {
        if (document.QuerySelector("time[pubdate]") is { } pub && Parse(pub) is { } d)
            return d;
        IParentNode scope = (IParentNode?)document.QuerySelector("article") ?? document;
        foreach (IElement time in scope.QuerySelectorAll("time").Take(MaxCandidates))
        {
            if (IsUpdated(time) || time.Closest("aside, nav, footer, [class*=comment], [class*=related]") != null)
                continue;
            if (Parse(time) is { } date)
                return date;
        }
        return null;
    }

    /// <summary>A date written in a short date-classed element near the start of the article.</summary>
    public static string? Written(IDocument document)
    {
        IParentNode scope = (IParentNode?)document.QuerySelector("article") ?? document;
        foreach (IElement e in scope.QuerySelectorAll("[class*=date], [class*=time], [class*=publish], [id*=date], [class*=dateline], [class*=meta]").Take(MaxCandidates))
        {
            if (IsUpdated(e) || e.Closest("aside, nav, footer, [class*=comment], [class*=related]") != null)
                continue;
            string text = Search.Core.Ingest.ParagraphText.CollapseWhitespace(e.TextContent);
            if (text.Length is < 6 or > MaxDateTextLength)
                continue;
            if (FindDate(text) is { } date)
                return date;
        }
        return null;
    }

    private static string? Parse(IElement time) =>
        DateParsing.ToIsoDate(time.GetAttribute("datetime")) ?? FindDate(time.TextContent);

    private static bool IsUpdated(IElement e)
    {
        string marks = (e.ClassName ?? "") + " " + (e.GetAttribute("itemprop") ?? "") + " " + (e.ParentElement?.ClassName ?? "");
        if (marks.Contains("modif", StringComparison.OrdinalIgnoreCase) || marks.Contains("updat", StringComparison.OrdinalIgnoreCase))
            return true;
        string text = e.TextContent.TrimStart();
        return text.StartsWith("updated", StringComparison.OrdinalIgnoreCase) || text.StartsWith("last modified", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The first parsable date in a short text: the whole text, or a run of 2-5 of its words
    /// ("Published: March 4, 2021 at 10:05" → 2021-03-04).</summary>
    public static string? FindDate(string text)
    {
        text = Search.Core.Ingest.ParagraphText.CollapseWhitespace(text);
        if (text.Length > MaxDateTextLength * 2)
            return null;
        if (DateParsing.ToIsoDate(text) is { } whole)
            return whole;
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int start = 0; start < words.Length; start++)
            for (int n = Math.Min(5, words.Length - start); n >= 1; n--)
            {
                string candidate = string.Join(' ', words, start, n).Trim(',', '|', '.', ';', '(', ')');
                if (candidate.Length >= 8 && DateParsing.ToIsoDate(candidate) is { } d)
                    return d;
            }
        return null;
    }
}
