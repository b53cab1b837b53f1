using System.Runtime.CompilerServices;

namespace Search.Core.Facets;

/// <summary>
/// One segment's facet value ordinals for one dimension, read once from its sorted-set doc values
/// into arrays (compressed-row form: <c>Start[doc]</c>..<c>Start[doc + 1]</c> in <c>Ords</c>) and
/// cached as long as the segment lives (keyed by its core, which deletions do not change). Facet
/// counting over every match then reads arrays instead of decoding packed doc values per
/// document, which was most of the time of a query with facets.
/// </summary>
public sealed class SegmentOrdinals
{
    private static readonly ConditionalWeakTable<object, Dictionary<string, SegmentOrdinals?>> Cache = new();

    private SegmentOrdinals(int[] start, int[] ords, long valueCount)
    {
        Start = start;
        Ords = ords;
        ValueCount = valueCount;
    }

    public int[] Start { get; }
    public int[] Ords { get; }

    /// <summary>The labels of the ordinals, decoded once for every query (filled as they are
    /// needed; a race between two queries writes the same string twice).</summary>
    public string?[] Labels => _labels ??= new string?[ValueCount];

    private string?[]? _labels;

    /// <summary>Distinct values in the segment (labels come from the segment's doc values, which
    /// are per thread: this object is shared by every query).</summary>
    public long ValueCount { get; }

    /// <summary>The ordinals of <paramref name="field"/> in <paramref name="reader"/>; null when no
    /// document of the segment has the field.</summary>
    public static SegmentOrdinals? For(AtomicReader reader, string field)
    {
        var byField = Cache.GetValue(reader.CoreCacheKey, _ => new Dictionary<string, SegmentOrdinals?>());
        lock (byField)
        {
            if (!byField.TryGetValue(field, out var ordinals))
                byField[field] = ordinals = Read(reader, field);
            return ordinals;
        }
    }

    /// <summary>The first value of <paramref name="field"/> of document <paramref name="doc"/> of
    /// <paramref name="reader"/> (its label as indexed, which is the stored value), or null: read
    /// from the cached ordinals, not from the stored fields (whose whole block would be decompressed).</summary>
    public static string? FirstLabel(AtomicReader reader, string field, int doc)
    {
        var ordinals = For(reader, field);
        if (ordinals == null || ordinals.Start[doc] == ordinals.Start[doc + 1])
            return null;
        int ord = ordinals.Ords[ordinals.Start[doc]];
        var labels = ordinals.Labels;
        if (labels[ord] is { } known)
            return known;
        var scratch = new Lucene.Net.Util.BytesRef();
        reader.GetSortedSetDocValues(field).LookupOrd(ord, scratch);
        return labels[ord] = scratch.Utf8ToString();
    }

    private static SegmentOrdinals? Read(AtomicReader reader, string field)
    {
        var values = reader.GetSortedSetDocValues(field);
        if (values == null)
            return null;
        var start = new int[reader.MaxDoc + 1];
        var ords = new List<int>(reader.MaxDoc);
        for (int doc = 0; doc < reader.MaxDoc; doc++)
        {
            start[doc] = ords.Count;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                ords.Add((int)ord);
        }
        start[reader.MaxDoc] = ords.Count;
        return new SegmentOrdinals(start, ords.ToArray(), values.ValueCount);
    }
}
