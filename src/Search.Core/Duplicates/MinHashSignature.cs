namespace Search.Core.Duplicates;

/// <summary>
/// A MinHash signature of a shingle set: for each of <see cref="Length"/> hash functions, the
/// smallest value any shingle takes. Two sets agree at one position with probability equal to
/// their Jaccard similarity, so equal runs of positions (<see cref="LshBands"/>) find similar texts
/// without comparing every pair. Lucene.Net 4.8 has no MinHash filter (Lucene added one in 6.2).
/// </summary>
public static class MinHashSignature
{
    /// <summary>Hash functions: <see cref="LshBands.Bands"/> × <see cref="LshBands.Rows"/>.</summary>
    public const int Length = LshBands.Bands * LshBands.Rows;

    // Hash function i is (A[i]·x + B[i]) >> 32 over 64-bit words: multiply-shift, a universal family
    // that costs one multiply per shingle and function. Fixed seeds: signatures are indexed.
    private static readonly ulong[] A = new ulong[Length];
    private static readonly ulong[] B = new ulong[Length];

    static MinHashSignature()
    {
        ulong state = 0x5EED_D0C5_1234_ABCDUL;
        for (int i = 0; i < Length; i++)
        {
            A[i] = TextShingles.Mix(state += 0x9E3779B97F4A7C15UL) | 1UL;
            B[i] = TextShingles.Mix(state += 0x9E3779B97F4A7C15UL);
        }
    }

    public static uint[] Compute(ReadOnlySpan<uint> shingles)
    {
        var signature = new uint[Length];
        Array.Fill(signature, uint.MaxValue);
        foreach (uint s in shingles)
        {
            ulong x = s;
            for (int i = 0; i < signature.Length; i++)
            {
                uint h = (uint)((A[i] * x + B[i]) >> 32);
                if (h < signature[i])
                    signature[i] = h;
            }
        }
        return signature;
    }

    /// <summary>Share of positions where two signatures agree: an estimate of Jaccard similarity.</summary>
    public static double Agreement(uint[] a, uint[] b)
    {
        int same = 0;
        for (int i = 0; i < a.Length; i++)
            if (a[i] == b[i]) same++;
        return (double)same / a.Length;
    }
}
