using System.Runtime.InteropServices;
using Search.Cli.Rendering;
using Search.Cli.Web;

namespace Search.Cli.Commands;

/// <summary>`search serve`: the web page and the HTTP API on an index, until Ctrl-C.</summary>
public static class ServeCommand
{
    public const string Help = """
        usage: search serve [--index DIR] [--port N] [--host ADDR] [--cors ORIGIN]

        A web page (search box, facets, timeline, articles) and a read-only JSON API on the index,
        at the URL it prints. A `search index` running beside it shows up within a second or two.
          --port N        the port (default 8737, or a free one when that is taken; 0: any free one)
          --host ADDR     the address to listen on (default 127.0.0.1: this machine only); 0.0.0.0
                          or a network address opens it to other machines, with a warning
          --cors ORIGIN   let pages from ORIGIN (like https://example.org) call the API; none by default
          --index DIR     the index (default: $SEARCH_INDEX, else ./index)
        Ctrl-C stops it. Exit status: 0 stopped, 1 no index or the port is taken, 2 bad command line.
        """;

    public static int Run(string[] argv, Output o)
    {
        var args = Args.Parse(argv, new[] { "index", "port", "host", "cors" }, Array.Empty<string>());
        if (args.Positionals.Count > 0)
            throw new UsageException($"serve takes no words (got '{args.Positionals[0]}')");
        var address = ListenAddress.ParseHost(args.Value("host") ?? "127.0.0.1");
        int port = args.Value("port") != null ? args.Int("port", 0, 0, 65535) : ListenAddress.FreeDefaultPort(address);
        string? cors = args.Value("cors") is { } c ? CorsOrigin(c) : null;
        var options = new WebServerOptions { IndexPath = IndexLocation.Resolve(args), Address = address, Port = port, CorsOrigin = cors };
        return Serve(options, o, CancellationToken.None);
    }

    /// <summary>Serves until Ctrl-C, SIGTERM or <paramref name="stop"/>; 0 when stopped that way.</summary>
    public static int Serve(WebServerOptions options, Output o, CancellationToken stop)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stop);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stopping.Cancel();
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
                    server.StartAsync().GetAwaiter().GetResult();
                }
                catch (IOException e)
                {
                    throw new Core.SearchException($"cannot listen on {ListenAddress.UrlHost(options.Address)}:{options.Port}: {e.Message}; pick another --port");
                }
                if (!ListenAddress.IsLoopbackAddress(options.Address))
                    o.Error($"warning: listening on {options.Address}, not only this machine: anyone who can reach it can read the whole index (there is no login)");
                if (options.CorsOrigin != null)
                    o.Err.WriteLine($"CORS: pages from {options.CorsOrigin} may call the API");
                o.Out.WriteLine($"Serving {options.IndexPath} at {server.Url}/ (Ctrl-C to stop)");
                o.Out.Flush();
                stopping.Token.WaitHandle.WaitOne();
                o.Err.WriteLine("stopping");
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
