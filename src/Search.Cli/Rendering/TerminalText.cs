using System.Buffers;
using Search.Core.Snippets;

namespace Search.Cli.Rendering;

/// <summary>
/// Text from the index made safe to print: its control characters shown as visible marks
/// (ESC as ␛, a lone carriage return as ␍, C1 controls as �) instead of reaching the terminal,
/// where an escape sequence in a title or a file name would recolour or clear the screen,
/// retitle the window or write to the clipboard. The build removes them from what it reads
/// (<c>ControlCharacters</c>); this covers what it keeps as written (ids from file names) and
/// indexes built before it did. Line breaks, tabs and the highlight markers stay, except in
/// <see cref="Name"/>s.
/// </summary>
public static class TerminalText
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or Highlight.Open or Highlight.Close)).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c)]);

    public static string Safe(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.AsSpan().IndexOfAny(Unsafe) < 0)
            return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                char c = source[i];
                span[i] = !Unsafe.Contains(c) ? c : c < 0x20 ? (char)(0x2400 + c) : c == 0x7F ? '\u2421' : '\uFFFD';
            }
        });
    }

    /// <summary>A file name or id made safe to print on one line: its line breaks and tabs shown as
    /// marks too (␊, ␉), so that a name holding them (Unix allows it) is not printed as two.</summary>
    public static string Name(string name) =>
        Safe(name.AsSpan().IndexOfAny('\n', '\r', '\t') < 0 ? name : name.Replace('\n', '\u240A').Replace('\r', '\u240D').Replace('\t', '\u2409'));
}
