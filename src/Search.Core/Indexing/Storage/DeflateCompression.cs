using System.IO.Compression;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Store;
using LuceneCompressionMode = Lucene.Net.Codecs.Compressing.CompressionMode;

namespace Search.Core.Indexing.Storage;

/// <summary>
/// The stored fields' compression (<see cref="DeflateStoredFieldsFormat"/>): raw deflate at a low
/// level, through System.IO.Compression (zlib), each block written as its compressed length (a
/// VInt) and the deflate bytes. The length makes a block self-delimiting, so a document bigger than
/// two chunks, which Lucene writes as one block per chunk size, is read block after block.
///
/// Why deflate at level 2 and not Lucene's LZ4 (<c>CompressionMode.FAST</c>): on news text in
/// 8 KB chunks it leaves 0.51 of the bytes where LZ4 leaves 0.76, for about 1 % more of a build's
/// CPU; Lucene's own deflate mode (<c>HIGH_COMPRESSION</c>, level 6) gains 0.01 more for a
/// sixth more compression time, and level 1 (zlib-ng's quick strategy) gives back most of the gain. Reading a hit inflates its chunk up to the document
/// (docs/performance.md, "Issue 18, stored fields compression").
/// </summary>
public sealed class DeflateCompression : LuceneCompressionMode
{
    /// <summary>zlib's level: 1 is a faster, coarser match search; 2 is the lowest level of the
    /// usual one; 6 is zlib's default.</summary>
    public const int Level = 2;

    /// <summary>The one instance: Lucene copies a segment's compressed chunks at a merge only when
    /// the reader's mode is the very instance the writer has.</summary>
    public static DeflateCompression Instance { get; } = new();

    private DeflateCompression()
    {
    }

    public override Compressor NewCompressor() => new DeflateCompressor();

    public override Decompressor NewDecompressor() => new DeflateDecompressor();

    public override string ToString() => $"DEFLATE_{Level}";

    /// <summary>Inflates a block's bytes into <paramref name="destination"/> until
    /// <paramref name="wanted"/> bytes are out (fewer when the block holds fewer); returns how many
    /// were written. Bad data throws <see cref="InvalidDataException"/>.</summary>
    public static int Inflate(Stream compressed, Span<byte> destination, int wanted)
    {
        // The output is cut at the wanted bytes: zlib inflates as far as the space it is given,
        // so a whole chunk's space would have it inflate the whole chunk.
        using var inflate = new DeflateStream(compressed, System.IO.Compression.CompressionMode.Decompress, leaveOpen: true);
        return inflate.ReadAtLeast(destination[..Math.Min(wanted, destination.Length)], Math.Min(wanted, destination.Length), throwOnEndOfStream: false);
    }

    private sealed class DeflateCompressor : Compressor
    {
        private static readonly ZLibCompressionOptions Options = new() { CompressionLevel = Level };
        private byte[] _output = [];

        public override void Compress(byte[] bytes, int off, int len, DataOutput @out)
        {
            if (len == 0)
            {
                @out.WriteVInt32(0);
                return;
            }
            // More than zlib's bound for raw deflate (len + len/4096 + len/16384 + 13 or so).
            int bound = len + (len >> 3) + 64;
            if (_output.Length < bound)
                _output = new byte[bound];
            int length;
            using (var output = new MemoryStream(_output, 0, bound, writable: true))
            {
                using (var deflate = new DeflateStream(output, Options, leaveOpen: true))
                    deflate.Write(bytes, off, len);
                length = checked((int)output.Position);
            }
            @out.WriteVInt32(length);
            @out.WriteBytes(_output, 0, length);
        }
    }

    /// <summary>Lucene's reading (documents it loads itself, merges, checks): the block read
    /// from the input whole (so the input stands at the next block), inflated up to the asked
    /// bytes.</summary>
    private sealed class DeflateDecompressor : Decompressor
    {
        private byte[] _compressed = [];

        public override void Decompress(DataInput @in, int originalLength, int offset, int length, BytesRef bytes)
        {
            int size = @in.ReadVInt32();
            if (size < 0)
                throw new CorruptIndexException($"deflate block of {size} bytes (resource={@in})");
            if (_compressed.Length < size)
                _compressed = new byte[ArrayUtil.Oversize(size, 1)];
            @in.ReadBytes(_compressed, 0, size);
            int wanted = offset + length;
            if (bytes.Bytes.Length < originalLength)
                bytes.Bytes = new byte[ArrayUtil.Oversize(originalLength, 1)];
            int written = 0;
            if (wanted > 0)
            {
                try
                {
                    using var source = new MemoryStream(_compressed, 0, size, writable: false);
                    written = Inflate(source, bytes.Bytes.AsSpan(0, originalLength), wanted);
                }
                catch (InvalidDataException e)
                {
                    throw new CorruptIndexException($"deflate block: {e.Message} (resource={@in})", e);
                }
            }
            if (written < wanted)
                throw new CorruptIndexException($"deflate block inflates to {written} bytes, {wanted} wanted (resource={@in})");
            bytes.Offset = offset;
            bytes.Length = length;
        }

        public override object Clone() => new DeflateDecompressor();
    }
}
