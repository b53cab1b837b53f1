using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Search.Core.Querying.StoredFields;

/// <summary>
/// Reads a few stored string fields of one document of a reader: through the segment's
/// <see cref="SegmentStoredFields"/> when its format is the one this program writes, else (and for
/// a chunk that reader leaves alone) through Lucene's own document loading. The same values either
/// way (<c>HitDocumentsTests</c> compares every document of the seed and BBC indexes).
/// Each segment's reader is opened at its first read and closed with the segment.
/// </summary>
internal static class HitDocuments
{
    private static readonly ConditionalWeakTable<object, Lazy<SegmentStoredFields?>> Segments = new();

    public static StoredValues Read(IndexReader reader, int doc, StoredFieldSet fields)
    {
        var values = new string?[fields.Names.Count];
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        if (leaf.Reader is SegmentReader segment && For(segment) is { } stored && TryRead(stored, doc - leaf.DocBase, fields, values))
            return new StoredValues(fields, values);
        var document = reader.Document(doc, fields.AsSet);
        for (int i = 0; i < values.Length; i++)
            values[i] = document.Get(fields.Names[i]);
        return new StoredValues(fields, values);
    }

    /// <summary>A chunk this reader finds damaged is read again by Lucene, which either reads it
    /// (so a hit never fails on this reader's account) or says what is wrong in its own words.</summary>
    private static bool TryRead(SegmentStoredFields stored, int doc, StoredFieldSet fields, string?[] values)
    {
        try
        {
            return stored.TryRead(doc, fields, values);
        }
        catch (CorruptIndexException)
        {
            Array.Clear(values);
            return false;
        }
    }

    /// <summary>The segment's reader, opened once per segment core (deletions do not change the
    /// stored fields) and closed with it; null when Lucene's reader must serve.</summary>
    private static SegmentStoredFields? For(SegmentReader segment) =>
        Segments.GetValue(segment.CoreCacheKey, _ => new Lazy<SegmentStoredFields?>(() => Open(segment))).Value;

    private static SegmentStoredFields? Open(SegmentReader segment)
    {
        SegmentStoredFields? stored;
        // A file that cannot be opened our way is left to Lucene's reader, which says what is wrong.
        try { stored = SegmentStoredFields.Open(segment); }
        catch (IOException) { return null; }
        if (stored != null)
            segment.AddCoreDisposedListener(new CloseWithCore(stored));
        return stored;
    }

    private sealed class CloseWithCore(SegmentStoredFields stored) : SegmentReader.ICoreDisposedListener
    {
        public void OnDispose(object ownerCoreCacheKey) => stored.Dispose();
    }
}
