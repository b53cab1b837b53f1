using System.Buffers.Binary;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// What the index holds of each record of a file, for per-record change detection: the record's
/// <see cref="RecordHash"/> and id, kept in one binary doc value per article (16 bytes of hash,
/// then the id in UTF-8).
/// </summary>
public static class RecordState
{
    public static BytesRef Encode(UInt128 hash, string id)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(id)];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, hash);
        Encoding.UTF8.GetBytes(id, bytes.AsSpan(16));
        return new BytesRef(bytes);
    }

    public static (UInt128 Hash, string Id) Decode(BytesRef value)
    {
        var span = value.Bytes.AsSpan(value.Offset, value.Length);
        if (span.Length < 16)
            return (UInt128.Zero, Encoding.UTF8.GetString(span));
        return (BinaryPrimitives.ReadUInt128LittleEndian(span), Encoding.UTF8.GetString(span[16..]));
    }

    /// <summary>The records the index holds for the file at <paramref name="path"/>: id → hash.</summary>
    public static Dictionary<string, UInt128> Load(IndexSearcher searcher, string path)
    {
        var records = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        var reader = searcher.IndexReader;
        var scratch = new BytesRef();
        var query = new TermQuery(new Term(Schema.Path, path));
        var weight = searcher.CreateNormalizedWeight(query);
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetBinaryDocValues(Schema.RecordState);
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (values == null || scorer == null)
                continue;
            int doc;
            while ((doc = scorer.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                values.Get(doc, scratch);
                var (hash, id) = Decode(scratch);
                records[id] = hash;
            }
        }
        return records;
    }
}
