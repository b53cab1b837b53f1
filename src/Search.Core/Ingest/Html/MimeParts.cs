namespace Search.Core.Ingest.Html;

/// <summary>The page part of a MIME archive: its bytes decoded, the charset and address it declares.</summary>
internal sealed record MimePart(byte[] Body, string? Charset, string? Location);

/// <summary>
/// Finds the page in a MIME web archive (MHTML, RFC 2557): the headers, the <c>boundary</c> that
/// separates the parts, and the root part (the one whose <c>Content-ID</c> the <c>start</c>
/// parameter names, else the first <c>text/html</c> part), decoded from its
/// <c>Content-Transfer-Encoding</c>. A file that is one part (no boundary) is that part.
/// </summary>
internal static class MimeParts
{
    /// <summary>The root HTML part, or null when the archive holds none.</summary>
    public static MimePart? Root(ReadOnlySpan<byte> bytes)
    {
        (Dictionary<string, string> top, int bodyStart) = Headers(bytes);
        string? snapshot = top.GetValueOrDefault("Snapshot-Content-Location") ?? top.GetValueOrDefault("Content-Location");
        string? type = top.GetValueOrDefault("Content-Type");
        if (Parameter(type, "boundary") is not { Length: > 0 } boundary)
            return IsHtml(type) ? Part(top, bytes[bodyStart..], snapshot) : null;
        string? start = Parameter(type, "start")?.Trim('<', '>');
        MimePart? firstHtml = null;
        foreach (Range range in PartRanges(bytes, bodyStart, Encoding.ASCII.GetBytes("--" + boundary)))
        {
            ReadOnlySpan<byte> part = bytes[range];
            (Dictionary<string, string> headers, int partBody) = Headers(part);
            bool isStart = start != null && headers.GetValueOrDefault("Content-ID")?.Trim('<', '>') == start;
            if (!isStart && (firstHtml != null || !IsHtml(headers.GetValueOrDefault("Content-Type"))))
                continue;
            MimePart decoded = Part(headers, part[partBody..], snapshot);
            if (isStart)
                return decoded;
            firstHtml = decoded;
            if (start == null)
                break;
        }
        return firstHtml;
    }

    private static bool IsHtml(string? type) =>
        type != null && (type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/xhtml", StringComparison.OrdinalIgnoreCase));

    private static MimePart Part(Dictionary<string, string> headers, ReadOnlySpan<byte> body, string? snapshot)
    {
        string encoding = headers.GetValueOrDefault("Content-Transfer-Encoding", "").Trim().ToLowerInvariant();
        byte[] decoded = encoding switch
        {
            "quoted-printable" => QuotedPrintable(body),
            "base64" => Base64(body),
            _ => body.ToArray(),
        };
        return new MimePart(decoded, Parameter(headers.GetValueOrDefault("Content-Type"), "charset"), snapshot ?? headers.GetValueOrDefault("Content-Location"));
    }

    /// <summary>The parts between boundary lines (the preamble before the first and the epilogue
    /// after the closing <c>--boundary--</c> left out).</summary>
    private static List<Range> PartRanges(ReadOnlySpan<byte> bytes, int from, byte[] delimiter)
    {
        var ranges = new List<Range>();
        int? partStart = null;
        int at = from;
        while (at < bytes.Length)
        {
            int found = bytes[at..].IndexOf(delimiter);
            if (found < 0)
                break;
            int line = at + found;
            bool atLineStart = line == 0 || bytes[line - 1] == '\n';
            int after = line + delimiter.Length;
            if (!atLineStart)
            {
                at = after;
                continue;
            }
            if (partStart is int s)
                ranges.Add(s..TrimLineBreak(bytes, line));
            if (bytes[after..].StartsWith("--"u8))
                return ranges;
            int lineEnd = bytes[after..].IndexOf((byte)'\n');
            if (lineEnd < 0)
                return ranges;
            partStart = after + lineEnd + 1;
            at = partStart.Value;
        }
        if (partStart is int last && last < bytes.Length)
            ranges.Add(last..bytes.Length); // no closing boundary: the file was cut short
        return ranges;
    }

    /// <summary>The end of a part: before the line break that precedes its boundary line.</summary>
    private static int TrimLineBreak(ReadOnlySpan<byte> bytes, int end)
    {
        if (end > 0 && bytes[end - 1] == '\n')
            end--;
        if (end > 0 && bytes[end - 1] == '\r')
            end--;
        return end;
    }

    /// <summary>Headers up to the first blank line (folded lines joined), and where the body starts.</summary>
    private static (Dictionary<string, string> Headers, int BodyStart) Headers(ReadOnlySpan<byte> bytes)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        int at = 0;
        while (at < bytes.Length)
        {
            int end = bytes[at..].IndexOf((byte)'\n');
            int next = end < 0 ? bytes.Length : at + end + 1;
            string line = Encoding.Latin1.GetString(bytes[at..(end < 0 ? bytes.Length : at + end)]).TrimEnd('\r');
            at = next;
            if (line.Length == 0)
                break;
            if (line[0] is ' ' or '\t' && name != null)
                headers[name] += " " + line.Trim();
            else if (line.IndexOf(':') is > 0 and int colon)
            {
                name = line[..colon].Trim();
                headers.TryAdd(name, line[(colon + 1)..].Trim());
            }
        }
        return (headers, at);
    }

    /// <summary>A parameter of a header value (<c>boundary="----x"</c>), unquoted.</summary>
    private static string? Parameter(string? value, string name)
    {
        if (value == null)
            return null;
        foreach (string part in value.Split(';').Skip(1))
        {
            int equals = part.IndexOf('=');
            if (equals > 0 && part[..equals].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
                return part[(equals + 1)..].Trim().Trim('"');
        }
        return null;
    }

    private static byte[] QuotedPrintable(ReadOnlySpan<byte> body)
    {
        var output = new List<byte>(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            byte b = body[i];
            if (b != '=')
            {
                output.Add(b);
                continue;
            }
            if (i + 1 < body.Length && body[i + 1] == '\n')
                i++; // soft line break
            else if (i + 2 < body.Length && body[i + 1] == '\r' && body[i + 2] == '\n')
                i += 2;
            else if (i + 2 < body.Length && Uri.IsHexDigit((char)body[i + 1]) && Uri.IsHexDigit((char)body[i + 2]))
            {
                output.Add((byte)((Uri.FromHex((char)body[i + 1]) << 4) | Uri.FromHex((char)body[i + 2])));
                i += 2;
            }
            else
                output.Add(b); // a stray '=' stays
        }
        return output.ToArray();
    }

    private static byte[] Base64(ReadOnlySpan<byte> body)
    {
        string text = Encoding.ASCII.GetString(body);
        var clean = new StringBuilder(text.Length);
        foreach (char c in text)
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')
                clean.Append(c);
        try
        {
            return Convert.FromBase64String(clean.ToString());
        }
        catch (FormatException)
        {
            return body.ToArray(); // not base64 after all: the bytes as they are
        }
    }
}
