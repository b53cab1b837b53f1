using System.IO.Compression;

namespace Search.Core.Ingest;

/// <summary>Unwraps gzipped content (saved pages are often stored as <c>.html.gz</c>, and some
/// <c>.html</c> files are gzip bodies saved without decoding), with a bound on the output so that a
/// small "zip bomb" cannot exhaust memory.</summary>
public static class Gzip
{
    /// <summary>Most bytes a gzipped file may expand to.</summary>
    public const int MaxExpandedBytes = 64 << 20;

    /// <summary>Whether the bytes start with the gzip magic number.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    /// <summary>The content itself, or its expansion when it is gzipped.</summary>
    /// <exception cref="InvalidDataException">Corrupt or truncated gzip data, or more than
    /// <see cref="MaxExpandedBytes"/> when expanded.</exception>
    public static ReadOnlyMemory<byte> Unwrap(ReadOnlyMemory<byte> bytes)
    {
        if (!IsGzip(bytes.Span))
            return bytes;
        using var input = new MemoryStream(bytes.ToArray(), writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = gzip.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (output.Length + n > MaxExpandedBytes)
                throw new InvalidDataException($"expands to more than {MaxExpandedBytes >> 20} MB");
            output.Write(buffer, 0, n);
        }
        return output.GetBuffer().AsMemory(0, (int)output.Length);
    }
}
