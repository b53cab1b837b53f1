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
        (Dictionary<string, string> top, int bodyStart) = Mime.Headers(bytes);
        string? snapshot = top.GetValueOrDefault("Snapshot-Content-Location") ?? top.GetValueOrDefault("Content-Location");
        string? type = top.GetValueOrDefault("Content-Type");
        if (Mime.Parameter(type, "boundary") is not { Length: > 0 } boundary)
            return IsHtml(type) ? Part(top, bytes[bodyStart..], snapshot) : null;
        string? start = Mime.Parameter(type, "start")?.Trim('<', '>');
        MimePart? firstHtml = null;
        foreach (Range range in Mime.PartRanges(bytes, bodyStart, Encoding.ASCII.GetBytes("--" + boundary)))
        {
            ReadOnlySpan<byte> part = bytes[range];
            (Dictionary<string, string> headers, int partBody) = Mime.Headers(part);
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
        byte[] decoded = Mime.Decode(body, headers.GetValueOrDefault("Content-Transfer-Encoding"));
        return new MimePart(decoded, Mime.Parameter(headers.GetValueOrDefault("Content-Type"), "charset"), snapshot ?? headers.GetValueOrDefault("Content-Location"));
    }
}
