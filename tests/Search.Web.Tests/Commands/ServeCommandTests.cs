using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Search.Tests.Support;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Commands;

/// <summary>`search serve` as a user starts it: a child process that prints its URL, answers, and
/// stops cleanly (exit 0) on Ctrl-C; bad command lines and a missing index are one-line errors.</summary>
[Collection(WebCorpusCollection.Name)]
public sealed class ServeCommandTests(WebCorpus corpus)
{
    [Fact]
    public async Task Prints_its_url_answers_and_exits_0_on_ctrl_c()
    {
        using var serve = Serve("--index", corpus.IndexPath, "--port", "0");
        using var _ = StopOnFailure(serve);
        string url = ReadUrl(serve);
        Assert.StartsWith("http://127.0.0.1:", url);
        using var client = new HttpClient();
        var stats = JsonNode.Parse(await client.GetStringAsync(url + "api/stats"))!;
        Assert.Equal(299, stats["documents"]!.GetValue<int>());
        Interrupt(serve);
        Assert.True(serve.WaitForExit(20_000), "serve did not stop within 20 s of Ctrl-C");
        Assert.Equal(0, serve.ExitCode);
        Assert.DoesNotContain("warning", serve.StandardError.ReadToEnd());
    }

    [LongFact] // a server in a child process held two seconds by a half-sent request
    public void A_second_ctrl_c_stops_at_once_while_a_slow_request_holds_the_graceful_stop()
    {
        using var serve = Serve("--index", corpus.IndexPath, "--port", "0");
        using var _ = StopOnFailure(serve);
        var url = new Uri(ReadUrl(serve));
        // A client that sends half a request and waits: the graceful stop waits for it (Kestrel's
        // request headers timeout and the host's shutdown timeout are both 30 s).
        using var slow = new TcpClient();
        slow.Connect(url.Host, url.Port);
        slow.GetStream().Write("GET /api/stats HTTP/1.1\r\nHost: localhost\r\n"u8);
        slow.GetStream().Flush();
        Thread.Sleep(500);
        Interrupt(serve);
        Assert.False(serve.WaitForExit(2_000), "serve stopped at the first Ctrl-C: nothing here tests the second");
        Interrupt(serve);
        Assert.True(serve.WaitForExit(5_000), "serve did not stop within 5 s of a second Ctrl-C");
        Assert.Equal(130, serve.ExitCode);
        var err = serve.StandardError.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["stopping: finishing the requests in progress (Ctrl-C again to quit at once)",
            "search: stopped at once: requests in progress were cut off"], err);
    }

    [Fact]
    public void Listening_beyond_this_machine_says_so()
    {
        using var serve = Serve("--index", corpus.IndexPath, "--port", "0", "--host", "0.0.0.0");
        using var _ = StopOnFailure(serve);
        ReadUrl(serve);
        Interrupt(serve);
        Assert.True(serve.WaitForExit(20_000));
        string err = serve.StandardError.ReadToEnd();
        Assert.Contains("warning: listening on 0.0.0.0", err);
        Assert.Equal(0, serve.ExitCode);
    }

    [Theory]
    [InlineData(2, "--host", "example.org")]
    [InlineData(2, "--port", "70000")]
    [InlineData(2, "--cors", "https://a.example/path")]
    [InlineData(2, "extra-word")]
    public void A_bad_command_line_is_refused_in_one_line(int code, params string[] args)
    {
        var run = SearchCli.InProcess(new[] { "serve", "--index", corpus.IndexPath }.Concat(args).ToArray());
        Assert.Equal(code, run.Code);
        Assert.Single(run.Err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Help_says_how_to_start_it_without_starting_it()
    {
        var run = SearchCli.InProcess("serve", "--help");
        Assert.Equal(0, run.Code);
        Assert.StartsWith("usage: search serve", run.Out);
        Assert.Contains("--host ADDR", run.Out);
        Assert.Matches(@"\n\s+serve\s", SearchCli.InProcess("help").Out);
    }

    [Fact]
    public void A_port_in_use_is_one_line_that_says_so_and_what_to_do()
    {
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var run = SearchCli.InProcess("serve", "--index", corpus.IndexPath, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, run.Code);
        string line = Assert.Single(run.Err.TrimEnd().Split('\n'));
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", line);
        Assert.EndsWith("in use; pick another --port", line);
    }

    [Fact]
    public void No_index_is_one_line_and_exit_1()
    {
        using var dir = new TempDir();
        var run = SearchCli.InProcess("serve", "--index", Path.Combine(dir.Path, "none"), "--port", "0");
        Assert.Equal(1, run.Code);
        Assert.Single(run.Err.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "none")), "serve created the index folder");
    }

    private static Process Serve(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "search.dll"));
        start.ArgumentList.Add("serve");
        foreach (string a in args)
            start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    /// <summary>Ends the child (by its id) if a failed assertion left it running.</summary>
    private static Stopper StopOnFailure(Process p) => new(p);

    private sealed class Stopper(Process p) : IDisposable
    {
        public void Dispose()
        {
            if (!p.HasExited)
                p.Kill();
        }
    }

    /// <summary>The URL from "Serving INDEX at URL (Ctrl-C to stop)".</summary>
    private static string ReadUrl(Process serve)
    {
        var line = serve.StandardOutput.ReadLineAsync();
        Assert.True(line.Wait(60_000), "serve printed nothing in 60 s");
        string text = line.Result ?? throw new Xunit.Sdk.XunitException("serve ended: " + serve.StandardError.ReadToEnd());
        int at = text.IndexOf(" at http", StringComparison.Ordinal);
        Assert.True(at > 0, text);
        return text[(at + 4)..text.IndexOf(' ', at + 4)];
    }

    /// <summary>Ctrl-C: SIGINT to the child, by its id.</summary>
    private static void Interrupt(Process p)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", p.Id.ToString() }, UseShellExecute = false })!;
        kill.WaitForExit();
    }
}
