namespace Search.Core.Ingest.Pdf;

/// <summary>
/// The headline of a printed web page: the nearest line in large type above where the article's
/// text begins. A browser prints the whole page, so the largest type near the top of page one is
/// as often the site's name, a menu heading ("Accessibility links") or a teaser as the headline;
/// the largest type among the lines right above the article (the byline, date, share links and a
/// photo caption sit between them in small type) is the headline.
/// </summary>
public static class HeadlineAboveArticle
{
    /// <summary>The headline's type must be this much larger than the median body type.</summary>
    private const double Scale = 1.15;

    /// <summary>Lines looked at above the article's first line (byline, date, share links, a photo caption).</summary>
    private const int Lookback = 25;

    private const int MaxLines = 4;

    /// <summary>A headline's size: three words or more (box headings, "Most Popular", have fewer) and
    /// at most 200 characters (longer is a teaser paragraph in large type).</summary>
    private const int MinWords = 3, MaxLength = 200;

    /// <summary>The headline, or null when no line above the article is in larger type.</summary>
    /// <param name="lines">The page's lines in reading order, running headers and footers removed.</param>
    /// <param name="firstParagraph">The article's first paragraph as extracted.</param>
    public static string? Find(IReadOnlyList<PdfLine> lines, string? firstParagraph)
    {
        if (string.IsNullOrEmpty(firstParagraph) || lines.Count == 0)
            return null;
        int start = StartOf(lines, firstParagraph);
        if (start <= 0)
            return null;
        double body = Median(lines.Select(l => l.FontSize));
        string? best = null;
        double bestSize = 0;
        for (int i = start - 1; i >= Math.Max(0, start - Lookback); i--)
        {
            PdfLine line = lines[i];
            if (line.FontSize < body * Scale || line.FontSize <= bestSize + 0.5 || !line.Text.Any(char.IsLetter))
                continue;
            int first = i;
            while (first > 0 && i - first + 1 < MaxLines && Math.Abs(lines[first - 1].FontSize - line.FontSize) < 0.5
                   && lines[first - 1].Page == line.Page)
                first--;
            var text = new ParagraphText();
            for (int j = first; j <= i; j++)
                text.AddLine(lines[j].Text.Trim());
            string title = ParagraphText.CollapseWhitespace(text.ToString());
            if (IsHeadline(title))
            {
                best = title;
                bestSize = line.FontSize;
            }
            i = first;
        }
        return best;
    }

    /// <summary>Box headings ("Most Popular", "Related articles", "Notice"), prompts ("Follow us
    /// online:") and teaser paragraphs in large type are not headlines.</summary>
    private static bool IsHeadline(string title)
    {
        string[] words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool unspacedScript = title.Any(c => c is >= '\u0E00' and <= '\u0EFF' || c >= '\u3040'); // Thai, kana, CJK: counted by length
        if (title.Count(char.IsLetter) < 3 || title.Length > MaxLength || title.TrimEnd().EndsWith(':'))
            return false;
        if (words.Length < MinWords && !(unspacedScript && title.Length >= 6))
            return false;
        return !(words.Length <= 4 && BoxWords.Contains(words[0].Trim('.', ',', ':').ToLowerInvariant()));
    }

    /// <summary>First words of the headings of page boxes and calls to action ("Follow by Email",
    /// "Share this story", "More from UK", "Related articles", "Most read in world news").</summary>
    private static readonly HashSet<string> BoxWords =
    [
        "follow", "share", "subscribe", "sign", "explore", "more", "related", "read", "watch", "listen", "download",
        "join", "most", "popular", "trending", "recommended", "advertisement", "comments", "leave", "shopping", "breaking",
        "latest", "editor's", "editors'", "sponsored", "newsletter", "accessibility", "skip", "menu", "search",
    ];

    /// <summary>The index of the line the paragraph begins with.</summary>
    private static int StartOf(IReadOnlyList<PdfLine> lines, string paragraph)
    {
        string head = Squash(paragraph);
        for (int i = 0; i < lines.Count; i++)
        {
            string line = Squash(lines[i].Text);
            if (line.Length >= 8 && head.StartsWith(line[..Math.Min(line.Length, 40)], StringComparison.Ordinal))
                return i;
        }
        return -1;
    }

    private static string Squash(string s) => new(s.Where(char.IsLetterOrDigit).ToArray());

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
