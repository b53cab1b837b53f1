using UglyToad.PdfPig.Core;

namespace Search.Core.Ingest.Pdf;

/// <summary>One line of text on a page, in reading order: its text, box, font size (median letter
/// size), the page it is on (1-based), and the index of the text block (column paragraph) it belongs to.</summary>
public sealed record PdfLine(string Text, PdfRectangle Box, double FontSize, int Page, int Block)
{
    /// <summary>Share of the line's letters inside a link (0 to 1). A printed web page keeps its
    /// links as link annotations: menus, headline lists and share buttons are links, article prose
    /// mostly is not.</summary>
    public double Linked { get; init; }

    /// <summary>The line's text with digits folded to '#', so "Page 2" and "Page 3" compare equal.</summary>
    public string Shape => new(Text.Trim().Select(c => char.IsAsciiDigit(c) ? '#' : char.ToLowerInvariant(c)).ToArray());
}
