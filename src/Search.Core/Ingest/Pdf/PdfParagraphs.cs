namespace Search.Core.Ingest.Pdf;

/// <summary>
/// Turns lines in reading order into paragraphs: one text block is one paragraph, lines joined by
/// <see cref="ParagraphText"/> (so "opera-" + "tion" → "operation"). A paragraph that runs on into
/// the next block (the next column or page) is joined to it: that is when the block ends without
/// closing punctuation and either the next block starts in lower case or the block's last line is
/// as wide as its others (justified text stops short only at a paragraph's end).
/// </summary>
public static class PdfParagraphs
{
    /// <summary>A last line at least this share of the block's widest line is a full line.</summary>
    private const double FullLine = 0.9;

    public static List<string> Build(IEnumerable<PdfLine> lines)
    {
        var paragraphs = new List<string>();
        var current = new ParagraphText();
        var block = new List<PdfLine>();
        foreach (PdfLine line in lines)
        {
            if (block.Count > 0 && (block[^1].Page, block[^1].Block) != (line.Page, line.Block))
            {
                if (!RunsOn(block, line.Text.Trim()))
                {
                    if (!current.IsEmpty)
                        paragraphs.Add(current.ToString());
                    current = new ParagraphText();
                }
                block.Clear();
            }
            block.Add(line);
            current.AddLine(line.Text.Trim());
        }
        if (!current.IsEmpty)
            paragraphs.Add(current.ToString());
        return paragraphs;
    }

    private static bool RunsOn(List<PdfLine> block, string next)
    {
        string last = block[^1].Text.Trim();
        if (next.Length == 0 || last.Length == 0 || last[^1] is '.' or '!' or '?' or ':' or '"' or '”')
            return false;
        if (char.IsLower(next[0]))
            return true;
        double widest = block.Max(l => l.Box.Width);
        return block.Count >= 2 && block[^1].Box.Width >= widest * FullLine;
    }
}
