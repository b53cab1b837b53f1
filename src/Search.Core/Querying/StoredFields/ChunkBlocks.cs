namespace Search.Core.Querying.StoredFields;

/// <summary>
/// The compressed part of a stored-fields chunk (<see cref="SegmentStoredFields"/>): one block,
/// or, for a chunk of at least twice the chunk size (a big document), one block per chunk size,
/// each compressed on its own, as Lucene's <c>CompressingStoredFieldsWriter</c> slices it. Blocks
/// are LZ4 (<see cref="Lz4Block"/>) or, in our codec, deflate (<see cref="DeflateBlock"/>).
/// </summary>
internal static class ChunkBlocks
{
    /// <summary>Decodes <paramref name="compressed"/> into <paramref name="plain"/> (the chunk's
    /// whole decoded length) until at least <paramref name="wanted"/> bytes are out; false when
    /// the blocks give fewer bytes than they should. Bad data throws <see cref="InvalidDataException"/>.</summary>
    public static bool Decode(bool deflate, int chunkSize, ReadOnlySpan<byte> compressed, Span<byte> plain, int wanted)
    {
        if (plain.Length < 2 * chunkSize)
            return Block(deflate, compressed, plain, wanted, out _) >= wanted;
        int read = 0;
        for (int done = 0; done < wanted;)
        {
            int slice = Math.Min(chunkSize, plain.Length - done);
            if (Block(deflate, compressed[read..], plain.Slice(done, slice), slice, out int used) != slice)
                return false;
            read += used;
            done += slice;
        }
        return true;
    }

    private static int Block(bool deflate, ReadOnlySpan<byte> compressed, Span<byte> plain, int wanted, out int read) =>
        deflate ? DeflateBlock.Decode(compressed, plain, wanted, out read) : Lz4Block.Decode(compressed, plain, wanted, out read);
}
