using System.Runtime.CompilerServices;
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
        // The bytes are read through references, each read's bounds checked once per sequence
        // (a token, its lengths and offset, a run) instead of at every byte: a fifth of a page's
        // stored-field reading was these checks.
        ref byte src = ref MemoryMarshal.GetReference(source);
        ref byte dst = ref MemoryMarshal.GetReference(destination);
        int sourceLength = source.Length, destinationLength = destination.Length;
        int s = 0, d = 0;
        read = 0;
        while (true)
        {
            if (s >= sourceLength)
                throw Short(s, d);
            int token = Unsafe.Add(ref src, s++);
            int literals = token >> 4;
            if (literals == 0x0F)
                literals += ExtraLength(source, ref s, d);
            if (literals > 0)
            {
                // Unsigned: a length whose extra bytes overflowed reads as negative.
                if ((uint)literals > (uint)(sourceLength - s) || (uint)literals > (uint)(destinationLength - d))
                    throw Short(s, d);
                if (literals <= WideRun && s + literals + Wide <= sourceLength && d + literals + Wide <= destinationLength)
                    CopyWide(ref src, s, ref dst, d, literals);
                else
                    Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref dst, d), ref Unsafe.Add(ref src, s), (uint)literals);
                s += literals;
                d += literals;
            }
            if (d >= wanted)
            {
                read = s;
                return d;
            }

            if (s + 2 > sourceLength)
                throw Short(s, d);
            int distance = Unsafe.Add(ref src, s) | (Unsafe.Add(ref src, s + 1) << 8);
            s += 2;
            int length = token & 0x0F;
            if (length == 0x0F)
                length += ExtraLength(source, ref s, d);
            length += MinMatch;
            int from = d - distance;
            if (distance == 0 || from < 0)
                throw new InvalidDataException($"LZ4 match offset {distance} at output byte {d}");
            if ((uint)length > (uint)(destinationLength - d))
                throw Short(s, d);
            if (distance >= Wide && length <= WideRun && d + length + Wide <= destinationLength)
            {
                // Sixteen bytes at a time from at least sixteen back: each read is of bytes
                // already written, so a match longer than its distance comes out right too.
                CopyWide(ref dst, from, ref dst, d, length);
            }
            else if (distance >= length)
            {
                Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref dst, d), ref Unsafe.Add(ref dst, from), (uint)length);
            }
            else
            {
                // The match overlaps what it writes (a repeated short pattern): byte by byte.
                for (int i = 0; i < length; i++)
                    Unsafe.Add(ref dst, d + i) = Unsafe.Add(ref dst, from + i);
            }
            d += length;
            if (d >= wanted)
            {
                read = s;
                return d;
            }
        }
    }

    private static InvalidDataException Short(int s, int d) =>
        new($"LZ4 block ends early or overruns its output (input byte {s}, output byte {d})");

    /// <summary>Most runs are short: they are copied 16 bytes at a time (the bytes past the
    /// run's end are overwritten by what follows), with the bounds checked before. Runs of up to
    /// <see cref="WideRun"/> bytes so (a call to copy a span cost more than the copy: matches of
    /// 17 to 64 bytes are common in text).</summary>
    private const int Wide = 16, WideRun = 64;

    private static void CopyWide(ref byte source, int at, ref byte target, int into, int length)
    {
        for (int done = 0; done < length; done += Wide)
            Vector128.LoadUnsafe(ref source, (nuint)(at + done)).StoreUnsafe(ref target, (nuint)(into + done));
    }

    /// <summary>A length's extra bytes: 255 each while they are 255, then the last.</summary>
    private static int ExtraLength(ReadOnlySpan<byte> source, ref int s, int d)
    {
        int extra = 0;
        while (true)
        {
            if (s >= source.Length)
                throw Short(s, d);
            byte b = source[s++];
            if (b != 0xFF)
                return extra + b;
            extra += 0xFF;
        }
    }
}
