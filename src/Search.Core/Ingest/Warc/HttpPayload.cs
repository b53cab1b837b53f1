using System.IO.Compression;

namespace Search.Core.Ingest.Warc;

/// <summary>
/// An HTTP response as a web archive keeps it: status, the type and charset the server declared,
/// and the body as the page's bytes. Archives keep what came over the wire, so the body is
/// de-chunked (<c>Transfer-Encoding: chunked</c>) and expanded (<c>Content-Encoding</c> gzip,
/// deflate or br) here; where a writer already did either and left the header, the bytes are used
/// as they are.
/// </summary>
/// <param name="Status">The status code (200); 0 when the status line cannot be read.</param>
/// <param name="MediaType">The <c>Content-Type</c>'s type, lower-case, without parameters.</param>
/// <param name="Charset">The <c>Content-Type</c>'s <c>charset</c> parameter.</param>
internal sealed record HttpPayload(int Status, string? MediaType, string? Charset, ReadOnlyMemory<byte> Body)
{
    /// <summary>The response in <paramref name="block"/>, or null when it holds no HTTP response
    /// (a DNS answer, a record of another kind).</summary>
    /// <exception cref="InvalidDataException">The body expands to more than <see cref="Gzip.MaxExpandedBytes"/>,
    /// or its gzip is cut short.</exception>
    public static HttpPayload? Parse(ReadOnlyMemory<byte> block)
    {
        ReadOnlySpan<byte> span = block.Span;
        if (!span.StartsWith("HTTP/"u8))
            return null;
        int statusEnd = span.IndexOf((byte)'\n') is int newline and >= 0 ? newline + 1 : span.Length;
        string[] status = Encoding.Latin1.GetString(span[..statusEnd]).Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        int code = status.Length > 1 && int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out int c) ? c : 0;
        (Dictionary<string, string> headers, int headerBytes) = Mime.Headers(span[statusEnd..]);
        int bodyStart = statusEnd + headerBytes;
        (string? mediaType, string? charset) = ContentType(headers.GetValueOrDefault("Content-Type"));
        ReadOnlyMemory<byte> body = block[bodyStart..];
        if (headers.GetValueOrDefault("Transfer-Encoding") is { } transfer && transfer.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            body = Dechunk(body.Span) ?? body;
        if (headers.GetValueOrDefault("Content-Encoding") is { } coding)
            body = Expand(body, coding.Trim().ToLowerInvariant()) ?? body;
        return new HttpPayload(code, mediaType, charset, body);
    }

    /// <summary>A <c>Content-Type</c> value's media type and charset.</summary>
    public static (string? MediaType, string? Charset) ContentType(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return (null, null);
        return (value.Split(';')[0].Trim().ToLowerInvariant(), Mime.Parameter(value, "charset")?.Trim('\'', ' ') is { Length: > 0 } charset ? charset : null);
    }

    /// <summary>The body of a chunked transfer, or null when the bytes are not chunked (a writer
    /// that de-chunked them and left the header).</summary>
    private static byte[]? Dechunk(ReadOnlySpan<byte> body)
    {
        using var output = new MemoryStream();
        int at = 0;
        while (true)
        {
            int lineEnd = body[at..].IndexOf((byte)'\n');
            if (lineEnd < 0)
                return output.Length > 0 ? output.ToArray() : null; // cut short: what came is kept
            ReadOnlySpan<byte> sizeLine = body.Slice(at, lineEnd).TrimEnd((byte)'\r');
            int extension = sizeLine.IndexOf((byte)';');
            if (extension >= 0)
                sizeLine = sizeLine[..extension];
            if (!int.TryParse(Encoding.ASCII.GetString(sizeLine.Trim((byte)' ')), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int size) || size < 0)
                return null;
            at += lineEnd + 1;
            if (size == 0)
                return output.ToArray();
            if (output.Length + size > Gzip.MaxExpandedBytes)
                throw new InvalidDataException($"expands to more than {Gzip.MaxExpandedBytes >> 20} MB");
            int take = Math.Min(size, body.Length - at);
            output.Write(body.Slice(at, take));
            at += take;
            if (at >= body.Length)
                return output.ToArray();
            if (body[at] == '\r')
                at++;
            if (at < body.Length && body[at] == '\n')
                at++;
        }
    }

    /// <summary>The body expanded from its content coding, or null when it does not expand (a
    /// writer that stored it expanded, or a coding this reader does not know).</summary>
    private static byte[]? Expand(ReadOnlyMemory<byte> body, string coding) => coding switch
    {
        "gzip" or "x-gzip" => Gunzip(body),
        // "deflate" is meant to be zlib-wrapped; some servers send it raw.
        "deflate" => Expand(body, s => new ZLibStream(s, CompressionMode.Decompress)) ?? Expand(body, s => new DeflateStream(s, CompressionMode.Decompress)),
        "br" => Expand(body, s => new BrotliStream(s, CompressionMode.Decompress)),
        _ => null,
    };

    /// <summary>A gzipped body, checked against its trailer (<see cref="GzipEnd"/>): .NET's gunzip
    /// ends quietly where a body the crawler cut short ends, which read as the whole page.</summary>
    /// <exception cref="InvalidDataException">The body is cut short (or damaged) part-way.</exception>
    private static byte[]? Gunzip(ReadOnlyMemory<byte> body)
    {
        using var compressed = new MemoryStream(body.ToArray(), writable: false);
        byte[]? expanded = Expand(body, _ => new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true));
        if (expanded != null && !GzipEnd.IsWhole(compressed, expanded.Length))
            throw new InvalidDataException($"the page's gzipped body is cut short after {expanded.Length:N0} bytes (the crawler did not get all of it)");
        return expanded;
    }

    private static byte[]? Expand(ReadOnlyMemory<byte> body, Func<Stream, Stream> open)
    {
        if (body.IsEmpty)
            return null;
        using var output = new MemoryStream();
        try
        {
            using var expanded = open(new MemoryStream(body.ToArray(), writable: false));
            var buffer = new byte[81920];
            int n;
            while ((n = expanded.Read(buffer, 0, buffer.Length)) > 0 && output.Length <= Gzip.MaxExpandedBytes)
                output.Write(buffer, 0, n);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
        {
            // Nothing expanded: not in that coding after all, stored expanded (Brotli's decoder
            // throws the second). Some expanded: a body the crawler cut short, kept as far as it goes
            // (gzip's is checked against its trailer, Gunzip).
            if (output.Length == 0)
                return null;
        }
        if (output.Length > Gzip.MaxExpandedBytes)
            throw new InvalidDataException($"expands to more than {Gzip.MaxExpandedBytes >> 20} MB");
        return output.Length > 0 ? output.ToArray() : null;
    }
}
