using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Search.Core;

namespace Search.Cli.Web;

/// <summary>
/// Every failure of a request ends here as one line of JSON, <c>{"error": "...", "position": N}</c>,
/// with a 4xx status for what the caller can fix. No stack trace ever leaves the server; an
/// unexpected exception is a bug and answers 500 with its type only.
/// </summary>
public static class ApiErrors
{
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task Handle(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (ApiError e)
        {
            await Write(context, e.Status, e.Message, e.Position, e.Files);
        }
        catch (BadHttpRequestException e)
        {
            await Write(context, e.StatusCode, "bad request: " + e.Message);
        }
        catch (IndexLockedException e)
        {
            await Write(context, 503, e.Message);
        }
        catch (SearchException e)
        {
            // The index went missing or is damaged under the server: say so, it is not the caller's fault.
            await Write(context, 503, e.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left; nobody is there to answer.
        }
        catch (Exception e)
        {
            await Write(context, 500, $"unexpected error: {e.GetType().Name} (a bug; run with SEARCH_DEBUG=1 to log it)");
            if (Environment.GetEnvironmentVariable("SEARCH_DEBUG") is { Length: > 0 })
                Console.Error.WriteLine(e);
        }
    }

    /// <summary>A status without a body (no such route, wrong method) gets the one-line JSON too.</summary>
    public static Task StatusWithoutBody(HttpContext context)
    {
        int status = context.Response.StatusCode;
        if (status == 405)
            context.Response.Headers.Allow = "GET, HEAD"; // HEAD is answered as GET (WebServer)
        string message = status switch
        {
            404 => $"no such resource: {ApiQuery.Shorten(context.Request.Path.Value ?? "")} (see /api/openapi.json)",
            405 => $"{context.Request.Method} is not allowed here; the API is read-only (GET)",
            _ => RefusalMessage(status),
        };
        return Write(context, status, message);
    }

    /// <summary>What a status the server gives without saying why means (Kestrel's own
    /// rejections, <see cref="KestrelRejections"/>, carry only the status).</summary>
    public static string RefusalMessage(int status) => status switch
    {
        400 => "bad request: the request line or a header is malformed",
        408 => "request timed out: the request did not arrive in time",
        413 => "request refused: its body is too large",
        414 => "request refused: the request line is too long",
        431 => "request refused: its headers are too large",
        505 => "HTTP version not supported",
        _ => $"request refused ({status})",
    };

    public static async Task Write(HttpContext context, int status, string message, int position = 0, IReadOnlyList<string>? files = null)
    {
        if (context.Response.HasStarted)
            return;
        // Not Response.Clear(): that also drops the headers set before (the security headers on
        // every answer, a 405's Allow, CORS); nothing of a body has been written yet.
        context.Response.StatusCode = status;
        context.Response.ContentLength = null;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(Body(message, position, files));
    }

    /// <summary>The one line of JSON, newline-terminated, in UTF-8.</summary>
    public static byte[] Body(string message, int position = 0, IReadOnlyList<string>? files = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Compact))
        {
            w.WriteStartObject();
            // One line, whatever the message held.
            w.WriteString("error", message.ReplaceLineEndings(" "));
            if (position > 0)
                w.WriteNumber("position", position);
            if (files is { Count: > 0 })
            {
                w.WriteStartArray("files");
                foreach (string f in files)
                    w.WriteStringValue(f);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
