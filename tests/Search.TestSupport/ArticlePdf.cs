using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Search.Tests.Support;

/// <summary>
/// Makes news PDFs as print editions lay them out: a large title, a byline and a dateline on page
/// one, then two justified columns of 10 pt text with words hyphenated at line ends, a running
/// header on later pages and a footer with the page number on every page. The text is known, so
/// tests can check reading order, de-hyphenation and what must not be in the body.
/// </summary>
public static class ArticlePdf
{
    public const string Title = "Council approves the new river bridge";
    public const string Byline = "By Maria Keller";
    public const string Dateline = "Tuesday, May 11, 2021";

    /// <summary>The article's paragraphs, each printed as its own block; the body must read them in order.</summary>
    public static readonly string[] Paragraphs =
    [
        "The city council voted on Monday to build a second bridge across the river, ending a debate that has lasted for more than ten years.",
        "Supporters said the bridge would cut journeys between the northern districts and the hospital by half, while opponents warned about the cost.",
        "Construction is expected to begin next spring and to take three years, during which the old ferry will keep running every twenty minutes.",
        "The mayor said the vote showed that the city could still agree on large projects, and thanked the residents who had attended the hearings.",
        "Engineers will now prepare detailed plans, which must be approved by the regional government before any contracts are signed.",
        "A public exhibition of the designs will open at the town hall next month, and residents will be able to comment on them until the summer.",
    ];

    private const double PageWidth = 595, PageHeight = 842, Margin = 56, Gutter = 20, FontSize = 10, Leading = 13;
    private const int CharsPerLine = 42;

    public static byte[] Build(int pages = 2, string? infoTitle = null, string? infoAuthor = null, bool heading = true)
    {
        var builder = new PdfDocumentBuilder();
        PdfDocumentBuilder.AddedFont font = builder.AddStandard14Font(Standard14Font.TimesRoman);
        PdfDocumentBuilder.AddedFont bold = builder.AddStandard14Font(Standard14Font.TimesBold);
        if (infoTitle != null) builder.DocumentInformation.Title = infoTitle;
        if (infoAuthor != null) builder.DocumentInformation.Author = infoAuthor;

        // Lay the paragraphs out as lines, hyphenating where a word does not fit.
        var lines = new List<(string Text, bool ParagraphEnd)>();
        foreach (string p in Paragraphs)
        {
            var wrapped = Wrap(p);
            for (int i = 0; i < wrapped.Count; i++)
                lines.Add((wrapped[i], i == wrapped.Count - 1));
        }
        double columnWidth = (PageWidth - 2 * Margin - Gutter) / 2;
        int perColumn = (int)Math.Ceiling(lines.Count / (2.0 * pages)) + 1;
        int next = 0;
        for (int n = 1; n <= pages; n++)
        {
            PdfPageBuilder page = builder.AddPage(PageWidth, PageHeight);
            double top = PageHeight - Margin;
            if (n == 1 && heading)
            {
                page.AddText(Title, 22, new PdfPoint(Margin, top - 22), bold);
                page.AddText(Byline, 11, new PdfPoint(Margin, top - 48), font);
                page.AddText(Dateline, 11, new PdfPoint(Margin, top - 63), font);
                top -= 95;
            }
            else
            {
                page.AddText("The Riverside Gazette", 9, new PdfPoint(Margin, PageHeight - 36), font);
                page.AddText("May 11, 2021", 9, new PdfPoint(PageWidth - Margin - 60, PageHeight - 36), font);
            }
            for (int column = 0; column < 2; column++)
            {
                double x = Margin + column * (columnWidth + Gutter);
                double y = top - FontSize;
                for (int i = 0; i < perColumn && next < lines.Count; i++, next++)
                {
                    page.AddText(lines[next].Text, FontSize, new PdfPoint(x, y), font);
                    y -= lines[next].ParagraphEnd ? Leading * 1.8 : Leading;
                }
            }
            page.AddText("riverside-gazette.example", 8, new PdfPoint(Margin, 30), font);
            page.AddText($"Page {n}", 8, new PdfPoint(PageWidth / 2 - 12, 30), font);
        }
        return builder.Build();
    }

    /// <summary>A page that is only an image: what a scanner makes.</summary>
    public static byte[] Scanned()
    {
        var builder = new PdfDocumentBuilder();
        PdfPageBuilder page = builder.AddPage(PageWidth, PageHeight);
        page.AddPng(OnePixelPng, new PdfRectangle(0, 0, PageWidth, PageHeight));
        return builder.Build();
    }

    /// <summary>Greedy wrapping at <see cref="CharsPerLine"/>; a long word that would overflow is split with a hyphen.</summary>
    private static List<string> Wrap(string text)
    {
        var lines = new List<string>();
        string line = "";
        foreach (string word in text.Split(' '))
        {
            string candidate = line.Length == 0 ? word : line + " " + word;
            if (candidate.Length <= CharsPerLine)
            {
                line = candidate;
                continue;
            }
            int room = CharsPerLine - line.Length - 2;
            if (word.Length >= 8 && room >= 3 && char.IsLower(word[room]))
            {
                lines.Add(line + " " + word[..room] + "-");
                line = word[room..];
            }
            else
            {
                lines.Add(line);
                line = word;
            }
        }
        if (line.Length > 0)
            lines.Add(line);
        return lines;
    }

    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");
}
