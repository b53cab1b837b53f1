using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Search.Benchmarks.Speed;
using Search.Core.Querying;

namespace Search.Benchmarks.Web;

/// <summary>
/// `web-load`: a bounded load run of `search serve` on 127.0.0.1. N clients send a mixed query load
/// for S seconds while a `search index` beside the server commits every second; then the same
/// queries, the same number of workers and the same build beside run through ArticleSearcher in
/// this process (what `search query` does, without the process start). Reports errors, p50/p99
/// latency and throughput of both, and their ratio. A measurement, never a test: nothing here
/// passes or fails on a time.
/// </summary>
public static class WebLoadCommand
{
    public const string Name = "web-load";
    public const string Usage = "web-load [--docs N] [--clients N] [--seconds S] [--work DIR] [--cli search.dll] [--shared DIR]   `search serve` under load vs. in-process (docs/web.md)";

    private sealed record Sample(double Ms, bool Ok);

    private sealed record Phase(string Name, int Requests, int Errors, double P50, double P99, double PerSecond, int Commits, string? FirstError);

    public static int Run(string[] args)
    {
        int docs = Option(args, "--docs", 20_000);
        int clients = Option(args, "--clients", 32);
        int seconds = Option(args, "--seconds", 20);
        string work = Value(args, "--work") ?? "/tmp/search-bench";
        string cli = Value(args, "--cli") ?? BuiltCli();
        var corpus = new CorpusMaker(work, CorpusMaker.FindShared(Value(args, "--shared"))).Synthetic(docs, CorpusFormat.Jsonl);
        string runDir = Path.Combine(work, "web-load");
        Measure.Delete(runDir);
        Directory.CreateDirectory(runDir);
        string index = Path.Combine(runDir, "index");
        Log.Step($"indexing {corpus.Label}");
        RunCli(cli, "index", corpus.Root, "--index", index, "--quiet");

        var cases = Cases();
        Log.Step($"{cases.Count} query variants; {clients} clients, {seconds} s per phase, a build committing beside each");

        // In-process first, then over HTTP, each with its own build beside it.
        // In-process twice: with as many workers as clients (the same concurrency), and with one per
        // core (no queueing: the searcher's own speed); then over HTTP.
        var inProcess = RunInProcess(index, cases, clients, seconds, corpus, runDir, cli, "inproc");
        var perCore = RunInProcess(index, cases, Environment.ProcessorCount, seconds, corpus, runDir, cli, "percore");
        var http = RunHttp(index, cases, clients, seconds, corpus, runDir, cli);
        Console.WriteLine(Report(corpus, clients, seconds, cases.Count, new[] { inProcess, perCore }, http));
        return http.Errors + inProcess.Errors + perCore.Errors == 0 ? 0 : 1;
    }

    /// <summary>The speed benchmark's query mix, each as given, newest first, and on page 2.</summary>
    private static List<(SearchRequest Request, string Url)> Cases()
    {
        var list = new List<(SearchRequest, string)>();
        foreach (var c in QueryMix.All)
        {
            var r = c.Ours;
            list.Add((r, Url(r)));
            var newest = Copy(r, SortOrder.Newest, 0);
            list.Add((newest, Url(newest)));
            var page2 = Copy(r, r.Sort, 10);
            list.Add((page2, Url(page2)));
        }
        return list;
    }

    private static SearchRequest Copy(SearchRequest r, SortOrder sort, int offset) => new()
    {
        Query = r.Query, Facets = r.Facets, Filters = r.Filters, Sort = sort, Offset = offset, Limit = r.Limit,
    };

    private static string Url(SearchRequest r)
    {
        var sb = new StringBuilder("/api/search?q=").Append(Uri.EscapeDataString(r.Query));
        foreach (string f in r.Facets) sb.Append("&facet=").Append(Uri.EscapeDataString(f));
        foreach (var (dim, values) in r.Filters)
            foreach (string v in values) sb.Append("&filter=").Append(Uri.EscapeDataString(dim + "=" + v));
        if (r.Sort != SortOrder.Relevance) sb.Append("&sort=").Append(r.Sort.ToString().ToLowerInvariant());
        if (r.Offset > 0) sb.Append("&offset=").Append(r.Offset);
        return sb.Append("&limit=").Append(r.Limit).ToString();
    }

