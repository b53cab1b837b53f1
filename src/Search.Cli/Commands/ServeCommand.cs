using System.CommandLine;
using System.Runtime.InteropServices;
using Search.Cli.Rendering;
using Search.Cli.Web;

namespace Search.Cli.Commands;

/// <summary>`search serve`: the web page and the HTTP API on an index, until Ctrl-C.</summary>
public static class ServeCommand
{
    public const string Description = """
        A web page and a read-only JSON API on the index.

        The page (search box, facets, timeline, articles) and the API (/api/search, /api/articles/ID,
        /api/stats, /api/openapi.json) at the URL it prints. A `search index` running beside it
        shows up within a second or two. Ctrl-C stops it once the requests in progress are
        answered; a second Ctrl-C stops it at once.

        Exit status: 0 stopped, 1 no index or the port is taken, 2 bad command line, 130 stopped
        at once by a second Ctrl-C.
        """;

    public static Command Create(Output o)
    {
        var index = SharedOptions.Index();
        var port = SharedOptions.Text("--port", "N", $"the port (default {ListenAddress.DefaultPort}, or a free one when that is taken; 0: any free one)");
        port.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !IsPort(r.Tokens[^1].Value))
                r.AddError($"--port needs a whole number from 0 to 65535, not '{r.Tokens[^1].Value}'");
        });
        var host = SharedOptions.Text("--host", "ADDR", "the address to listen on (default 127.0.0.1: this machine only); 0.0.0.0 or a network address opens it to other machines, with a warning");
        var cors = SharedOptions.Text("--cors", "ORIGIN", "let pages from ORIGIN (like https://example.org) call the API; none by default");
        var command = new Command("serve", Description) { index, port, host, cors };
        command.SetAction(r =>
        {
            var address = ListenAddress.ParseHost(r.GetValue(host) ?? "127.0.0.1");
            int chosen = r.GetValue(port) is { } p ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : ListenAddress.FreeDefaultPort(address);
            string? origin = r.GetValue(cors) is { } c ? CorsOrigin(c) : null;
            var options = new WebServerOptions { IndexPath = IndexLocation.Resolve(r.GetValue(index)), Address = address, Port = chosen, CorsOrigin = origin };
            return Serve(options, o, CancellationToken.None);
        });
        return command;
    }

    private static bool IsPort(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n <= 65535;

    /// <summary>Exit status when a second Ctrl-C cut the graceful stop short (128 + SIGINT, as shells report it).</summary>
    public const int InterruptedCode = 130;

    /// <summary>Serves until Ctrl-C, SIGTERM or <paramref name="stop"/>; 0 when stopped that way.
    /// The stop is graceful (requests in progress are answered, for up to the host's shutdown
    /// timeout); a second Ctrl-C meanwhile ends the process at once with <see cref="InterruptedCode"/>,
    /// as Kestrel's own console apps do.</summary>
    public static int Serve(WebServerOptions options, Output o, CancellationToken stop)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stop);
        int interrupts = 0;
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            if (Interlocked.Increment(ref interrupts) == 1)
            {
                stopping.Cancel();
                return;
            }
            // A slow request (a client that never finishes sending, a long search) holds the
            // graceful stop; whoever presses Ctrl-C twice wants the terminal back now.
            try
            {
                o.Error("stopped at once: requests in progress were cut off");
                o.Err.Flush();
            }
            catch (IOException)
            {
            }
            Environment.Exit(InterruptedCode);
        };
        Console.CancelKeyPress += onCancel;
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stopping.Cancel();
        });
        try
        {
            var server = WebServer.Create(options);
            try
            {
                try
                {
                    // Not cancelled mid-start (that would throw past the error handling below); a stop
                    // during startup is seen by the wait that follows.
                    server.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
                }
                catch (IOException e)
                {
                    throw new Core.SearchException($"cannot listen on {ListenAddress.UrlHost(options.Address)}:{options.Port}: {e.Message.TrimEnd('.')}; pick another --port"); // Kestrel's message ends with a full stop
                }
                if (!ListenAddress.IsLoopbackAddress(options.Address))
                    o.Error($"warning: listening on {options.Address}, not only this machine: anyone who can reach it can read the whole index (there is no login)");
                if (options.CorsOrigin != null)
                    o.Err.WriteLine($"CORS: pages from {options.CorsOrigin} may call the API");
                o.Out.WriteLine($"Serving {options.IndexPath} at {server.Url}/ (Ctrl-C to stop)");
                o.Out.Flush();
                stopping.Token.WaitHandle.WaitOne();
                o.Err.WriteLine("stopping: finishing the requests in progress (Ctrl-C again to quit at once)");
                o.Err.Flush();
                server.StopAsync().GetAwaiter().GetResult();
                return 0;
            }
            finally
            {
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>An origin is scheme://host[:port] with nothing after it, or * (any site: asked for explicitly).</summary>
    private static string CorsOrigin(string text)
    {
        if (text == "*")
            return text;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.PathAndQuery == "/" && !text.EndsWith('/') && uri.UserInfo.Length == 0)
            return text;
        throw new UsageException($"--cors needs an origin like https://example.org or http://localhost:3000 (no path), not '{text}'");
    }
}
