namespace Search.Core.Duplicates;

/// <summary>
/// Locality-sensitive hashing over a <see cref="MinHashSignature"/>: the signature is cut into
/// <see cref="Bands"/> bands of <see cref="Rows"/> values and each band hashed to one key. Two texts
/// sharing any key are candidates. With Jaccard similarity J the chance of sharing one is
/// 1 - (1 - J^2)^40: 0.9998 at J = 0.5, 0.998 at 0.4, 0.98 at 0.3, 0.80 at 0.2, 0.33 at 0.1 —
/// generous on purpose, since every candidate is then verified exactly
/// (<see cref="NearDuplicateRule"/>). Two rows, not three: a copy rewritten with every edit at once
/// (trimmed, reworded, another story's paragraph inserted) keeps a Jaccard similarity of 0.25–0.4
/// with its original, where three rows missed one in five; unrelated texts stay near J = 0, so the
/// extra candidates are mostly look-alikes the rule then turns down.
/// </summary>
public static class LshBands
{
    public const int Bands = 40;
    public const int Rows = 2;

    /// <summary>One keyword term per band: a 42-bit hash of the band number and its values, as six
    /// 7-bit characters (6 bytes a term: band terms are most of the terms of an index, one per band
    /// and article and nearly all unique, so their length is what they cost). Keys of different
    /// bands collide only as two random 42-bit hashes do, and any candidate is verified anyway.</summary>
    public static string[] Keys(uint[] signature)
    {
        var keys = new string[Bands];
        Span<char> key = stackalloc char[KeyLength];
        for (int b = 0; b < Bands; b++)
        {
            ulong h = (ulong)b;
            for (int r = 0; r < Rows; r++)
                h = TextShingles.Mix(h * 0x9E3779B97F4A7C15UL + signature[b * Rows + r]);
            for (int i = 0; i < key.Length; i++, h >>= 7)
                key[i] = (char)(h & 0x7F);
            keys[b] = new string(key);
        }
        return keys;
    }

    public const int KeyLength = 6;

}
