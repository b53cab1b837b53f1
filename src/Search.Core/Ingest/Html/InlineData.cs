using System.Text;

namespace Search.Core.Ingest.Html;

/// <summary>
/// Takes the payloads of <c>data:</c> URIs out of a page's markup before it is parsed. Pages saved
/// "as one file" (the SingleFile and Save Page WE browser extensions, which archivists use) carry
/// every image, font and style sheet inline as base64: a 50 MB page holds a few kilobytes of
/// article. Parsed as it is, every copy of the markup Readability makes carries those megabytes
/// again: a 13 MB page took 4 s and a 50 MB one ran out of time with 1.5 GB in use. The payloads
/// are never text a reader sees, so the URI is kept, emptied (<c>data:image/png;base64,</c>).
/// </summary>
public static class InlineData
{
    /// <summary>Payloads shorter than this stay (a 1-pixel spacer, a small icon): they cost nothing.</summary>
    public const int MinLength = 256;

    private const string Marker = ";base64,";

    /// <summary>The markup without base64 payloads of <see cref="MinLength"/> characters or more;
    /// the same string when it has none.</summary>
    public static string WithoutPayloads(string html)
    {
        int at = html.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return html;
        var kept = new StringBuilder(html.Length);
        int from = 0;
        for (; at >= 0; at = html.IndexOf(Marker, at, StringComparison.OrdinalIgnoreCase))
        {
            int start = at + Marker.Length;
            int end = PayloadEnd(html, start);
            if (end - start >= MinLength && IsDataUri(html, at))
            {
                kept.Append(html, from, start - from);
                from = end;
            }
            at = end;
        }
        return from == 0 ? html : kept.Append(html, from, html.Length - from).ToString();
    }

    /// <summary>Where the base64 run that begins at <paramref name="start"/> ends (line breaks and
    /// CSS's escaped ones inside it included).</summary>
    private static int PayloadEnd(string html, int start)
    {
        int i = start;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '+' or '/' or '=' or '\n' or '\r' or '\\'))
            i++;
        return i;
    }

    /// <summary>Whether <c>;base64,</c> at <paramref name="marker"/> ends a <c>data:</c> URI's
    /// media type (<c>data:image/svg+xml;charset=utf-8;base64,</c>), not some other text.</summary>
    private static bool IsDataUri(string html, int marker)
    {
        const int LongestMediaType = 128;
        int i = marker - 1;
        while (i >= 0 && marker - i <= LongestMediaType && IsMediaTypeChar(html[i]))
            i--;
        return i >= 4 && html.AsSpan(i - 4, 5).Equals("data:", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsMediaTypeChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '/' or '+' or '-' or '.' or ';' or '=' or '_';
}
