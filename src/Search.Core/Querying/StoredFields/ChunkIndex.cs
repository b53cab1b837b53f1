using Lucene.Net.Store;

namespace Search.Core.Querying.StoredFields;

/// <summary>Where a segment's stored-field chunks are (<see cref="SegmentStoredFields"/>): each
/// chunk's first document and start in the data file, the data file's end, and the chunk size the
/// segment was written with.</summary>
internal sealed record ChunkIndex(int[] DocBases, long[] Starts, long MaxPointer, int ChunkSize)
{
    /// <summary>Each chunk's first document and start in the data file, from the blocks of the
    /// <c>.fdx</c> (per block: first doc and pointer, an average step and packed differences from it).</summary>
    public static (int[] DocBases, long[] Starts) Read(IndexInput index, int docCount)
    {
        int packedVersion = index.ReadVInt32();
        var docBases = new List<int>();
        var starts = new List<long>();
        for (int chunks; (chunks = index.ReadVInt32()) != 0;)
        {
            int blockDocBase = index.ReadVInt32();
            int averageDocs = index.ReadVInt32();
            var docDeltas = Lucene.Net.Util.Packed.PackedInt32s.GetReaderNoHeader(index, Lucene.Net.Util.Packed.PackedInt32s.Format.PACKED, packedVersion, chunks, index.ReadVInt32());
            long blockStart = index.ReadVInt64();
            long averageSize = index.ReadVInt64();
            var startDeltas = Lucene.Net.Util.Packed.PackedInt32s.GetReaderNoHeader(index, Lucene.Net.Util.Packed.PackedInt32s.Format.PACKED, packedVersion, chunks, index.ReadVInt32());
            for (int c = 0; c < chunks; c++)
            {
                docBases.Add(blockDocBase + averageDocs * c + (int)ZigZag(docDeltas.Get(c)));
                starts.Add(blockStart + averageSize * c + ZigZag(startDeltas.Get(c)));
            }
        }
        if (docBases.Count == 0 && docCount > 0)
            throw new CorruptIndexException($"stored fields index lists no chunk for {docCount} documents ({index})");
        return (docBases.ToArray(), starts.ToArray());
    }

    private static long ZigZag(long n) => (long)((ulong)n >> 1) ^ -(n & 1);

    /// <summary>The chunk that holds document <paramref name="doc"/> (of the segment).</summary>
    public int ChunkOf(int doc)
    {
        int i = Array.BinarySearch(DocBases, doc);
        return i >= 0 ? i : ~i - 1;
    }
}
