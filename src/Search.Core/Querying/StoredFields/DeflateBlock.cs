using System.Buffers;
using Search.Core.Indexing.Storage;

namespace Search.Core.Querying.StoredFields;

/// <summary>
/// Decodes a block of <see cref="DeflateCompression"/> (its compressed length, then raw deflate)
/// from a span of bytes, stopping once the asked bytes are out, as <see cref="Lz4Block"/> does.
/// zlib reads its input through a stream, copying it into a buffer of its own whatever the
/// source, so the block is copied once into a pooled array and read from there.
/// </summary>
internal static class DeflateBlock
{
    /// <summary>Inflates the block at the start of <paramref name="source"/> into
    /// <paramref name="destination"/> until at least <paramref name="wanted"/> bytes are out;
    /// returns how many were written and, in <paramref name="read"/>, the block's length in
    /// <paramref name="source"/> (where the next block starts). Bad data throws
    /// <see cref="InvalidDataException"/>.</summary>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination, int wanted, out int read)
    {
        int at = 0;
        long size = ChunkReader.VLong(source, ref at);
        if (size > source.Length - at)
            throw new InvalidDataException($"deflate block of {size} bytes in {source.Length - at}");
        read = at + (int)size;
        if (size == 0 || wanted <= 0)
            return 0;
        byte[] copy = ArrayPool<byte>.Shared.Rent((int)size);
        try
        {
            source.Slice(at, (int)size).CopyTo(copy);
            using var compressed = new MemoryStream(copy, 0, (int)size, writable: false);
            return DeflateCompression.Inflate(compressed, destination, wanted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }
}
