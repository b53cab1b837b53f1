using System.Buffers.Binary;
using Lucene.Net.Util;

namespace Search.Core.Duplicates;

/// <summary>
/// What clustering needs of one article, kept beside it in the index (a binary doc value): its
/// shingle set, the numbers it states and its date (to verify a candidate), its MinHash signature
/// (to look up its candidates), its id (to set its key) and its own cluster key (what its cluster
/// is called when it starts one). Built from the body: headlines are what outlets rewrite.
/// </summary>
public sealed class DuplicateFingerprint
{
    /// <summary>Shingles kept per article: the first ones in text order, so a copy trimmed at the end
    /// keeps the same ones. 7,000 × 4 bytes (with the signature and numbers) stays under Lucene's
    /// 32,766-byte doc value limit.</summary>
    public const int MaxShingles = 7_000;
    private const int MaxNumbers = 400;

    public required long OwnKey { get; init; }
    public required string Id { get; init; }
    /// <summary>The <see cref="MinHashSignature"/> of <see cref="Shingles"/>.</summary>
    public required uint[] Signature { get; init; }
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
        var numbers = TextShingles.Numbers(body, words, MaxNumbers);
        if (words.Count > MaxShingles + TextShingles.Width - 1)
            words = words.GetRange(0, MaxShingles + TextShingles.Width - 1);
        var shingles = TextShingles.Shingles(words);
        return new DuplicateFingerprint
        {
            OwnKey = KeyOf(id, body),
            Id = id,
            Shingles = shingles,
            Signature = MinHashSignature.Compute(shingles),
            Numbers = numbers,
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

    /// <summary>Layout: own key, date, counts of shingles, numbers and id bytes, then the signature,
    /// shingles, numbers (little-endian 32-bit) and the id (UTF-8). Null when it would pass Lucene's
    /// 32,766-byte limit on a doc value (an id of kilobytes): the article is then not clustered.</summary>
    public byte[]? Encode()
    {
        var id = System.Text.Encoding.UTF8.GetBytes(Id);
        int length = Header + 4 * (MinHashSignature.Length + Shingles.Length + Numbers.Length) + id.Length;
        if (length > MaxBytes)
            return null;
        var bytes = new byte[length];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt64LittleEndian(span, OwnKey);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], Date);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], Shingles.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], Numbers.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], id.Length);
        int at = Header;
        foreach (uint v in Signature) { BinaryPrimitives.WriteUInt32LittleEndian(span[at..], v); at += 4; }
        foreach (uint s in Shingles) { BinaryPrimitives.WriteUInt32LittleEndian(span[at..], s); at += 4; }
        foreach (uint n in Numbers) { BinaryPrimitives.WriteUInt32LittleEndian(span[at..], n); at += 4; }
        id.CopyTo(span[at..]);
        return bytes;
    }

    private const int Header = 24;
    private const int MaxBytes = 32_766;

    /// <summary>Reads a fingerprint back; null for an empty value (an article too short to have one).</summary>
    public static DuplicateFingerprint? Decode(BytesRef value)
    {
        if (value.Length < Header)
            return null;
        var span = value.Bytes.AsSpan(value.Offset, value.Length);
        int shingles = BinaryPrimitives.ReadInt32LittleEndian(span[12..]);
        int numbers = BinaryPrimitives.ReadInt32LittleEndian(span[16..]);
        int idBytes = BinaryPrimitives.ReadInt32LittleEndian(span[20..]);
        var signature = new uint[MinHashSignature.Length];
        var s = new uint[shingles];
        var n = new uint[numbers];
        int at = Header;
        for (int i = 0; i < signature.Length; i++, at += 4) signature[i] = BinaryPrimitives.ReadUInt32LittleEndian(span[at..]);
        for (int i = 0; i < shingles; i++, at += 4) s[i] = BinaryPrimitives.ReadUInt32LittleEndian(span[at..]);
        for (int i = 0; i < numbers; i++, at += 4) n[i] = BinaryPrimitives.ReadUInt32LittleEndian(span[at..]);
        return new DuplicateFingerprint
        {
            OwnKey = BinaryPrimitives.ReadInt64LittleEndian(span),
            Date = BinaryPrimitives.ReadInt32LittleEndian(span[8..]),
            Id = System.Text.Encoding.UTF8.GetString(span.Slice(at, idBytes)),
            Signature = signature,
            Shingles = s,
            Numbers = n,
        };
    }
}
