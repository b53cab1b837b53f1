using Search.Core.Ingest.Html;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Search.Core.Ingest.Pdf;

/// <summary>What <see cref="PdfExtractor"/> found in one PDF; <see cref="Problem"/> says why there
/// is no article (a scan without text layer, no text at all).</summary>
public sealed record ExtractedPdf(string Title, string? Author, string? Published, string Body, string? Problem, string? Language = null);

/// <summary>
/// Extracts one article from a PDF: lines in reading order page by page (<see cref="PdfPageReader"/>),
/// running headers, footers and page numbers removed (<see cref="RunningText"/>), title, byline and
/// dateline taken from the first page's layout (<see cref="FirstPageHeading"/>) with the document's
/// Info/XMP metadata as fallback (<see cref="PdfInfo"/>), lines joined into paragraphs with
/// hyphenation undone (<see cref="PdfParagraphs"/>), and page furniture dropped
/// (<see cref="Boilerplate"/>). Thread-safe.
/// </summary>
public static class PdfExtractor
{
    /// <summary>Pages read at most: an article is not longer; a 2,000-page book is not an article.</summary>
    public const int MaxPages = 200;

    public static ExtractedPdf Extract(byte[] bytes)
    {
        using PdfDocument document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        var lines = new List<PdfLine>();
        var heights = new Dictionary<int, double>();
        int images = 0;
        for (int n = 1; n <= Math.Min(document.NumberOfPages, MaxPages); n++)
        {
            Page page = document.GetPage(n);
            heights[n] = page.Height;
            lines.AddRange(PdfPageReader.Lines(page));
            if (lines.Count == 0)
                images += page.GetImages().Count();
        }
        if (lines.Count == 0)
            return new("", null, null, "", images > 0
                ? "scanned PDF: no text layer (pages are images; OCR is not done)"
                : "no text in the PDF");

        HashSet<PdfLine> running = RunningText.Find(lines, heights);
        var content = lines.Where(l => !running.Contains(l)).ToList();
        if (content.Count == 0)
            return new("", null, null, "", "no text in the PDF besides headers and footers");
        FirstPageHeading heading = FirstPageHeading.Find(content, heights[content[0].Page]);
        PdfInfo info = PdfInfo.Read(document);

        var paragraphs = Boilerplate.Keep(PdfParagraphs.Build(content.Where(l => !heading.Consumed.Contains(l))));
        string body = string.Join("\n\n", paragraphs);
        // The headline right above the article first: on a printed web page the largest type on page
        // one is often the site's name or a menu; on a typeset article it is the same heading.
        string title = HeadlineAboveArticle.Find(content, paragraphs.FirstOrDefault()) ?? heading.Title ?? info.Title ?? "";
        int words = Boilerplate.Words(body);
        string? problem = words >= NonArticlePages.MinWords ? null
            : body.Length == 0 ? "no article in the PDF: its text is only links and page furniture (a menu or an index page)"
            : $"no article in the PDF: only {words} words of text besides links and page furniture (an empty page or a font without readable text)";
        return new(title, heading.Author ?? info.Author, heading.Published, problem == null ? body : "", problem, info.Language);
    }
}
