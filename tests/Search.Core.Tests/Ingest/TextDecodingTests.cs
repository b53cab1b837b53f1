using System.Text;
using Search.Core.Ingest;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Ingest;

public class TextDecodingTests
{
    [Fact]
    public void Utf8WithoutBomIsUtf8()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("Café £5 “quoted”");
        TextSniff sniff = TextDecoding.Sniff(bytes);
        Assert.Equal(TextKind.Text, sniff.Kind);
        Assert.Equal(0, sniff.BomLength);
        Assert.Equal("Café £5 “quoted”", TextDecoding.Decode(bytes, out _));
    }

    [Fact]
    public void Utf8BomIsSkipped()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Héllo")];
        Assert.Equal(3, TextDecoding.Sniff(bytes).BomLength);
        Assert.Equal("Héllo", TextDecoding.Decode(bytes, out _));
    }

    [Fact]
    public void Utf16LittleEndianBomIsDecodedAndNotBinary()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Title\r\nBody £")];
        string text = TextDecoding.Decode(bytes, out TextSniff sniff);
        Assert.Equal(TextKind.Text, sniff.Kind);
        Assert.Equal("Title\r\nBody £", text);
    }

    [Fact]
    public void Utf16BigEndianBomIsDecoded()
    {
        byte[] bytes = [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("Grüße")];
        Assert.Equal("Grüße", TextDecoding.Decode(bytes, out _));
    }

    [Fact]
    public void Windows1252CurlyQuotesAndPound()
    {
        // “Hi” costs £3 — in Windows-1252: 0x93 0x94 curly quotes, 0xA3 pound, 0x97 em dash.
        byte[] bytes = [0x93, (byte)'H', (byte)'i', 0x94, (byte)' ', 0xA3, (byte)'3', (byte)' ', 0x97];
        string text = TextDecoding.Decode(bytes, out TextSniff sniff);
        Assert.Equal(TextKind.Text, sniff.Kind);
        Assert.Equal("“Hi” £3 —", text);
    }

    [Fact]
    public void InvalidUtf8FallsBackToWindows1252()
    {
        // "é" in Latin-1 (0xE9) followed by ASCII is not valid UTF-8.
        byte[] bytes = [(byte)'c', (byte)'a', (byte)'f', 0xE9, (byte)'!'];
        Assert.Equal("café!", TextDecoding.Decode(bytes, out _));
    }

    [Fact]
    public void Utf8SequenceCutAtTheEndOfTheHeadStillCountsAsUtf8()
    {
        byte[] full = Encoding.UTF8.GetBytes("price: €");
        TextSniff sniff = TextDecoding.Sniff(full.AsSpan(0, full.Length - 1));
        Assert.Equal("utf-8", sniff.Encoding.WebName);
    }

    [Fact]
    public void NulBytesMeanBinary()
    {
        byte[] bytes = [0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, (byte)'a'];
        Assert.Equal(TextKind.Binary, TextDecoding.Sniff(bytes).Kind);
    }

    [Fact]
    public void A_stray_nul_in_a_long_text_is_text_but_nuls_one_byte_in_a_thousand_are_not()
    {
        byte[] text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("title,body\nHarbour,The harbour reopened.\n", 200)));
        text[500] = 0;
        Assert.Equal(TextKind.Text, TextDecoding.Sniff(text).Kind);
        for (int i = 0; i < 8192; i += 900)
            text[i] = 0; // ten in the first 8 KB
        Assert.Equal(TextKind.Binary, TextDecoding.Sniff(text).Kind);
        // UTF-16 without a byte order mark: every other byte a NUL.
        Assert.Equal(TextKind.Binary, TextDecoding.Sniff(Encoding.Unicode.GetBytes("title,body\nHarbour,The harbour reopened.\n")).Kind);
    }

    [Fact]
    public void ManyControlCharactersMeanBinary()
    {
        byte[] bytes = Enumerable.Range(0, 100).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'x')).ToArray();
        Assert.Equal(TextKind.Binary, TextDecoding.Sniff(bytes).Kind);
    }

    [Fact]
    public void TabsFormFeedsAndLineBreaksAreText()
    {
        byte[] bytes = Encoding.ASCII.GetBytes("a\tb\r\nc\fd\n");
        Assert.Equal(TextKind.Text, TextDecoding.Sniff(bytes).Kind);
    }

    [Fact]
    public void EmptyAndBomOnlyAreEmpty()
    {
        Assert.Equal(TextKind.Empty, TextDecoding.Sniff([]).Kind);
        Assert.Equal(TextKind.Empty, TextDecoding.Sniff([0xEF, 0xBB, 0xBF]).Kind);
    }

    [Fact]
    public void OpenReaderStreamsInTheSniffedEncodingAfterTheBom()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "a.csv");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("title\r\nNaïve\r\n")]);
        using StreamReader reader = TextDecoding.OpenReader(path, out TextSniff sniff);
        Assert.Equal(TextKind.Text, sniff.Kind);
        Assert.Equal("title", reader.ReadLine());
        Assert.Equal("Naïve", reader.ReadLine());
        Assert.Null(reader.ReadLine());
    }

    [Fact]
    public void OpenReaderDecodesWindows1252Files()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "a.csv");
        File.WriteAllBytes(path, [(byte)'x', 0xA3, (byte)'1', (byte)'\r', (byte)'y']);
        using StreamReader reader = TextDecoding.OpenReader(path);
        Assert.Equal("x£1", reader.ReadLine());
        Assert.Equal("y", reader.ReadLine());
    }

    [Fact]
    public void ReadHeadReturnsAtMostMaxBytes()
    {
        using var dir = new TempDir();
        string path = dir.File("big.txt", new string('a', 100_000));
        Assert.Equal(TextDecoding.HeadSize, TextDecoding.ReadHead(path).Length);
        Assert.Equal(10, TextDecoding.ReadHead(path, 10).Length);
        Assert.Empty(TextDecoding.ReadHead(dir.File("empty.txt", "")));
    }
}
