using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;

namespace Search.Cli.Web;

/// <summary>
/// Kestrel answers a request it cannot parse (a malformed request line, a bad Host or
/// Content-Length, headers over its limit) itself, before any middleware runs: a bare status,
/// no body, none of our headers, and no hook to change it (dotnet/aspnetcore#4726). This
/// connection middleware watches what a connection sends; a response head that lacks the
/// security headers every answer of the application carries (<see cref="WebServer"/> sets them
/// first) is such a rejection, and goes out with those headers and the API's JSON error body.
/// </summary>
public static class KestrelRejections
{
    public static async Task Handle(ConnectionContext connection, Func<Task> next)
    {
        var transport = connection.Transport;
        var output = PipeWriter.Create(new RewritingStream(transport.Output.AsStream(leaveOpen: true)), new StreamPipeWriterOptions(leaveOpen: true));
        connection.Transport = new Duplex(transport.Input, output);
        try
        {
            await next();
        }
        finally
        {
            await output.CompleteAsync();
            connection.Transport = transport;
        }
    }

    /// <summary>The rejection with our headers and body, or null when <paramref name="written"/>
    /// is not one: exactly one whole head (nothing after it), an error status, no body
    /// (Content-Length: 0), the connection closing after it, and no Content-Security-Policy.</summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> written)
    {
        if (!written.StartsWith("HTTP/1.1 "u8) || written.Length < 12 || written[9] is not ((byte)'4' or (byte)'5')
            || written.IndexOf("\r\n\r\n"u8) != written.Length - 4)
            return null;
        string head = Encoding.ASCII.GetString(written[..^4]);
        var lines = head.Split("\r\n");
        bool Has(string header) => lines.Any(l => l.Equals(header, StringComparison.OrdinalIgnoreCase));
        if (!Has("Content-Length: 0") || !Has("Connection: close")
            || lines.Any(l => l.StartsWith("Content-Security-Policy:", StringComparison.OrdinalIgnoreCase) || l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase)))
            return null;
        if (!int.TryParse(lines[0].AsSpan(9, 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int status))
            return null;
        byte[] body = ApiErrors.Body(ApiErrors.RefusalMessage(status));
        var rewritten = new StringBuilder();
        foreach (string line in lines.Where(l => !l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)))
            rewritten.Append(line).Append("\r\n");
        foreach (var (name, value) in WebServer.SecurityHeaderValues)
            rewritten.Append(name).Append(": ").Append(value).Append("\r\n");
        rewritten.Append("Content-Type: application/json; charset=utf-8\r\n");
        rewritten.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(rewritten.ToString()), .. body];
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;
        public PipeWriter Output => output;
    }

    /// <summary>Passes every write through, a rejection rewritten. Kestrel flushes each response
    /// before it reads the next request, so a rejection's head is a write of its own.</summary>
    private sealed class RewritingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(Rewrite(buffer) ?? buffer);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancel) =>
            WriteAsync(buffer.AsMemory(offset, count), cancel).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancel = default) =>
            inner.WriteAsync(Rewrite(buffer.Span) is { } rejection ? rejection : buffer, cancel);

        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancel) => inner.FlushAsync(cancel);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
