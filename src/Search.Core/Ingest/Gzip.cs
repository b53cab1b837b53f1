using System.IO.Compression;

namespace Search.Core.Ingest;

/// <summary>Unwraps gzipped content (saved pages are often stored as <c>.html.gz</c>, and some
/// <c>.html</c> files are gzip bodies saved without decoding), with a bound on the output so that a
/// small "zip bomb" cannot exhaust memory.</summary>
public static class Gzip
{
    /// <summary>Bytes of the smallest whole gzip stream: a 10-byte header, an empty deflate block, an 8-byte trailer.</summary>
    private const int MinStreamBytes = 20;

    /// <summary>Most bytes a gzipped file may expand to.</summary>
    public const int MaxExpandedBytes = 64 << 20;

    /// <summary>Whether the bytes start with the gzip magic number.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    /// <summary>The first <paramref name="max"/> bytes (or fewer) that the start of a gzip stream,
    /// <paramref name="compressed"/>, expands to: what a reader needs to recognise the file inside.
    /// Null when the data is not gzip that can be expanded.</summary>
    public static byte[]? Head(ReadOnlySpan<byte> compressed, int max)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed.ToArray(), writable: false), CompressionMode.Decompress);
        var head = new byte[max];
        int n = 0;
        try
        {
            int read;
            while (n < max && (read = gzip.Read(head, n, max - n)) > 0)
                n += read;
        }
        catch (InvalidDataException)
        {
            if (n == 0)
                return null; // not gzip data at all (a file cut short after its first bytes still has them)
        }
        // Nothing from fewer bytes than the smallest whole gzip stream (header, empty block, trailer): cut short.
        return n == 0 && compressed.Length < MinStreamBytes ? null : head[..n];
    }

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
        while ((n = Read(gzip, buffer, output.Length)) > 0)
        {
            if (output.Length + n > MaxExpandedBytes)
                throw new InvalidDataException($"expands to more than {MaxExpandedBytes >> 20} MB");
            output.Write(buffer, 0, n);
        }
        if (!GzipEnd.IsWhole(input, output.Length))
            throw new InvalidDataException(CheckedGunzipStream.CutShort(output.Length));
        return output.GetBuffer().AsMemory(0, (int)output.Length);
    }

    private static int Read(GZipStream gzip, byte[] buffer, long expanded)
    {
        try
        {
            return gzip.Read(buffer, 0, buffer.Length);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException(CheckedGunzipStream.Damaged(expanded, e), e);
        }
    }

    /// <summary>Why <paramref name="expanding"/> (from <see cref="Expanding"/>) ended before its
    /// data did, or null: a reader that reached a clean end of its last record asks, since a file cut
    /// between two records ends cleanly too.</summary>
    public static string? EndedEarly(Stream expanding) => (expanding as CheckedGunzipStream)?.Problem;

    /// <summary>A seekable stream's expansion when it starts as gzip (each member of a
    /// multi-member file read on as one stream, as web archives write them), else the stream itself.</summary>
    public static Stream Expanding(Stream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        int n = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Seek(-n, SeekOrigin.Current);
        return IsGzip(magic[..n]) ? new CheckedGunzipStream(stream) : stream;
    }
}
