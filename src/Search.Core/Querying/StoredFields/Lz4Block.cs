using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Search.Core.Querying.StoredFields;

/// <summary>
/// Decodes an LZ4 block as Lucene 4.x's stored fields write it (<c>CompressionMode.FAST</c>: bare
/// LZ4 sequences, no frame), from a span of bytes.
///
/// Why not Lucene.Net's own decoder: it reads the compressed bytes one call at a time from an
/// <c>IndexInput</c> (a virtual call per token byte and per literal run), more than twice as slow
/// as decoding the same bytes from an array; loading a hit decodes everything before it in its
/// 16 KB chunk, so that decoding was most of the time a page of ten hits spent in stored fields.
/// </summary>
internal static class Lz4Block
{
    private const int MinMatch = 4;

    /// <summary>Decodes <paramref name="source"/> into <paramref name="destination"/> until at
    /// least <paramref name="wanted"/> bytes are out (the sequence that crosses it is finished, as
    /// Lucene does); returns how many bytes were written. <paramref name="destination"/> must hold
    /// the block's whole decoded length; bytes past what is decoded may be overwritten. Bad data (an offset before the start, a run past either
    /// end) throws <see cref="InvalidDataException"/>.</summary>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination, int wanted) =>
        Decode(source, destination, wanted, out _);

    /// <summary><see cref="Decode(ReadOnlySpan{byte}, Span{byte}, int)"/>, also saying how many
    /// bytes of <paramref name="source"/> it read (where the next block starts).</summary>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination, int wanted, out int read)
    {
        int s = 0, d = 0;
        read = 0;
        try
        {
            while (true)
            {
                int token = source[s++];
                int literals = token >> 4;
                if (literals == 0x0F)
                    literals += ExtraLength(source, ref s);
                if (literals > 0)
                {
                    if (literals <= WideRun && s + literals + Wide <= source.Length && d + literals + Wide <= destination.Length)
                        CopyWide(source, s, destination, d, literals);
                    else
                        source.Slice(s, literals).CopyTo(destination[d..]);
                    s += literals;
                    d += literals;
                }
                if (d >= wanted)
                {
                    read = s;
                    return d;
                }

                int distance = source[s] | (source[s + 1] << 8);
                s += 2;
                int length = token & 0x0F;
                if (length == 0x0F)
                    length += ExtraLength(source, ref s);
                length += MinMatch;
                int from = d - distance;
                if (distance == 0 || from < 0)
                    throw new InvalidDataException($"LZ4 match offset {distance} at output byte {d}");
                if (distance >= Wide && length <= WideRun && d + length + Wide <= destination.Length)
                {
                    // Sixteen bytes at a time from at least sixteen back: each read is of bytes
                    // already written, so a match longer than its distance comes out right too.
                    CopyWide(destination, from, destination, d, length);
                }
                else if (distance >= length)
                {
                    destination.Slice(from, length).CopyTo(destination[d..]);
                }
                else
                {
                    // The match overlaps what it writes (a repeated short pattern): byte by byte.
                    var run = destination.Slice(d, length);
                    for (int i = 0; i < run.Length; i++)
                        run[i] = destination[from + i];
                }
                d += length;
                if (d >= wanted)
                {
                    read = s;
                    return d;
                }
            }
        }
        catch (IndexOutOfRangeException e)
        {
            throw new InvalidDataException($"LZ4 block ends early or overruns its output (input byte {s}, output byte {d})", e);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"LZ4 block ends early or overruns its output (input byte {s}, output byte {d})", e);
        }
    }

    /// <summary>Most runs are short: they are copied 16 bytes at a time (the bytes past the
    /// run's end are overwritten by what follows), with the bounds checked before. Runs of up to
    /// <see cref="WideRun"/> bytes so (a call to copy a span cost more than the copy: matches of
    /// 17 to 64 bytes are common in text).</summary>
    private const int Wide = 16, WideRun = 64;

    private static void CopyWide(ReadOnlySpan<byte> from, int at, Span<byte> to, int into, int length)
    {
        ref byte source = ref MemoryMarshal.GetReference(from);
        ref byte target = ref MemoryMarshal.GetReference(to);
        for (int done = 0; done < length; done += Wide)
            Vector128.LoadUnsafe(ref source, (nuint)(at + done)).StoreUnsafe(ref target, (nuint)(into + done));
    }

    /// <summary>A length's extra bytes: 255 each while they are 255, then the last.</summary>
    private static int ExtraLength(ReadOnlySpan<byte> source, ref int s)
    {
        int extra = 0;
        byte b;
        while ((b = source[s++]) == 0xFF)
            extra += 0xFF;
        return extra + b;
    }
}
