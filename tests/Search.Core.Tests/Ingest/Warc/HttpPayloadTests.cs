using System.IO.Compression;
using System.Text;
using Search.Core.Ingest.Warc;
using Xunit;

namespace Search.Core.Tests.Ingest.Warc;

/// <summary>HTTP responses as archives keep them: the wire's framing and codings undone, and left
/// alone where a writer already undid them but kept the header.</summary>
public sealed class HttpPayloadTests
{
    private const string Html = "<html><body><p>The council voted to build a second bridge.</p></body></html>";

    [Theory]
    [InlineData("gzip")]
    [InlineData("x-gzip")]
    [InlineData("deflate")]
    [InlineData("deflate-raw")]
    [InlineData("br")]
    public void A_coded_body_is_expanded(string coding)
    {
        byte[] body = Encode(Encoding.UTF8.GetBytes(Html), coding);
        var payload = HttpPayload.Parse(Response($"Content-Encoding: {(coding == "deflate-raw" ? "deflate" : coding)}", body))!;
        Assert.Equal(Html, Encoding.UTF8.GetString(payload.Body.Span));
    }

    [Fact]
    public void A_chunked_gzipped_body_with_chunk_extensions_and_trailers_is_undone()
    {
        byte[] gz = Encode(Encoding.UTF8.GetBytes(Html), "gzip");
        var chunked = new MemoryStream();
        for (int i = 0; i < gz.Length; i += 10)
        {
            int n = Math.Min(10, gz.Length - i);
            chunked.Write(Encoding.ASCII.GetBytes($"{n:x};name=value\r\n"));
            chunked.Write(gz, i, n);
            chunked.Write("\r\n"u8);
        }
        chunked.Write("0\r\nX-Trailer: 1\r\n\r\n"u8);
        var payload = HttpPayload.Parse(Response("Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\nContent-Type: text/html; Charset=\"ISO-8859-2\"", chunked.ToArray()))!;
        Assert.Equal(Html, Encoding.UTF8.GetString(payload.Body.Span));
        Assert.Equal(("text/html", "ISO-8859-2"), (payload.MediaType, payload.Charset));
        Assert.Equal(200, payload.Status);
    }

    [Fact]
    public void Headers_a_writer_left_after_undoing_the_coding_do_not_spoil_the_body()
    {
        var payload = HttpPayload.Parse(Response("Transfer-Encoding: chunked\r\nContent-Encoding: gzip", Encoding.UTF8.GetBytes(Html)))!;
        Assert.Equal(Html, Encoding.UTF8.GetString(payload.Body.Span));
    }

    /// <summary>A body cut short in its gzip read as the whole page, as far as it went, without a
    /// word; it is reported as cut, as a whole gzipped file is. Cut anywhere, even in its trailer.</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void A_body_cut_short_in_its_gzip_is_reported_as_cut(int part)
    {
        string text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"word{i} "));
        byte[] gz = Encode(Encoding.UTF8.GetBytes(text), "gzip");
        byte[] cut = part == 2 ? gz[..(gz.Length / 2)] : gz[..^3];
        var e = Assert.Throws<InvalidDataException>(() => HttpPayload.Parse(Response("Content-Encoding: gzip", cut)));
        Assert.Contains("gzipped body is cut short after", e.Message);
        // Whole, it reads whole.
        Assert.Equal(text, Encoding.UTF8.GetString(HttpPayload.Parse(Response("Content-Encoding: gzip", gz))!.Body.Span));
    }

    [Fact]
    public void What_is_not_an_http_response_is_null()
    {
        Assert.Null(HttpPayload.Parse("example.org.\t300\tIN\tA\t93.184.216.34\n"u8.ToArray()));
    }

    private static byte[] Response(string headers, byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\n{headers}\r\n\r\n"), .. body];

    private static byte[] Encode(byte[] bytes, string coding)
    {
        var output = new MemoryStream();
        using (Stream s = coding switch
        {
            "gzip" or "x-gzip" => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true),
            "deflate-raw" => new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true),
            _ => new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true),
        })
            s.Write(bytes);
        return output.ToArray();
    }
}
