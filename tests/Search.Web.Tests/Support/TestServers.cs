using Microsoft.AspNetCore.TestHost;
using Search.Cli.Web;

namespace Search.Web.Tests.Support;

/// <summary>The server of `search serve` in memory (TestServer): same endpoints and middleware, no socket.</summary>
public sealed class InMemoryServer : IAsyncDisposable
{
    private InMemoryServer(WebServer server)
    {
        Server = server;
        Client = server.App.GetTestClient();
    }

    public WebServer Server { get; }
    public HttpClient Client { get; }

    public static async Task<InMemoryServer> Start(string index, TimeSpan? refresh = null)
    {
        var server = WebServer.Create(new WebServerOptions { IndexPath = index, RefreshInterval = refresh ?? TimeSpan.FromSeconds(1) }, h => h.UseTestServer());
        await server.StartAsync();
        return new InMemoryServer(server);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.StopAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>The server on a real socket, 127.0.0.1 and a free port (for the browser and Kestrel's own limits).</summary>
public sealed class SocketServer : IAsyncDisposable
{
    private SocketServer(WebServer server)
    {
        Server = server;
        Url = server.Url;
        Client = new HttpClient { BaseAddress = new Uri(Url) };
    }

    public WebServer Server { get; }
    public string Url { get; }
    public HttpClient Client { get; }

    public static async Task<SocketServer> Start(string index, string? cors = null)
    {
        var server = WebServer.Create(new WebServerOptions { IndexPath = index, Port = 0, CorsOrigin = cors });
        await server.StartAsync();
        return new SocketServer(server);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.StopAsync();
        await Server.DisposeAsync();
    }
}
