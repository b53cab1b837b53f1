using Microsoft.AspNetCore.Http;

namespace Search.Cli.Web;

/// <summary>
/// Lets at most one API request per core search at a time; the others wait their turn (without
/// holding a thread). Searches are CPU-bound: in one process on 2 cores, 32 searching at once
/// answered 15 queries/s with a 12 s p99, 2 at once 46-53 queries/s; behind this gate the server
/// under 32 clients answered 35 queries/s (p99 1.7 s) against 32 (p99 2.3 s) without it
/// (tests/Search.Benchmarks web-load, docs/web.md).
/// </summary>
public sealed class SearchGate(int concurrency) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);

    public int Concurrency { get; } = concurrency;

    public async Task Handle(HttpContext context, Func<Task> next)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next();
            return;
        }
        // The answer is written to memory inside the gate and sent after it: sent inside, a client
        // that reads slowly (a phone on a poor line, or one that never reads) held a slot until
        // Kestrel gave up on it, seconds in which no one else could search.
        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await _slots.WaitAsync(context.RequestAborted);
            try
            {
                await next();
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            context.Response.Body = body;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    public void Dispose() => _slots.Dispose();
}
