using System.Buffers;
using System.Text;

namespace Search.Core.Ingest;

/// <summary>
/// Removes control characters from an article's text as it is read. Web pages, exports and text
/// pulled out of PDFs carry them by accident (a NUL, a form feed between pages) or on purpose: an
/// escape sequence in a title would reach the terminal of whoever searches the archive and
/// recolour it, clear it, retitle its window or, in some terminals, write to the clipboard; the
/// snippets' highlight markers are control characters too and must come only from the query.
/// (Ids are left as they are: they are keys, and the terminal's renderer shows their control
/// characters as visible marks.) Line breaks and tabs stay; a form feed or vertical tab (a page break) becomes a
/// line break; every other C0 and C1 control character and DEL is dropped.
/// </summary>
public static class ControlCharacters
{
    private static readonly SearchValues<char> Unwanted = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c)]);

    /// <summary><paramref name="text"/> without control characters other than line breaks and
    /// tabs; the same instance when it has none.</summary>
    public static string Strip(string text)
    {
        int first = text.AsSpan().IndexOfAny(Unwanted);
        if (first < 0)
            return text;
        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\f' or '\v')
                clean.Append('\n');
            else if (!Unwanted.Contains(c))
                clean.Append(c);
        }
        return clean.ToString();
    }
}
