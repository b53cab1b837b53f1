using Microsoft.Extensions.Hosting;

namespace Search.Cli.Web;

/// <summary>
/// Looks for a newer commit every <see cref="Interval"/> (SearcherManager.MaybeRefresh, cheap when
/// there is none), so a <c>search index</c> running beside the server shows up within about a
/// second. Requests in flight keep the searcher they acquired: an answer never mixes two commits.
/// A refresh that fails (a build's commit read at the moment its files change, a damaged commit)
/// keeps the server answering from the commit it has and is tried again at the next tick: one
/// failure must not stop the server from ever seeing a build again.
/// </summary>
public sealed class IndexRefresher(Action refresh, TimeSpan interval, TextWriter? log = null) : BackgroundService
{
    public IndexRefresher(SearchAdapter adapter, TimeSpan interval) : this(adapter.Refresh, interval, Console.Error) { }

    public TimeSpan Interval { get; } = interval;

    /// <summary>The last failure said, so a failure that repeats at every tick is said once.</summary>
    private string? _lastFailure;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                Tick();
        }
        catch (OperationCanceledException)
        {
            // The server is stopping.
        }
    }

    private void Tick()
    {
        try
        {
            refresh();
            _lastFailure = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            string message = e.Message.ReplaceLineEndings(" ");
            if (message != _lastFailure)
                log?.WriteLine($"search serve: could not pick up a newer build yet ({message}); answering from the one loaded, trying again");
            _lastFailure = message;
        }
    }
}
