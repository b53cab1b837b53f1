using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Search.Core.Duplicates;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Duplicates;

/// <summary>Signatures are stored (as band keys) and compared across builds and machines: the
/// vector forms must give the one-function-at-a-time signature bit for bit, on real texts and on
/// shingles chosen to carry into every bit of the products.</summary>
public sealed class MinHashSignatureTests
{
    public static IEnumerable<object[]> ShingleSets()
    {
        foreach (string file in Directory.EnumerateFiles(RepoPaths.Seeds).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file);
            yield return new object[] { TextShingles.Shingles(TextShingles.WordHashes(text).ToArray()) };
            yield return new object[] { TextShingles.Shingles(TextShingles.WordHashes(text[..Math.Min(text.Length, 900)]).ToArray()) };
        }
        var random = new Random(18);
        yield return new object[] { Enumerable.Range(0, 5000).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray() };
        yield return new object[] { new uint[] { 0, 1, uint.MaxValue, uint.MaxValue - 1, 0x8000_0000, 0x7FFF_FFFF } };
        yield return new object[] { new uint[] { uint.MaxValue } };
        yield return new object[] { Array.Empty<uint>() };
    }

    [Theory]
    [MemberData(nameof(ShingleSets))]
    public void Vector_forms_equal_the_scalar_signature(uint[] shingles)
    {
        var expected = MinHashSignature.ComputeScalar(shingles);
        Assert.Equal(MinHashSignature.Length, expected.Length);
        Assert.Equal(expected, MinHashSignature.Compute(shingles));
        if (Avx2.IsSupported)
            Assert.Equal(expected, MinHashSignature.Compute256(shingles));
    }

    [Fact]
    public void Signature_of_a_known_text_is_what_it_has_always_been()
    {
        // Fixed from the scalar form before the vector forms existed: band keys are stored in indexes.
        var shingles = TextShingles.Shingles(TextShingles.WordHashes("The central bank raised its main interest rate by a quarter point on Thursday, the third rise this year.").ToArray());
        var signature = MinHashSignature.Compute(shingles);
        Assert.Equal(SignatureHead, signature[..4]);
    }

    private static readonly uint[] SignatureHead = { 845059130, 715263373, 445994208, 298218395 };
}