    private static Phase RunInProcess(string index, List<(SearchRequest Request, string Url)> cases, int clients, int seconds, Corpus corpus, string runDir, string cli, string tag)
    {
        Log.Step($"in-process phase, {clients} workers (ArticleSearcher, refreshed every second as the server does)");
        using var searcher = ArticleSearcher.Open(index);
        // Warm up as the HTTP phase does: each query once (JIT, caches).
        foreach (var c in cases)
            searcher.Search(c.Request);
        using var stop = new CancellationTokenSource();
        var refresher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try { await Task.Delay(1000, stop.Token); } catch (OperationCanceledException) { break; }
                searcher.Refresh();
            }
        });
        string? firstError = null;
        var (samples, commits) = WithBuildBeside(corpus, runDir, cli, tag, seconds, clients, (i, token) =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var r = searcher.Search(cases[i % cases.Count].Request);
                return Task.FromResult(new Sample(clock.Elapsed.TotalMilliseconds, r.Total >= 0));
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref firstError, e.GetType().Name + ": " + e.Message, null);
                return Task.FromResult(new Sample(clock.Elapsed.TotalMilliseconds, false));
            }
        });
        stop.Cancel();
        refresher.Wait();
        return Summarise($"in-process (ArticleSearcher), {clients} workers", samples, seconds, commits, firstError);
    }

    private static Phase RunHttp(string index, List<(SearchRequest Request, string Url)> cases, int clients, int seconds, Corpus corpus, string runDir, string cli)
    {
        Log.Step("HTTP phase (search serve on 127.0.0.1)");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { cli, "serve", "--index", index, "--port", "0" })
            start.ArgumentList.Add(a);
        using var serve = Process.Start(start)!;
        try
        {
            string line = serve.StandardOutput.ReadLine() ?? throw new InvalidOperationException("search serve ended: " + serve.StandardError.ReadToEnd());
            int at = line.IndexOf(" at http", StringComparison.Ordinal);
            string url = line[(at + 4)..line.IndexOf(' ', at + 4)].TrimEnd('/');
            if (!url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
                throw new InvalidOperationException("the server is not on 127.0.0.1: " + line);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                BaseAddress = new Uri(url),
                Timeout = TimeSpan.FromSeconds(30),
            };
            // Warm up: each query once (JIT, caches), as the in-process phase's searcher was by its first queries.
            foreach (var c in cases)
                http.GetAsync(c.Url).Result.Dispose();
            string? firstError = null;
            var (samples, commits) = WithBuildBeside(corpus, runDir, cli, "http", seconds, clients, async (i, token) =>
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    // Not cancelled at the end of the phase: a request in flight is answered and counted.
                    using var response = await http.GetAsync(cases[i % cases.Count].Url, CancellationToken.None);
                    string body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    bool ok = response.IsSuccessStatusCode && JsonNode.Parse(body)?["total"] != null;
                    if (!ok)
                        Interlocked.CompareExchange(ref firstError, $"{(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}", null);
                    return new Sample(clock.Elapsed.TotalMilliseconds, ok);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref firstError, e.GetType().Name + ": " + e.Message, null);
                    return new Sample(clock.Elapsed.TotalMilliseconds, false);
                }
            });
            return Summarise("HTTP (search serve, 127.0.0.1)", samples, seconds, commits, firstError);
        }
        finally
        {
            if (!serve.HasExited)
                serve.Kill();
            serve.WaitForExit();
        }
    }

    /// <summary>Runs <paramref name="clients"/> loops of <paramref name="one"/> for <paramref name="seconds"/>
    /// while `search index` adds batches of articles to the index, committing every second.</summary>
    private static (List<Sample> Samples, int Commits) WithBuildBeside(Corpus corpus, string runDir, string cli, string tag, int seconds, int clients,
        Func<int, CancellationToken, Task<Sample>> one)
    {
        string extra = Path.Combine(runDir, "beside-" + tag);
        Directory.CreateDirectory(extra);
        string index = Path.Combine(runDir, "index");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        int commits = 0;
        var builder = Task.Run(() =>
        {
            var lines = File.ReadLines(Path.Combine(corpus.Root, "news.jsonl")).Take(4000).ToList();
            for (int batch = 0; !stop.IsCancellationRequested; batch++)
            {
                var text = new StringBuilder();
                for (int k = 0; k < 400; k++)
                {
                    var node = JsonNode.Parse(lines[(batch * 400 + k) % lines.Count])!.AsObject();
                    node["id"] = $"{tag}-{batch}-{k}";
                    text.Append(node.ToJsonString()).Append('\n');
                }
                File.WriteAllText(Path.Combine(extra, $"batch-{batch:D4}.jsonl"), text.ToString());
                RunCli(cli, "index", extra, "--index", index, "--quiet", "--commit-seconds", "1");
                commits++;
            }
        });
        var samples = new List<Sample>();
        // A thread per client: the in-process searches are synchronous, and 32 of them on the thread
        // pool would measure its slow thread injection, not the searcher.
        var workers = Enumerable.Range(0, clients).Select(w => Task.Factory.StartNew(async () =>
        {
            var mine = new List<Sample>();
            for (int i = w; !stop.IsCancellationRequested; i += clients)
                mine.Add(await one(i, stop.Token));
            return mine;
        }, TaskCreationOptions.LongRunning).Unwrap()).ToArray();
        Task.WaitAll(workers);
        foreach (var w in workers)
            samples.AddRange(w.Result);
        builder.Wait();
        return (samples, commits);
    }

    private static Phase Summarise(string name, List<Sample> samples, int seconds, int commits, string? firstError)
    {
        var ms = samples.Where(s => s.Ok).Select(s => s.Ms).Order().ToList();
        return new Phase(name, samples.Count, samples.Count(s => !s.Ok), Measure.Percentile(ms, 0.5), Measure.Percentile(ms, 0.99),
            samples.Count(s => s.Ok) / (double)seconds, commits, firstError);
    }

    private static string Report(Corpus corpus, int clients, int seconds, int variants, Phase[] inProcess, Phase http)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"## `search serve` under load ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores)");
        sb.AppendLine();
        sb.AppendLine($"{corpus.Label}; {clients} concurrent clients for {seconds} s per phase; {variants} query variants (the speed benchmark's mix, each also newest-first and on page 2);");
        sb.AppendLine("a `search index` beside each phase adds 400 articles per run (runs back to back, `--commit-seconds 1`); \"index runs\" counts the runs finished in the phase.");
        sb.AppendLine();
        sb.AppendLine("| phase | requests | errors | p50 ms | p99 ms | queries/s | index runs beside |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var p in inProcess.Append(http))
            sb.AppendLine($"| {p.Name} | {Formats.N(p.Requests)} | {p.Errors} | {Formats.Ms(p.P50)} | {Formats.Ms(p.P99)} | {Formats.N(p.PerSecond, 1)} | {p.Commits} |");
        sb.AppendLine();
        foreach (var p in inProcess)
            sb.AppendLine($"HTTP / {p.Name}: p50 {Formats.Ratio(http.P50 / p.P50)}, p99 {Formats.Ratio(http.P99 / p.P99)}, throughput {Formats.Ratio(http.PerSecond / p.PerSecond)}.  ");
        foreach (var p in inProcess.Append(http))
            if (p.FirstError != null)
                sb.AppendLine($"First error ({p.Name}): {p.FirstError}");
        return sb.ToString();
    }

    private static void RunCli(string cli, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (string a in args)
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"search {string.Join(' ', args)} exited {p.ExitCode}: {err.Trim()} {stdout.Result.Trim()}");
    }

    /// <summary>The Release build of the CLI in this checkout, built when missing.</summary>
    private static string BuiltCli()
    {
        string dll = Path.Combine(RepoPaths.Root, "src", "Search.Cli", "bin", "Release", "net10.0", "search.dll");
        if (!File.Exists(dll))
        {
            Log.Step("building the CLI (Release)");
            using var p = Process.Start("dotnet", new[] { "build", Path.Combine(RepoPaths.Root, "src", "Search.Cli"), "-c", "Release", "-v", "q" })!;
            p.WaitForExit();
        }
        return dll;
    }

    private static string? Value(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Option(string[] args, string name, int fallback) =>
        Value(args, name) is { } v ? int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;
}
