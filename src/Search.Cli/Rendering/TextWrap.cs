using System.Text;
using Search.Core.Snippets;
using Search.Core.Querying;

namespace Search.Cli.Rendering;

/// <summary>
/// Wraps text holding <see cref="Highlight"/> markers to a width at word boundaries. Markers take
/// <c>markerWidth</c> columns each: 0 when they become colour, 2 when they become <c>**</c>
/// (NO_COLOR or redirected output), so a plain line is as wide as it looks. A highlight that spans
/// a line break is closed at the end of the line and opened again on the next, so each line stands
/// alone. A word longer than the width is cut. Paragraph breaks (newlines) are kept.
/// </summary>
public static class TextWrap
{
    /// <summary>Narrowest width wrapped to; below it (or at 0: not a terminal) lines are not wrapped.</summary>
    public const int MinWidth = 10;

    /// <summary>Lines of at most <paramref name="width"/> columns, counting markers as
    /// <paramref name="markerWidth"/> columns; one line per paragraph when width is below <see cref="MinWidth"/>.</summary>
    public static List<string> Wrap(string text, int width, int markerWidth)
    {
        var lines = new List<string>();
        bool open = false;
        foreach (string paragraph in TerminalText.Safe(text).Split('\n'))
        {
            if (width < MinWidth)
                lines.Add(paragraph);
            else
                WrapParagraph(paragraph, width, markerWidth, lines, ref open);
        }
        return lines;
    }

    /// <summary>Writes <paramref name="label"/> (as is, <paramref name="labelCells"/> cells wide) and
    /// <paramref name="text"/> wrapped at word boundaries to <paramref name="width"/>, the lines after
    /// the first indented under the text; as one line when the width is unknown (0: not a terminal).</summary>
    public static void WriteHanging(TextWriter w, string label, int labelCells, string text, int width)
    {
        if (width - labelCells < MinWidth)
        {
            w.WriteLine(label + TerminalText.Safe(text));
            return;
        }
        var lines = Wrap(text, width - labelCells, 0);
        w.WriteLine(label + lines[0]);
        foreach (string line in lines.Skip(1))
            w.WriteLine(new string(' ', labelCells) + line);
    }

    /// <summary>Columns <paramref name="text"/> takes once its markers are rendered.</summary>
    public static int Columns(string text, int markerWidth)
    {
        int markers = 0;
        foreach (char c in text)
            if (c is Highlight.Open or Highlight.Close)
                markers++;
        string plain = markers == 0 ? text : text.Replace(Highlight.Open.ToString(), "").Replace(Highlight.Close.ToString(), "");
        return markers * markerWidth + Cells.Of(plain);
    }

    private static void WrapParagraph(string paragraph, int width, int markerWidth, List<string> lines, ref bool open)
    {
        var line = new StringBuilder();
        int used = 0; // columns on the line so far, reopening marker included
        bool lineOpen = open; // a highlight is open where the line's text ends
        bool hasWord = false;
        void Start()
        {
            line.Clear();
            used = 0;
            hasWord = false;
            if (lineOpen)
            {
                line.Append(Highlight.Open);
                used = markerWidth;
            }
        }
        void Finish()
        {
            if (lineOpen)
                line.Append(Highlight.Close);
            lines.Add(line.ToString());
        }
        Start();
        foreach (string word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            bool openAfter = OpenAfter(word, lineOpen);
            int cols = Columns(word, markerWidth);
            int closing = openAfter ? markerWidth : 0;
            int needed = (hasWord ? 1 : 0) + cols + closing;
            if (hasWord && used + needed > width)
            {
                Finish();
                Start();
                needed = cols + closing;
            }
            if (used + needed > width && cols > 0)
            {
                // Longer than a whole line: cut it into pieces that fit.
                foreach (char c in word)
                {
                    if (c is Highlight.Open or Highlight.Close)
                    {
                        // Markers never start a line: they stay with the text before them.
                        line.Append(c);
                        used += markerWidth;
                        lineOpen = c == Highlight.Open;
                        continue;
                    }
                    int w = Cells.Of(c);
                    if (w > 0 && hasWord && used + w + (lineOpen ? markerWidth : 0) > width)
                    {
                        Finish();
                        Start();
                    }
                    line.Append(c);
                    used += w;
                    hasWord = true;
                }
                continue;
            }
            if (hasWord)
                line.Append(' ');
            line.Append(word);
            used += needed - closing;
            lineOpen = openAfter;
            hasWord = true;
        }
        Finish();
        open = lineOpen;
    }

    private static bool OpenAfter(string word, bool open)
    {
        foreach (char c in word)
            if (c == Highlight.Open) open = true;
            else if (c == Highlight.Close) open = false;
        return open;
    }
}
