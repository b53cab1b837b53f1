using Search.Core.Ingest.Html;

namespace Search.Core.Ingest.Pdf;

/// <summary>
/// Title, byline and dateline where a news PDF prints them: the title is the run of lines in the
/// largest type on the first page (clearly larger than the body text, in its upper part); a short
/// line right after it that reads "By …" or is a few capitalised words is the byline; a line among
/// the next few that is a date is the dateline. Everything printed above the title on that page
/// (mastheads, menus) is not article text.
/// </summary>
public sealed record FirstPageHeading(string? Title, string? Author, string? Published, HashSet<PdfLine> Consumed)
{
    /// <summary>The title's type must be this much larger than the median body type.</summary>
    private const double TitleScale = 1.15;

    /// <summary>The title starts in this top share of the first page.</summary>
    private const double TitleZone = 0.6;

    private const int MaxTitleLines = 4, MaxBylineWords = 8, DatelineLookahead = 4;

    public static FirstPageHeading Find(IReadOnlyList<PdfLine> lines, double firstPageHeight)
    {
        var consumed = new HashSet<PdfLine>();
        var first = lines.Where(l => l.Page == lines[0].Page).ToList();
        if (first.Count == 0)
            return new(null, null, null, consumed);
        double body = Median(lines.Select(l => l.FontSize));
        double largest = first.Where(l => l.Box.Top >= firstPageHeight * (1 - TitleZone) && l.Text.Any(char.IsLetter)).Select(l => l.FontSize).DefaultIfEmpty(0).Max();
        if (largest < body * TitleScale)
            return new(null, null, null, consumed);
        int start = first.FindIndex(l => Math.Abs(l.FontSize - largest) < 0.5 && l.Box.Top >= firstPageHeight * (1 - TitleZone) && l.Text.Any(char.IsLetter));
        int end = start;
        while (end + 1 < first.Count && end - start + 1 < MaxTitleLines && Math.Abs(first[end + 1].FontSize - largest) < 0.5)
            end++;
        var titleText = new ParagraphText();
        foreach (PdfLine line in first.Skip(start).Take(end - start + 1))
            titleText.AddLine(line.Text.Trim()); // undoes "in-" + "terviews" as in the body
        string title = titleText.ToString();
        // Above on the page, not earlier in reading order: the reading order may put the article's
        // first paragraphs before the title when the page's blocks sit side by side.
        double titleTop = first[start].Box.Top;
        for (int i = 0; i <= end; i++)
            if (i >= start || first[i].Box.Bottom >= titleTop)
                consumed.Add(first[i]);

        string? author = null, published = null;
        int next = end + 1;
        if (next < first.Count && IsByline(first[next].Text))
        {
            author = PageMetadata.Empty(Bylines.Clean(first[next].Text));
            consumed.Add(first[next]);
            next++;
        }
        for (int i = next; i < Math.Min(first.Count, next + DatelineLookahead); i++)
        {
            string text = first[i].Text.Trim();
            if (text.Length <= 60 && VisibleDates.FindDate(text) is { } date)
            {
                published = date;
                consumed.Add(first[i]);
                break;
            }
        }
        return new(ParagraphText.CollapseWhitespace(title), author, published, consumed);
    }

    private static bool IsByline(string line)
    {
        string t = line.Trim();
        string[] words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > MaxBylineWords || t.EndsWith('.'))
            return false;
        if (t.StartsWith("by ", StringComparison.OrdinalIgnoreCase))
            return true;
        return words.All(w => char.IsUpper(w[0]) || w is "and" or "&" or "," or "de" or "van" or "von") && !words.Any(w => w.Any(char.IsDigit));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
