using System.Text.RegularExpressions;

namespace Search.Core.Ingest.Pdf;

/// <summary>
/// Finds running headers, footers and page numbers: lines in the top or bottom band of a page that
/// recur, with digits ignored ("Page 2" = "Page 3"), on at least two pages and on at least a third of
/// the pages; and lines in those bands that are only a page number ("7", "Page 7", "7 of 12", "- 7 -",
/// "7/12"). Lines in the body of the page are never touched, so a quote repeated in the text stays.
/// </summary>
public static partial class RunningText
{
    /// <summary>Share of the page height, at the top and at the bottom, where running text lives.</summary>
    private const double Band = 0.12;

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
        foreach (PdfLine line in inBands)
            if (PageNumber().IsMatch(line.Text.Trim()))
                found.Add(line);
        return found;
    }

    private static bool InBand(PdfLine line, IReadOnlyDictionary<int, double> pageHeights)
    {
        double height = pageHeights[line.Page];
        return line.Box.Bottom >= height * (1 - Band) || line.Box.Top <= height * Band;
    }

    [GeneratedRegex(@"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
