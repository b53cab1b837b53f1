using System.Buffers.Binary;
using System.IO.Compression;

namespace Search.Core.Ingest;

/// <summary>
/// Whether gzip data ends where its trailer says. Every gzip member ends with the length of its
/// expansion (modulo 2³²); a file cut short ends in compressed bytes instead, which match the
/// length read so far once in four billion times. A file of several members (<c>cat a.gz b.gz</c>,
/// bgzip) ends with its last member's length: that member is found by trying the member headers
/// nearest the end, so it is checked too.
/// </summary>
public static class GzipEnd
{
    /// <summary>The smallest whole member: a 10-byte header, an empty block, an 8-byte trailer.</summary>
    private const int MinMemberBytes = 20;

    /// <summary>Member headers tried, nearest the end first, before the file is called cut short.</summary>
    private const int MaxTries = 32;

    private const int Chunk = 64 << 10;

    /// <summary>Whether <paramref name="compressed"/> (seekable: a whole gzip file) ends whole, having
    /// expanded to <paramref name="expanded"/> bytes. The stream is left at its end.</summary>
    public static bool IsWhole(Stream compressed, long expanded)
    {
        long length = compressed.Length;
        try
        {
            if (length < MinMemberBytes)
                return false;
            Span<byte> tail = stackalloc byte[4];
            compressed.Position = length - 4;
            compressed.ReadExactly(tail);
            uint declared = BinaryPrimitives.ReadUInt32LittleEndian(tail);
            return declared == (uint)expanded || LastMemberExpandsTo(compressed, declared);
        }
        finally
        {
            compressed.Position = length;
        }
    }

    private static bool LastMemberExpandsTo(Stream compressed, uint declared)
    {
        int tries = 0;
        foreach (long start in HeadersFromTheEnd(compressed))
        {
            if (ExpandsTo(compressed, start, declared))
                return true;
            if (++tries == MaxTries)
                break;
        }
        return false;
    }

    /// <summary>Offsets that could start a member (magic, deflate, no reserved flag), last first.</summary>
    private static IEnumerable<long> HeadersFromTheEnd(Stream compressed)
    {
        var buffer = new byte[Chunk + 3];
        long end = compressed.Length - MinMemberBytes + 1; // a header needs a whole member after it
        while (end > 0)
        {
            long from = Math.Max(0, end - Chunk);
            int n = (int)(Math.Min(end + 3, compressed.Length) - from);
            compressed.Position = from;
            compressed.ReadExactly(buffer, 0, n);
            for (int i = (int)(end - from) - 1; i >= 0; i--)
                if (i + 3 < n && buffer[i] == 0x1F && buffer[i + 1] == 0x8B && buffer[i + 2] == 8 && (buffer[i + 3] & 0xE0) == 0)
                    yield return from + i;
            end = from;
        }
    }

    private static bool ExpandsTo(Stream compressed, long start, uint declared)
    {
        compressed.Position = start;
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        var buffer = new byte[Chunk];
        long total = 0;
        try
        {
            int n;
            while ((n = gzip.Read(buffer)) > 0)
                total += n;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        return (uint)total == declared;
    }
}
