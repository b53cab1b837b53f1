using Lucene.Net.Index;

namespace Search.Core.Querying.StoredFields;

/// <summary>Lucene 4.1's compressing stored fields: the head of a chunk (its documents' field
/// counts and lengths, read as <c>CompressingStoredFieldsWriter</c> writes them) and the compressed data
/// after it (<see cref="SegmentStoredFields"/>).</summary>
internal ref struct ChunkReader(ReadOnlySpan<byte> chunk)
{
    private readonly ReadOnlySpan<byte> _chunk = chunk;
    private int _at;

    public readonly ReadOnlySpan<byte> Rest => _chunk[_at..];

    /// <summary>Where document <paramref name="doc"/> lies in the decoded chunk, the chunk's
    /// decoded length, and how many stored fields the document has.</summary>
    public (int Offset, int Length, int Total, int Fields) Locate(int doc, int expectedBase)
    {
        int docBase = (int)VLong(_chunk, ref _at);
        int chunkDocs = (int)VLong(_chunk, ref _at);
        if (docBase != expectedBase || doc < docBase || doc >= docBase + chunkDocs)
            throw new CorruptIndexException($"stored fields chunk at doc {docBase} ({chunkDocs} docs) does not hold doc {doc}");
        int index = doc - docBase;
        if (chunkDocs == 1)
        {
            int fields1 = (int)VLong(_chunk, ref _at);
            int length1 = (int)VLong(_chunk, ref _at);
            return (0, length1, length1, fields1);
        }
        int fieldBits = (int)VLong(_chunk, ref _at);
        if (fieldBits > 31)
            throw new CorruptIndexException($"stored fields chunk at doc {docBase}: {fieldBits} bits per field count");
        int fields = fieldBits == 0 ? (int)VLong(_chunk, ref _at) : (int)Packed(chunkDocs, fieldBits, index);
        int lengthBits = (int)VLong(_chunk, ref _at);
        if (lengthBits > 31)
            throw new CorruptIndexException($"stored fields chunk at doc {docBase}: {lengthBits} bits per length");
        if (lengthBits == 0)
        {
            int each = (int)VLong(_chunk, ref _at);
            return (index * each, each, chunkDocs * each, fields);
        }
        int offset = 0, total = 0, length = 0;
        var packed = _chunk.Slice(_at, PackedBytes(chunkDocs, lengthBits));
        for (int i = 0; i < chunkDocs; i++)
        {
            int l = (int)Value(packed, i, lengthBits);
            if (i < index)
                offset += l;
            else if (i == index)
                length = l;
            total += l;
        }
        _at += packed.Length;
        return (offset, length, total, fields);
    }

    /// <summary>Value <paramref name="index"/> of the packed block of <paramref name="count"/>
    /// values that starts here, and moves past the block.</summary>
    private long Packed(int count, int bits, int index)
    {
        var packed = _chunk.Slice(_at, PackedBytes(count, bits));
        _at += packed.Length;
        return Value(packed, index, bits);
    }

    private static int PackedBytes(int count, int bits) => (int)(((long)count * bits + 7) >> 3);

    /// <summary>Lucene's PACKED format: values of <paramref name="bits"/> bits (at most 31)
    /// one after the other, most significant bit first.</summary>
    private static long Value(ReadOnlySpan<byte> packed, int index, int bits)
    {
        long bit = (long)index * bits;
        int first = (int)(bit >> 3);
        int needed = (int)(bit & 7) + bits;
        int bytes = (needed + 7) >> 3;
        ulong v = 0;
        for (int i = 0; i < bytes; i++)
            v = (v << 8) | packed[first + i];
        return (long)((v >> (bytes * 8 - needed)) & ((1UL << bits) - 1));
    }

    public static long VLong(ReadOnlySpan<byte> bytes, ref int at)
    {
        long value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = bytes[at++];
            value |= (long)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
            if (shift > 56)
                throw new CorruptIndexException("stored fields: a variable-length number runs on");
        }
    }
}
