namespace Search.Core.Duplicates;

/// <summary>
/// Locality-sensitive hashing over a <see cref="MinHashSignature"/>: the signature is cut into
/// <see cref="Bands"/> bands of <see cref="Rows"/> values and each band hashed to one key. Two texts
/// sharing a key in the same band are candidates. With Jaccard similarity J the chance of sharing one is
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

    /// <summary>Bytes the keys of one article take (<see cref="Write"/>): four a band.</summary>
    public const int KeyBytes = Bands * sizeof(uint);

    /// <summary>One 32-bit key per band (index = band): a hash of the band number and its values.
    /// Keys are compared only within their band, so two unrelated articles share one by chance
    /// with probability 2^-32 per band (about one spurious candidate pair per band for every
    /// 90,000 articles; at a million, some 4,600 pairs in all, each turned down by the rule).</summary>
    public static uint[] Keys(uint[] signature)
    {
        var keys = new uint[Bands];
        for (int b = 0; b < Bands; b++)
            keys[b] = Key(signature, b);
        return keys;
    }

    /// <summary>Writes the keys of <see cref="Keys"/> into <paramref name="into"/> as <see cref="KeyBytes"/> little-endian bytes, band by band.</summary>
    public static void Write(uint[] signature, Span<byte> into)
    {
        for (int b = 0; b < Bands; b++)
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(into[(b * sizeof(uint))..], Key(signature, b));
    }

    /// <summary>Band <paramref name="band"/>'s key out of bytes written by <see cref="Write"/>.</summary>
    public static uint Read(ReadOnlySpan<byte> keys, int band) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(keys[(band * sizeof(uint))..]);

    private static uint Key(uint[] signature, int band)
    {
        ulong h = (ulong)band;
        for (int r = 0; r < Rows; r++)
            h = TextShingles.Mix(h * 0x9E3779B97F4A7C15UL + signature[band * Rows + r]);
        return (uint)(h >> 32);
    }
}
