using System.Text;
using Microsoft.AspNetCore.Http;
using Search.Cli.Web;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>The gate lets a few requests search at once; a client slow to read its answer must not
/// hold a slot while the answer trickles out, or a couple of them stop everyone's searches.</summary>
public sealed class SearchGateTests
{
    /// <summary>A connection whose client does not read: a write waits until <see cref="Read"/>.</summary>
    private sealed class StalledClient : MemoryStream
    {
        private readonly TaskCompletionSource _read = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Read() => _read.TrySetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await _read.Task.WaitAsync(cancellationToken);
            await base.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    private static DefaultHttpContext Request(Stream body)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/search";
        context.Response.Body = body;
        return context;
    }

    [Fact]
    public async Task A_client_that_does_not_read_its_answer_leaves_the_slot_to_the_next_search()
    {
        using var gate = new SearchGate(1);
        using var stalled = new StalledClient();
        var first = Request(stalled);
        var slow = gate.Handle(first, () => first.Response.WriteAsync("{\"hits\":[]}"));

        using var next = new MemoryStream();
        var second = Request(next);
        var answered = gate.Handle(second, () => second.Response.WriteAsync("{\"total\":3}"));
        Assert.Same(answered, await Task.WhenAny(answered, Task.Delay(TimeSpan.FromSeconds(5))));
        Assert.Equal("{\"total\":3}", Encoding.UTF8.GetString(next.ToArray()));

        stalled.Read();
        await slow;
        Assert.Equal("{\"hits\":[]}", Encoding.UTF8.GetString(stalled.ToArray()));
    }
}
