namespace Search.Core.Ingest.Pdf;

/// <summary>One paragraph of a PDF: its text and the share of its letters inside links.</summary>
public sealed record PdfParagraph(string Text, double Linked);

/// <summary>
/// Turns lines in reading order into paragraphs: one text block is one paragraph, lines joined by
/// <see cref="ParagraphText"/> (so "opera-" + "tion" → "operation"), except that a block is cut where
/// the type size changes or the space between two lines is a blank line's (a printed web page's
/// paragraphs, share buttons and comment boxes often land in one block). A paragraph that runs on
/// into the next block (the next column or page) is joined to it: that is when the block ends
/// without closing punctuation and either the next block starts in lower case or the block's last
/// line is as wide as its others (justified text stops short only at a paragraph's end).
/// </summary>
public static class PdfParagraphs
{
    /// <summary>A last line at least this share of the block's widest line is a full line.</summary>
    private const double FullLine = 0.9;

    /// <summary>Line tops further apart than this many times the document's usual line pitch for
    /// that type size leave a blank line between (line spacing differs from site to site, so it is
    /// measured, not assumed).</summary>
    private const double BlankLine = 1.4;

    /// <summary>Without a measured pitch for a type size: this many times the size.</summary>
    private const double DefaultPitch = 1.25;

    /// <summary>Type sizes differing by more than this (points) are different kinds of text.</summary>
    private const double SizeStep = 1.0;

    public static List<PdfParagraph> Build(IEnumerable<PdfLine> content)
    {
        var lines = content.ToList();
        Dictionary<int, double> pitches = UsualPitches(lines);
        var paragraphs = new List<PdfParagraph>();
        var current = new ParagraphText();
        var members = new List<PdfLine>();
        var block = new List<PdfLine>();
        foreach (PdfLine line in lines)
        {
            bool newBlock = block.Count > 0 && (block[^1].Page, block[^1].Block) != (line.Page, line.Block);
            if (newBlock && RunsOn(block, line.Text.Trim()))
                block.Clear();
            else if (newBlock || (block.Count > 0 && Breaks(block[^1], line, pitches)))
            {
                Close(paragraphs, current, members);
                current = new ParagraphText();
                members.Clear();
                block.Clear();
            }
            block.Add(line);
            members.Add(line);
            current.AddLine(line.Text.Trim());
        }
        Close(paragraphs, current, members);
        return paragraphs;
    }

    private static void Close(List<PdfParagraph> paragraphs, ParagraphText text, List<PdfLine> lines)
    {
        if (text.IsEmpty)
            return;
        double letters = lines.Sum(l => l.Text.Length);
        paragraphs.Add(new PdfParagraph(text.ToString(), letters == 0 ? 0 : lines.Sum(l => l.Linked * l.Text.Length) / letters));
    }

    /// <summary>Inside one block: a change of type size, or a blank line's space before the line.</summary>
    private static bool Breaks(PdfLine previous, PdfLine line, Dictionary<int, double> pitches)
    {
        if (Math.Abs(previous.FontSize - line.FontSize) > SizeStep)
            return true;
        double usual = pitches.TryGetValue(SizeKey(line), out double p) ? p : DefaultPitch * line.FontSize;
        return previous.Box.Top - line.Box.Top > BlankLine * usual;
    }

    /// <summary>The median distance between the tops of consecutive lines of one block, per type size.</summary>
    private static Dictionary<int, double> UsualPitches(List<PdfLine> lines)
    {
        var bySize = new Dictionary<int, List<double>>();
        for (int i = 1; i < lines.Count; i++)
        {
            PdfLine a = lines[i - 1], b = lines[i];
            double pitch = a.Box.Top - b.Box.Top;
            if ((a.Page, a.Block) != (b.Page, b.Block) || Math.Abs(a.FontSize - b.FontSize) > SizeStep || pitch <= 0 || pitch > 4 * b.FontSize)
                continue;
            if (!bySize.TryGetValue(SizeKey(b), out var list))
                bySize[SizeKey(b)] = list = [];
            list.Add(pitch);
        }
        return bySize.ToDictionary(p => p.Key, p => p.Value.Order().ElementAt(p.Value.Count / 2));
    }

    private static int SizeKey(PdfLine line) => (int)Math.Round(line.FontSize);

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
