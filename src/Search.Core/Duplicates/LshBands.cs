namespace Search.Core.Duplicates;

/// <summary>
/// Locality-sensitive hashing over a <see cref="MinHashSignature"/>: the signature is cut into
/// <see cref="Bands"/> bands of <see cref="Rows"/> values and each band hashed to one key. Two texts
/// sharing any key are candidates. With Jaccard similarity J the chance of sharing one is
/// 1 - (1 - J^3)^40: 0.995 at J = 0.5, 0.93 at 0.4, 0.66 at 0.3, 0.04 at 0.1 — generous on
/// purpose, since every candidate is then verified exactly (<see cref="NearDuplicateRule"/>).
/// </summary>
public static class LshBands
{
    public const int Bands = 40;
    public const int Rows = 3;

    /// <summary>One keyword term per band: the band's one-character <see cref="Prefix"/> and a 48-bit
    /// hash of its values in eight base-64 characters (9 bytes a term: band terms are most of the
    /// terms of an index, one per band and article, and nearly all unique).</summary>
    public static string[] Keys(uint[] signature)
    {
        var keys = new string[Bands];
        Span<char> key = stackalloc char[9];
        for (int b = 0; b < Bands; b++)
        {
            ulong h = (ulong)b;
            for (int r = 0; r < Rows; r++)
                h = TextShingles.Mix(h * 0x9E3779B97F4A7C15UL + signature[b * Rows + r]);
            key[0] = PrefixChar(b);
            h >>= 16;
            for (int i = 1; i < key.Length; i++, h >>= 6)
                key[i] = Digits[(int)(h & 63)];
            keys[b] = new string(key);
        }
        return keys;
    }

    /// <summary>What every key of band <paramref name="band"/> starts with (keys sort by band).</summary>
    public static string Prefix(int band) => PrefixChar(band).ToString();

    private static char PrefixChar(int band) => (char)('0' + band);

    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
}
