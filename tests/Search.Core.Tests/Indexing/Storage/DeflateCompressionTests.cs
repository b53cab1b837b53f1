using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Indexing.Storage;
using Search.Core.Querying.StoredFields;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Indexing.Storage;

/// <summary>
/// <see cref="DeflateCompression"/> as Lucene's stored fields call it (a block per call, read back
/// whole or up to a document) and as our reader reads it (<see cref="DeflateBlock"/>), on the
/// seeds' text: the bytes that come out are the bytes that went in.
/// </summary>
public sealed class DeflateCompressionTests
{
    private static byte[] SeedBytes(int length)
    {
        var text = string.Concat(System.IO.Directory.EnumerateFiles(RepoPaths.Seeds).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".csv", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        Assert.True(bytes.Length >= length, $"seeds hold {bytes.Length} bytes");
        return bytes[..length];
    }

    /// <summary>Blocks of <paramref name="lengths"/> bytes one after the other, as Lucene writes a big chunk.</summary>
    private static (byte[] Written, byte[] Plain) Compress(params int[] lengths)
    {
        var plain = SeedBytes(lengths.Sum());
        var output = new GrowableByteArrayDataOutput(1024);
        var compressor = DeflateCompression.Instance.NewCompressor();
        int at = 0;
        foreach (int length in lengths)
        {
            compressor.Compress(plain, at, length, output);
            at += length;
        }
        return (output.Bytes.AsSpan(0, output.Length).ToArray(), plain);
    }

    [Fact]
    public void Lucenes_reading_gives_back_each_block_whole_or_up_to_a_document()
    {
        var (written, plain) = Compress(8192, 8192, 3000);
        var input = new ByteArrayDataInput(written);
        var decompressor = DeflateCompression.Instance.NewDecompressor();
        var bytes = new BytesRef();
        // First block: a document in its middle; the input must then stand at the second block.
        decompressor.Decompress(input, 8192, 5000, 100, bytes);
        Assert.Equal(plain.AsSpan(5000, 100).ToArray(), bytes.Bytes.AsSpan(bytes.Offset, bytes.Length).ToArray());
        decompressor.Decompress(input, 8192, 0, 8192, bytes);
        Assert.Equal(plain.AsSpan(8192, 8192).ToArray(), bytes.Bytes.AsSpan(bytes.Offset, bytes.Length).ToArray());
        ((Lucene.Net.Codecs.Compressing.Decompressor)decompressor.Clone()).Decompress(input, 3000, 0, 3000, bytes);
        Assert.Equal(plain.AsSpan(16384, 3000).ToArray(), bytes.Bytes.AsSpan(bytes.Offset, bytes.Length).ToArray());
        Assert.Equal(written.Length, input.Position);
    }

    [Fact]
    public void Text_shrinks_to_well_under_what_lz4_leaves()
    {
        var (deflated, plain) = Compress(8192);
        var lz4 = new GrowableByteArrayDataOutput(1024);
        Lucene.Net.Codecs.Compressing.CompressionMode.FAST.NewCompressor().Compress(plain, 0, plain.Length, lz4);
        Assert.True(deflated.Length < 0.8 * lz4.Length, $"deflate {deflated.Length} bytes, LZ4 {lz4.Length}");
    }

    [Fact]
    public void Our_reader_stops_at_the_wanted_bytes_and_says_where_the_next_block_starts()
    {
        var (written, plain) = Compress(8192, 500);
        var out1 = new byte[8192];
        Assert.Equal(1234, DeflateBlock.Decode(written, out1, 1234, out int read));
        Assert.Equal(plain.AsSpan(0, 1234).ToArray(), out1.AsSpan(0, 1234).ToArray());
        var out2 = new byte[500];
        Assert.Equal(500, DeflateBlock.Decode(written.AsSpan(read), out2, 500, out int read2));
        Assert.Equal(plain.AsSpan(8192, 500).ToArray(), out2);
        Assert.Equal(written.Length, read + read2);
    }

    [Fact]
    public void An_empty_block_and_damaged_blocks()
    {
        var output = new GrowableByteArrayDataOutput(16);
        DeflateCompression.Instance.NewCompressor().Compress([], 0, 0, output);
        Assert.Equal(0, DeflateBlock.Decode(output.Bytes.AsSpan(0, output.Length), new byte[1], 0, out int read));
        Assert.Equal(output.Length, read);

        var (written, _) = Compress(4000);
        // A length past the data, and deflate bytes that are not deflate.
        Assert.Throws<InvalidDataException>(() => DeflateBlock.Decode(written.AsSpan(0, written.Length - 10), new byte[4000], 4000, out _));
        var garbage = (byte[])written.Clone();
        for (int i = 2; i < 40; i++)
            garbage[i] = 0xFF;
        Assert.ThrowsAny<InvalidDataException>(() => DeflateBlock.Decode(garbage, new byte[4000], 4000, out _));
        Assert.Throws<Lucene.Net.Index.CorruptIndexException>(() =>
            DeflateCompression.Instance.NewDecompressor().Decompress(new ByteArrayDataInput(garbage), 4000, 0, 4000, new BytesRef()));
    }
}
