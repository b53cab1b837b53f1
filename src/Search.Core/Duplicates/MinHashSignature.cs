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

    // The vector forms compute (A·x + B) >> 32 without a 64-bit multiply, which AVX2 lacks: with
    // A = Ahi·2^32 + Alo and x < 2^32, the high half of A·x + B (mod 2^64) is the high half of
    // t = Alo·x + B plus the low half of Ahi·x (mod 2^32), each product 32 × 32 → 64 bits. Two
    // vectors of 64-bit lanes (functions j and j + lanes) pack into one vector of 32-bit lanes, whose
    // running minimum is one instruction; the lanes are put back in function order at the end. One
    // form, AVX2's: an AVX-512 twin of it was faster still, but MinHash is under 1 % of a build now.

    internal static uint[] Compute256(ReadOnlySpan<uint> shingles)
    {
        const int Lanes = 4, Groups = Length / (2 * Lanes);
        var c = Constants256.Value;
        Span<Vector256<uint>> min = stackalloc Vector256<uint>[Groups];
        min.Fill(Vector256<uint>.AllBitsSet);
        var low = Vector256.Create(0xFFFF_FFFFUL);
        foreach (uint s in shingles)
        {
            var x = Vector256.Create((ulong)s).AsUInt32();
            for (int g = 0; g < Groups; g++)
            {
                var first = Hash(c[6 * g], c[6 * g + 1], c[6 * g + 2], x);
                var second = Hash(c[6 * g + 3], c[6 * g + 4], c[6 * g + 5], x);
                var both = ((first & low) | (second << 32)).AsUInt32();
                min[g] = Vector256.Min(min[g], both);
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

        static Vector256<ulong> Hash(Vector256<ulong> alo, Vector256<ulong> ahi, Vector256<ulong> b, Vector256<uint> x) =>
            ((Avx2.Multiply(alo.AsUInt32(), x) + b) >>> 32) + Avx2.Multiply(ahi.AsUInt32(), x);
    }

    /// <summary>Per group of 2 × lanes functions: Alo, Ahi, B of its first lanes, then of its second.</summary>
    private static T[] Split<T>(int lanes, Func<ulong[], T> vector)
    {
        int groups = Length / (2 * lanes);
        var result = new T[6 * groups];
        for (int g = 0; g < groups; g++)
            for (int half = 0; half < 2; half++)
            {
                int from = g * 2 * lanes + half * lanes;
                result[6 * g + 3 * half] = vector(A[from..(from + lanes)].Select(a => a & 0xFFFF_FFFFUL).ToArray());
                result[6 * g + 3 * half + 1] = vector(A[from..(from + lanes)].Select(a => a >> 32).ToArray());
                result[6 * g + 3 * half + 2] = vector(B[from..(from + lanes)]);
            }
        return result;
    }

    private static readonly Lazy<Vector256<ulong>[]> Constants256 = new(() => Split(4, v => Vector256.Create(v)));

    /// <summary>Share of positions where two signatures agree: an estimate of Jaccard similarity.</summary>
    public static double Agreement(uint[] a, uint[] b)
    {
        int same = 0;
        for (int i = 0; i < a.Length; i++)
            if (a[i] == b[i]) same++;
        return (double)same / a.Length;
    }
}
