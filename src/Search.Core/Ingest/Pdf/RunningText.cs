namespace Search.Core.Ingest.Pdf;

/// <summary>
/// Finds running headers, footers and page numbers: lines in the top or bottom band of a page that
/// recur, with digits ignored ("Page 2" = "Page 3"), on at least two pages and on at least a third of
/// the pages; and lines in those bands that are only a page number ("7", "Page 7", "7 of 12", "- 7 -",
/// "7/12"); and a header set apart at the top of later pages (<see cref="IsolatedHeader"/>).
/// Lines in the body of the page are never touched, so a quote repeated in the text stays.
/// </summary>
public static partial class RunningText
{
    /// <summary>Share of the page height, at the top and at the bottom, where running text lives.</summary>
    private const double Band = 0.12;

    private const int IsolatedMaxWords = 8;
    private const double IsolationGap = 2;

    public static HashSet<PdfLine> Find(IReadOnlyList<PdfLine> lines, IReadOnlyDictionary<int, double> pageHeights)
    {
        var found = new HashSet<PdfLine>();
        var inBands = lines.Where(l => InBand(l, pageHeights)).ToList();
        int pages = pageHeights.Count;
        foreach (var group in inBands.GroupBy(l => l.Shape))
        {
            int onPages = group.Select(l => l.Page).Distinct().Count();
            if (pages >= 2 && onPages >= 2 && onPages * 3 >= pages)
                found.UnionWith(group);
        }
        var sizes = lines.Select(l => l.FontSize).Order().ToList();
        double bodySize = sizes[sizes.Count / 2];
        foreach (PdfLine line in inBands)
            if (PageNumber().IsMatch(line.Text.Trim()) || IsolatedHeader(line, lines, pageHeights, bodySize))
                found.Add(line);
        return found;
    }

    /// <summary>A header that only continuation pages carry, so it cannot repeat in a two-page
    /// document: on a page after the first, in the top band, in type no larger than the body's, at
    /// most <see cref="IsolatedMaxWords"/> words without a full stop, and set off from the page's
    /// text below it by a gap of at least <see cref="IsolationGap"/> times its type size.</summary>
    private static bool IsolatedHeader(PdfLine line, IReadOnlyList<PdfLine> lines, IReadOnlyDictionary<int, double> pageHeights, double bodySize)
    {
        if (line.Page == lines[0].Page || line.Box.Bottom < pageHeights[line.Page] * (1 - Band) || line.FontSize > bodySize
            || line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > IsolatedMaxWords || line.Text.TrimEnd().EndsWith('.'))
            return false;
        double gap = double.MaxValue;
        foreach (PdfLine other in lines)
            if (other.Page == line.Page && other.Box.Top < line.Box.Bottom)
                gap = Math.Min(gap, line.Box.Bottom - other.Box.Top);
        return gap >= IsolationGap * line.FontSize; // font size, not box height: some fonts give lines no height
    }

    private static bool InBand(PdfLine line, IReadOnlyDictionary<int, double> pageHeights)
    {
        double height = pageHeights[line.Page];
        return line.Box.Bottom >= height * (1 - Band) || line.Box.Top <= height * Band;
    }

    [GeneratedRegex(@"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
