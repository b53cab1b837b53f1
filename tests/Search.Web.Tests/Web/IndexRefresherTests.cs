using Search.Cli.Web;
using Xunit;

namespace Search.Web.Tests.Web;

public sealed class IndexRefresherTests
{
    [Fact]
    public async Task A_failed_refresh_is_said_once_and_the_next_ticks_still_refresh()
    {
        int calls = 0;
        var log = new StringWriter();
        var refresher = new IndexRefresher(() =>
        {
            if (Interlocked.Increment(ref calls) <= 3)
                throw new Core.SearchException("index is damaged (checksum mismatch in _1m.cfs)");
        }, TimeSpan.FromMilliseconds(20), log);

        await refresher.StartAsync(CancellationToken.None);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref calls) < 6 && waited.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(20);
        await refresher.StopAsync(CancellationToken.None);

        Assert.True(calls >= 6, $"the refresher stopped after a failure: {calls} refreshes");
        string said = log.ToString();
        Assert.Single(said.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("checksum mismatch in _1m.cfs", said);
    }
}
