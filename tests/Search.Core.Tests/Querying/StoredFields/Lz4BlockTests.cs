using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Store;
using Search.Core.Querying.StoredFields;
using Search.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying.StoredFields;

/// <summary><see cref="Lz4Block"/> decodes what Lucene's LZ4 encodes (real text, repeated short
/// patterns whose matches overlap their output, incompressible bytes) and refuses damaged blocks.</summary>
public sealed class Lz4BlockTests
{
    public static TheoryData<string> Inputs => new()
    {
        "seed",
        "pattern",
        "random",
    };

    private static byte[] Input(string kind) => kind switch
    {
        "seed" => File.ReadAllBytes(System.IO.Directory.EnumerateFiles(RepoPaths.Seeds, "*.csv").First()).Take(200_000).ToArray(),
        "pattern" => System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("abcab", 5000)) + "xyz" + new string('z', 3000)),
        _ => RandomBytes(50_000),
    };

    private static byte[] RandomBytes(int n)
    {
        var bytes = new byte[n];
        new Random(18).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Compress(byte[] input, int offset, int length)
    {
        var buffer = new byte[length + length / 255 + 64];
        var output = new ByteArrayDataOutput(buffer);
        LZ4.Compress(input, offset, length, output, new LZ4.HashTable());
        return buffer.AsSpan(0, output.Position).ToArray();
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Decodes_what_Lucene_encodes_in_16_KB_blocks_whole_and_up_to_any_point(string kind)
    {
        byte[] input = Input(kind);
        for (int start = 0; start < input.Length; start += 16_384)
        {
            int length = Math.Min(16_384, input.Length - start);
            byte[] block = Compress(input, start, length);
            var whole = new byte[length];
            Assert.Equal(length, Lz4Block.Decode(block, whole, length));
            Assert.Equal(input.AsSpan(start, length).ToArray(), whole);
            foreach (int wanted in new[] { 1, length / 3, length - 1 })
            {
                var part = new byte[length];
                int got = Lz4Block.Decode(block, part, wanted);
                Assert.InRange(got, wanted, length);
                Assert.Equal(input.AsSpan(start, got).ToArray(), part.AsSpan(0, got).ToArray());
            }
        }
    }

    [Fact]
    public void A_damaged_block_is_an_error_not_a_crash_or_wrong_bytes()
    {
        byte[] input = Input("seed").Take(16_384).ToArray();
        byte[] block = Compress(input, 0, input.Length);
        // Cut short: the decoder runs out of input.
        Assert.Throws<InvalidDataException>(() => Lz4Block.Decode(block.AsSpan(0, block.Length / 2), new byte[input.Length], input.Length));
        // Too small an output for what the block holds.
        Assert.Throws<InvalidDataException>(() => Lz4Block.Decode(block, new byte[input.Length / 2], input.Length));
        // A match reaching back before the start.
        byte[] bad = [0x10, (byte)'a', 0x09, 0x00];
        Assert.Throws<InvalidDataException>(() => Lz4Block.Decode(bad, new byte[64], 20));
    }
}
