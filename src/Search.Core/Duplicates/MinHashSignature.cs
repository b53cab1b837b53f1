using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

    /// <summary>The signature of a shingle set (order and repeats do not matter).</summary>
    public static uint[] Compute(ReadOnlySpan<uint> shingles)
    {
        if (Avx2.IsSupported)
            return Compute256(shingles);
        return ComputeScalar(shingles);
    }

    /// <summary>One function at a time: what the vector forms must equal, bit for bit.</summary>
    internal static uint[] ComputeScalar(ReadOnlySpan<uint> shingles)
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

    // The vector form computes (A·x + B) >> 32 without a 64-bit multiply, which AVX2 lacks: with
    // A = Ahi·2^32 + Alo and x < 2^32, the high half of A·x + B (mod 2^64) is the high half of
    // t = Alo·x + B (a 32 × 32 → 64-bit multiply) plus the low half of Ahi·x (mod 2^32, a 32-bit
    // multiply: eight functions in one instruction). The high halves of two vectors of t (functions
    // j and j + 4) are blended into one vector of 32-bit lanes, whose running minimum is one
    // instruction; the lanes are put back in function order at the end. Nine instructions per eight
    // functions, where adding Ahi·x as a 64-bit product took fourteen. (An AVX-512 form, 64-bit
    // multiplies or this one on 512 bits, was no faster on the AMD EPYC this was measured on.)

    internal static uint[] Compute256(ReadOnlySpan<uint> shingles)
    {
        const int Lanes = 4, Groups = Length / (2 * Lanes);
        var c = Constants256.Value;
        Span<Vector256<uint>> min = stackalloc Vector256<uint>[Groups];
        min.Fill(Vector256<uint>.AllBitsSet);
        foreach (uint s in shingles)
        {
            var x = Vector256.Create(s);
            for (int g = 0; g < Groups; g++)
            {
                var first = Avx2.Multiply(c[5 * g].AsUInt32(), x) + c[5 * g + 1]; // Alo·x + B, functions j
                var second = Avx2.Multiply(c[5 * g + 2].AsUInt32(), x) + c[5 * g + 3]; // functions j + 4
                var high = Avx2.Blend((first >>> 32).AsUInt32(), second.AsUInt32(), 0b1010_1010);
                min[g] = Vector256.Min(min[g], high + Avx2.MultiplyLow(c[5 * g + 4].AsUInt32(), x));
            }
        }
        var signature = new uint[Length];
        for (int g = 0; g < Groups; g++)
            for (int k = 0; k < Lanes; k++)
            {
                signature[g * 2 * Lanes + k] = min[g].GetElement(2 * k);
                signature[g * 2 * Lanes + Lanes + k] = min[g].GetElement(2 * k + 1);
            }
        return signature;
    }

    /// <summary>Per group of eight functions (j = 8g .. 8g + 3 first, j + 4 second): Alo and B of the
    /// first four (64-bit lanes), Alo and B of the second four, and Ahi of all eight as 32-bit lanes
    /// in the order the blend leaves them (first, second, first, second, …).</summary>
    private static readonly Lazy<Vector256<ulong>[]> Constants256 = new(() =>
    {
        const int Lanes = 4, Groups = Length / (2 * Lanes);
        var result = new Vector256<ulong>[5 * Groups];
        for (int g = 0; g < Groups; g++)
        {
            int first = g * 2 * Lanes, second = first + Lanes;
            result[5 * g] = Vector256.Create(A[first..second].Select(a => a & 0xFFFF_FFFFUL).ToArray());
            result[5 * g + 1] = Vector256.Create(B[first..second]);
            result[5 * g + 2] = Vector256.Create(A[second..(second + Lanes)].Select(a => a & 0xFFFF_FFFFUL).ToArray());
            result[5 * g + 3] = Vector256.Create(B[second..(second + Lanes)]);
            var high = new uint[2 * Lanes];
            for (int k = 0; k < Lanes; k++)
            {
                high[2 * k] = (uint)(A[first + k] >> 32);
                high[2 * k + 1] = (uint)(A[second + k] >> 32);
            }
            result[5 * g + 4] = Vector256.Create(high).AsUInt64();
        }
        return result;
    });

    /// <summary>Share of positions where two signatures agree: an estimate of Jaccard similarity.</summary>
    public static double Agreement(uint[] a, uint[] b)
    {
        int same = 0;
        for (int i = 0; i < a.Length; i++)
            if (a[i] == b[i]) same++;
        return (double)same / a.Length;
    }
}
