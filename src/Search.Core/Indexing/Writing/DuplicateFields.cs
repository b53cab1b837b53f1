using System.Buffers.Binary;
using Search.Core.Duplicates;
using Search.Core.Ingest;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// The fields an article carries for duplicate clustering: its LSH band keys, with its number of
/// distinct shingles and its date (binary doc values, <see cref="ValueBytes"/> bytes, read by
/// <see cref="DuplicateClusterer"/> to find candidates and to turn down, without reading the stored
/// text, those <see cref="NearDuplicateRule.WhyNotBySize"/> rejects) and its cluster key (numeric doc value). The band keys are not terms: forty nearly
/// unique terms per article were most of the terms of an index and a quarter of a build's time
/// (every unique term is sorted, written and merged again and again), where a fixed-width doc value
/// is copied as it is. Nothing else is stored for it: a candidate is verified from the stored text.
/// The key starts as the article's own key negated: a story of its own, until
/// <see cref="DuplicateClusterer"/> finds it a copy and sets the cluster's key (before the build's
/// last commit); an article too short to compare is its own cluster from the start.
/// </summary>
public static class DuplicateFields
{
    public static void Add(Document doc, Article article)
    {
        // What DuplicateFingerprint.Of would give, without what only verifying a pair needs; the
        // body's hash for the article's own key comes out of the same pass over its characters.
        var sketch = ShingleSketch.Of(article.Body, out ulong bodyHash);
        long ownKey = DuplicateFingerprint.KeyOf(article.Id, bodyHash);
        if (sketch is not var (signature, shingles))
        {
            doc.Add(new NumericDocValuesField(Schema.Cluster, ownKey));
            return;
        }
        var value = new byte[ValueBytes];
        LshBands.Write(signature, value);
        BinaryPrimitives.WriteInt32LittleEndian(value.AsSpan(LshBands.KeyBytes), shingles);
        BinaryPrimitives.WriteInt32LittleEndian(value.AsSpan(LshBands.KeyBytes + sizeof(int)), DuplicateFingerprint.ParseDate(article.Published));
        doc.Add(new BinaryDocValuesField(Schema.DuplicateBands, new BytesRef(value)));
        doc.Add(new NumericDocValuesField(Schema.Cluster, -ownKey));
    }

    /// <summary>The number of the build that adds the article (<see cref="Schema.ClusterBuild"/>):
    /// the clustering pass looks only at articles of builds the commit does not record as clustered,
    /// so an article that joins no cluster keeps the key it was added with (its own, negated) and
    /// costs no update. One value per build: a segment stores it in a bit or two per article.</summary>
    public static void AddBuild(Document doc, long buildNumber) =>
        doc.Add(new NumericDocValuesField(Schema.ClusterBuild, buildNumber));

    /// <summary>Bytes of the <see cref="Schema.DuplicateBands"/> value: the band keys, the number
    /// of distinct shingles, the date (yyyyMMdd, 0 when undated).</summary>
    public const int ValueBytes = LshBands.KeyBytes + 2 * sizeof(int);

    /// <summary>The number of distinct shingles out of a <see cref="Schema.DuplicateBands"/> value.</summary>
    public static int Shingles(ReadOnlySpan<byte> value) => BinaryPrimitives.ReadInt32LittleEndian(value[LshBands.KeyBytes..]);

    /// <summary>The date out of a <see cref="Schema.DuplicateBands"/> value.</summary>
    public static int Date(ReadOnlySpan<byte> value) => BinaryPrimitives.ReadInt32LittleEndian(value[(LshBands.KeyBytes + sizeof(int))..]);
}
