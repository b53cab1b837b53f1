namespace Search.Core.Ingest.Pdf;

/// <summary>
/// Turns lines in reading order into paragraphs: one text block is one paragraph, lines joined by
/// <see cref="ParagraphText"/> (so "opera-" + "tion" → "operation"). A paragraph that runs on into
/// the next block (the next column or page: the block ends without closing punctuation, or with a
/// hyphen, and the next starts in lower case) is joined to it.
/// </summary>
public static class PdfParagraphs
{
    public static List<string> Build(IEnumerable<PdfLine> lines)
    {
        var paragraphs = new List<string>();
        var current = new ParagraphText();
        (int Page, int Block)? block = null;
        string? lastLine = null;
        foreach (PdfLine line in lines)
        {
            var key = (line.Page, line.Block);
            string text = line.Text.Trim();
            if (block != key && block != null && !RunsOn(lastLine!, text))
            {
                if (!current.IsEmpty)
                    paragraphs.Add(current.ToString());
                current = new ParagraphText();
            }
            block = key;
            current.AddLine(text);
            lastLine = text;
        }
        if (!current.IsEmpty)
            paragraphs.Add(current.ToString());
        return paragraphs;
    }

    private static bool RunsOn(string last, string next) =>
        next.Length > 0 && char.IsLower(next[0]) && last.Length > 0 && !(last[^1] is '.' or '!' or '?' or ':' or '"' or '”');
}
