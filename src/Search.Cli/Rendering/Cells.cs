using Spectre.Console.Rendering;

namespace Search.Cli.Rendering;

/// <summary>
/// Terminal cells a text takes, measured by Spectre.Console (East Asian wide characters and emoji
/// take two, combining marks none), so lines are fitted to what the terminal shows, not to the
/// number of chars.
/// </summary>
public static class Cells
{
    public static int Of(string text)
    {
        // Most text is Latin script and common punctuation, one cell a char: counted here, so a
        // plain query's output does not load Spectre.Console's tables at start-up.
        foreach (char c in text)
            if (!IsNarrow(c))
                return Wide(text);
        return text.Length;
    }

    private static bool IsNarrow(char c) =>
        c is (>= ' ' and < '\u007f') or (>= '\u00a0' and < '\u0300') or (>= '\u2010' and <= '\u2027') or (>= '\u2030' and <= '\u205e');

    /// <summary>Cells of one char: a high surrogate stands for its pair (two cells: emoji and the
    /// like), a low surrogate for nothing; a control character takes none (the measure says -1 for
    /// those, which must never make a width negative).</summary>
    public static int Of(char c) => IsNarrow(c) ? 1 : char.IsLowSurrogate(c) ? 0 : char.IsHighSurrogate(c) ? 2 : Math.Max(0, new Segment(c.ToString()).CellCount());

    private static int Wide(string text)
    {
        int cells = 0;
        foreach (char c in text)
            cells += Of(c);
        return cells;
    }

    /// <summary><paramref name="text"/> cut to at most <paramref name="width"/> cells.</summary>
    public static string Fit(string text, int width)
    {
        if (Of(text) <= width)
            return text;
        int used = 0, i = 0;
        for (; i < text.Length; i++)
        {
            int w = Of(text[i]);
            if (used + w > width)
                break;
            used += w;
        }
        if (i > 0 && char.IsHighSurrogate(text[i - 1]))
            i--;
        return text[..i];
    }
}
