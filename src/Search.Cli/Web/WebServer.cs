using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Search.Cli.Web;

/// <summary>What <c>search serve</c> was asked for.</summary>
public sealed record WebServerOptions
{
    public required string IndexPath { get; init; }
    public IPAddress Address { get; init; } = IPAddress.Loopback;
    /// <summary>0: any free port.</summary>
    public int Port { get; init; }
    /// <summary>The one origin allowed to call the API from another site's pages; null: none (no CORS headers).</summary>
    public string? CorsOrigin { get; init; }
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>API requests searching at once (the rest wait): one per core.</summary>
    public int Concurrency { get; init; } = Environment.ProcessorCount;
}

/// <summary>
/// <c>search serve</c>'s web server: Kestrel with minimal APIs on an empty host (no appsettings
/// file, no environment configuration, no logging to the console), the <see cref="ApiEndpoints"/>,
/// the embedded page (<see cref="PageAssets"/>), and an <see cref="IndexRefresher"/>.
/// </summary>
public sealed class WebServer : IAsyncDisposable
{
    /// <summary>Room in the request line for a pasted megabyte, so it gets the API's own one-line
    /// error (400, <see cref="ApiQuery.MaxQueryChars"/>) rather than Kestrel's bare 414.</summary>
    public const int MaxRequestLineBytes = 4 * 1024 * 1024;

    private WebServer(WebApplication app, SearchAdapter adapter)
    {
        App = app;
        Adapter = adapter;
    }

    public WebApplication App { get; }
    public SearchAdapter Adapter { get; }

    /// <summary>Builds the server on the index (opened now: a missing or damaged index is a
    /// <see cref="Core.SearchException"/> before anything listens). <paramref name="host"/> replaces
    /// Kestrel (tests use the in-memory TestServer).</summary>
    public static WebServer Create(WebServerOptions options, Action<IWebHostBuilder>? host = null)
    {
        var adapter = SearchAdapter.Open(options.IndexPath);
        try
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "search" });
            builder.Services.AddRoutingCore();
            builder.Services.AddSingleton(adapter);
            builder.Services.AddHostedService(_ => new IndexRefresher(adapter, options.RefreshInterval));
            if (options.CorsOrigin != null)
                builder.Services.AddCors();
            if (host != null)
                host(builder.WebHost);
            else
                builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
                {
                    k.AddServerHeader = false;
                    k.Limits.MaxRequestLineSize = MaxRequestLineBytes;
                    k.Limits.MaxRequestBufferSize = 2L * MaxRequestLineBytes;
                    k.Listen(options.Address, options.Port, l => l.Use(KestrelRejections.Handle));
                });
            var app = builder.Build();
            app.Use(SecurityHeaders);
            app.Use(HeadAsGet);
            app.Use(JsonForEmptyErrors);
            app.Use(ApiErrors.Handle);
            var gate = new SearchGate(options.Concurrency);
            app.Lifetime.ApplicationStopped.Register(gate.Dispose);
            app.Use(gate.Handle);
            if (options.CorsOrigin is { } origin)
                app.UseCors(p => p.WithOrigins(origin).WithMethods("GET").AllowAnyHeader());
            app.UseRouting();
            ApiEndpoints.Map(app, adapter);
            PageAssets.Map(app);
            return new WebServer(app, adapter);
        }
        catch
        {
            adapter.Dispose();
            throw;
        }
    }

    /// <summary>The URL the server listens on, once started (the real port when 0 was asked for).</summary>
    public string Url
    {
        get
        {
            var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            return addresses?.FirstOrDefault() ?? "http://localhost";
        }
    }

    public Task StartAsync(CancellationToken cancel = default) => App.StartAsync(cancel);

    public Task StopAsync() => App.StopAsync();

    /// <summary>The page runs only its own script and styles and is framed by no one: even a
    /// value that escaped the page's escaping could run nothing.</summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var h = context.Response.Headers;
        foreach (var (name, value) in SecurityHeaderValues)
            h[name] = value;
        return next();
    }

    /// <summary>The headers of <see cref="SecurityHeaders"/>, Content-Security-Policy first; Kestrel's
    /// own rejections get them too (<see cref="KestrelRejections"/>).</summary>
    public static readonly IReadOnlyList<(string Name, string Value)> SecurityHeaderValues =
    [
        ("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
        ("Cache-Control", "no-store"),
    ];

    /// <summary>HEAD is GET without the body (HTTP requires both of every server): link checkers,
    /// uptime monitors and <c>curl -I</c> get GET's status and headers. Routed as GET; the
    /// server sends no body to a HEAD request whatever is written.</summary>
    private static Task HeadAsGet(HttpContext context, Func<Task> next)
    {
        if (HttpMethods.IsHead(context.Request.Method))
            context.Request.Method = HttpMethods.Get;
        return next();
    }

    /// <summary>A 4xx/5xx the framework gives without a body (no route, wrong method) gets the API's one-line JSON.</summary>
    private static async Task JsonForEmptyErrors(HttpContext context, Func<Task> next)
    {
        await next();
        var r = context.Response;
        if (r.StatusCode >= 400 && !r.HasStarted && r.ContentLength is null or 0 && string.IsNullOrEmpty(r.ContentType))
            await ApiErrors.StatusWithoutBody(context);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Adapter.Dispose();
    }
}
