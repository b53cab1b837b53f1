using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace Search.Core.Ingest.Pdf;

/// <summary>
/// The lines of one page in reading order. PdfPig's <c>page.Text</c> is content-stream order, which
/// interleaves columns and puts headers anywhere; here letters are de-duplicated (fake bold draws
/// text twice), grouped into words by nearest neighbours, words into blocks by the Docstrum page
/// segmenter (one block per column paragraph), and blocks ordered by PdfPig's unsupervised reading
/// order detector (columns left to right, each top to bottom). Each line carries the share of its
/// letters that lie inside a link annotation (<see cref="PdfLine.Linked"/>).
/// </summary>
public static class PdfPageReader
{
    public static List<PdfLine> Lines(Page page)
    {
        var lines = new List<PdfLine>();
        IReadOnlyList<Letter> letters = DuplicateOverlappingTextProcessor.Get(page.Letters);
        if (letters.Count == 0)
            return lines;
        var words = NearestNeighbourWordExtractor.Instance.GetWords(letters).Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        if (words.Count == 0)
            return lines;
        var links = LinkAreas(page);
        IReadOnlyList<TextBlock> blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        int blockIndex = 0;
        foreach (TextBlock block in UnsupervisedReadingOrderDetector.Instance.Get(blocks))
        {
            foreach (TextLine line in block.TextLines)
            {
                string text = string.Join(' ', line.Words.Select(w => w.Text));
                if (text.Trim().Length == 0)
                    continue;
                lines.Add(new PdfLine(text, line.BoundingBox, FontSize(line), page.Number, blockIndex) { Linked = LinkedShare(line, links) });
            }
            blockIndex++;
        }
        return lines;
    }

    private static List<PdfRectangle> LinkAreas(Page page)
    {
        try
        {
            return page.GetAnnotations().Where(a => a.Type == AnnotationType.Link).Select(a => a.Rectangle).ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return []; // a damaged annotation array costs the link cue, not the page's text
        }
    }

    /// <summary>Share of the line's letters whose centre lies in one of the link areas.</summary>
    private static double LinkedShare(TextLine line, List<PdfRectangle> links)
    {
        if (links.Count == 0)
            return 0;
        int letters = 0, linked = 0;
        foreach (Word word in line.Words)
        {
            PdfPoint c = word.BoundingBox.Centroid;
            bool inLink = links.Exists(r => c.X >= r.Left && c.X <= r.Right && c.Y >= r.Bottom && c.Y <= r.Top);
            letters += word.Letters.Count;
            if (inLink)
                linked += word.Letters.Count;
        }
        return letters == 0 ? 0 : (double)linked / letters;
    }

    /// <summary>Median size of the line's letters (glyph height when the font size is not usable).</summary>
    private static double FontSize(TextLine line)
    {
        var sizes = line.Words.SelectMany(w => w.Letters)
            .Select(l => l.PointSize > 0.5 ? l.PointSize : l.BoundingBox.Height)
            .Where(s => s > 0).OrderBy(s => s).ToList();
        return sizes.Count == 0 ? line.BoundingBox.Height : sizes[sizes.Count / 2];
    }
}
