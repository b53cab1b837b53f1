namespace Search.Core.Ingest;

/// <summary>
/// MIME's building blocks (RFC 2045-2047), for pages saved as one file and for e-mail: headers
/// (folded lines joined), a header's parameters, the parts between a multipart's boundaries, a
/// part's body decoded from quoted-printable or base64, and encoded words in headers.
/// </summary>
internal static partial class Mime
{
    /// <summary>The parts between boundary lines (the preamble before the first and the epilogue
    /// after the closing <c>--boundary--</c> left out).</summary>
    public static List<Range> PartRanges(ReadOnlySpan<byte> bytes, int from, byte[] delimiter)
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
    public static (Dictionary<string, string> Headers, int BodyStart) Headers(ReadOnlySpan<byte> bytes)
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
    public static string? Parameter(string? value, string name)
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

    public static byte[] QuotedPrintable(ReadOnlySpan<byte> body)
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

    public static byte[] Base64(ReadOnlySpan<byte> body)
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

    /// <summary>A body decoded from its <c>Content-Transfer-Encoding</c> (7bit, 8bit and binary as they are).</summary>
    public static byte[] Decode(ReadOnlySpan<byte> body, string? transferEncoding) =>
        transferEncoding?.Trim().ToLowerInvariant() switch
        {
            "quoted-printable" => QuotedPrintable(body),
            "base64" => Base64(body),
            _ => body.ToArray(),
        };

    /// <summary>A header value with its encoded words (<c>=?UTF-8?B?…?=</c>, <c>=?iso-8859-1?Q?…?=</c>)
    /// decoded; the space between two encoded words is dropped, as RFC 2047 says.</summary>
    public static string DecodeWords(string value) =>
        EncodedWord().Replace(EncodedWordGap().Replace(value, "$1$2"), m =>
        {
            Encoding encoding = Html.HtmlCharset.ByName(m.Groups["charset"].Value.Split('*')[0]) ?? Encoding.UTF8;
            string text = m.Groups["text"].Value;
            byte[] bytes = m.Groups["q"].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Base64(Encoding.ASCII.GetBytes(text))
                : QuotedPrintable(Encoding.ASCII.GetBytes(text.Replace('_', ' ')));
            return encoding.GetString(bytes);
        });

    [GeneratedRegex(@"=\?(?<charset>[^?\s]+)\?(?<q>[BbQq])\?(?<text>[^?\s]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"(\?=)\s+(=\?)")]
    private static partial Regex EncodedWordGap();
}
