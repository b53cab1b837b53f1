using System.Buffers.Binary;
using Lucene.Net.Util;

namespace Search.Core.Duplicates;

/// <summary>
/// What verifying a candidate pair needs of one article, kept beside it in the index (a binary
/// doc value): its shingle set, the numbers it states, its date, and its own cluster key (what its
/// cluster is called when it starts one). Built from the body: headlines are what outlets rewrite.
/// </summary>
public sealed class DuplicateFingerprint
{
    /// <summary>Shingles kept per article: the first ones in text order, so a copy trimmed at the end
    /// keeps the same ones. 7,000 × 4 bytes stays under Lucene's 32,766-byte doc value limit.</summary>
    public const int MaxShingles = 7_000;
    private const int MaxNumbers = 500;

    public required long OwnKey { get; init; }
    /// <summary>Sorted distinct shingle hashes.</summary>
    public required uint[] Shingles { get; init; }
    /// <summary>Sorted distinct hashes of the numbers stated.</summary>
    public required uint[] Numbers { get; init; }
    /// <summary>yyyyMMdd, or 0 when undated.</summary>
    public int Date { get; init; }

    /// <summary>The fingerprint of an article's body, or null when it is too short to be compared.</summary>
    public static DuplicateFingerprint? Of(string id, string body, string? published)
    {
        var words = TextShingles.Words(body);
        if (words.Count < NearDuplicateRule.MinWords)
            return null;
        if (words.Count > MaxShingles + TextShingles.Width - 1)
            words = words.GetRange(0, MaxShingles + TextShingles.Width - 1);
        return new DuplicateFingerprint
        {
            OwnKey = KeyOf(id, body),
            Shingles = TextShingles.Shingles(words),
            Numbers = TextShingles.Numbers(body, MaxNumbers),
            Date = ParseDate(published),
        };
    }

    /// <summary>A nonzero key from the id and text: stable across rebuilds, and a changed article
    /// does not reuse the key of the cluster its old text may have started.</summary>
    public static long KeyOf(string id, string body)
    {
        long key = (long)(TextShingles.Hash(id) ^ TextShingles.Mix(TextShingles.Hash(body) + 1)) & long.MaxValue;
        return key == 0 ? 1 : key;
    }

    public static int ParseDate(string? published) =>
        published is { Length: 10 } p && int.TryParse(p.Replace("-", ""), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int d) ? d : 0;

    public byte[] Encode()
    {
        var bytes = new byte[8 + 4 + 4 + 4 + 4 * (Shingles.Length + Numbers.Length)];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt64LittleEndian(span, OwnKey);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], Date);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], Shingles.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], Numbers.Length);
        int at = 20;
        foreach (uint s in Shingles) { BinaryPrimitives.WriteUInt32LittleEndian(span[at..], s); at += 4; }
        foreach (uint n in Numbers) { BinaryPrimitives.WriteUInt32LittleEndian(span[at..], n); at += 4; }
        return bytes;
    }

    /// <summary>Reads a fingerprint back; null for an empty value (an article too short to have one).</summary>
    public static DuplicateFingerprint? Decode(BytesRef value)
    {
        if (value.Length < 20)
            return null;
        var span = value.Bytes.AsSpan(value.Offset, value.Length);
        int shingles = BinaryPrimitives.ReadInt32LittleEndian(span[12..]);
        int numbers = BinaryPrimitives.ReadInt32LittleEndian(span[16..]);
        var s = new uint[shingles];
        var n = new uint[numbers];
        int at = 20;
        for (int i = 0; i < shingles; i++, at += 4) s[i] = BinaryPrimitives.ReadUInt32LittleEndian(span[at..]);
        for (int i = 0; i < numbers; i++, at += 4) n[i] = BinaryPrimitives.ReadUInt32LittleEndian(span[at..]);
        return new DuplicateFingerprint
        {
            OwnKey = BinaryPrimitives.ReadInt64LittleEndian(span),
            Date = BinaryPrimitives.ReadInt32LittleEndian(span[8..]),
            Shingles = s,
            Numbers = n,
        };
    }
}
