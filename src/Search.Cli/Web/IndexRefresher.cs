using Microsoft.Extensions.Hosting;

namespace Search.Cli.Web;

/// <summary>
/// Looks for a newer commit every <see cref="Interval"/> (SearcherManager.MaybeRefresh, cheap when
/// there is none), so a <c>search index</c> running beside the server shows up within about a
/// second. Requests in flight keep the searcher they acquired: an answer never mixes two commits.
/// </summary>
public sealed class IndexRefresher(SearchAdapter adapter, TimeSpan interval) : BackgroundService
{
    public TimeSpan Interval { get; } = interval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                adapter.Refresh();
        }
        catch (OperationCanceledException)
        {
            // The server is stopping.
        }
    }
}
