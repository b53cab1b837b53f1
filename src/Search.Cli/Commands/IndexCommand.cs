using Search.Cli.Rendering;
using Search.Core;
using Search.Core.Indexing;
using Search.Core.Indexing.Build;
using Search.Core.Ingest;

namespace Search.Cli.Commands;

/// <summary>`search index [PATH...]`: builds or updates an index, with progress and a summary.</summary>
public static class IndexCommand
{
    /// <summary>Exit status of a build stopped with Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int InterruptedCode = 130;

    private static readonly string[] ValueOptions = { "index", "threads", "stemmer", "commit-seconds", "date-order", "csv-columns", "csv-delimiter", "csv-quote" };
    private static readonly string[] Flags = { "rebuild", "json", "no-stopwords", "quiet", "samples" };

    public static int Run(string[] argv, Output o)
    {
        var args = Args.Parse(argv, ValueOptions, Flags);
        string index = IndexLocation.Resolve(args);
        var roots = Roots(args, index);
        AnalysisSettings? analysis = null;
        if (args.Value("stemmer") is { } stemmer || args.Has("no-stopwords"))
        {
            stemmer = args.Value("stemmer") ?? AnalysisSettings.Default.Stemmer;
            if (!AnalysisSettings.Stemmers.Contains(stemmer))
                throw new UsageException($"--stemmer must be one of {string.Join(", ", AnalysisSettings.Stemmers)}");
            analysis = new AnalysisSettings(stemmer, !args.Has("no-stopwords"));
        }
        var summary = Build(o, roots, index, args.Has("rebuild"), args.Int("threads", 0, 0, 256), analysis,
            args.Int("commit-seconds", 10, 1), quiet: args.Has("quiet") || args.Has("json"), dateOrder: ParseDateOrder(args.Value("date-order")),
            csv: Csv(args));
        if (args.Has("json"))
            o.Out.WriteLine(JsonRenderer.Summary(summary));
        else
            PrintSummary(o, summary, index);
        if (summary.Interrupted)
            return InterruptedCode;
        if (summary.NothingWritten)
        {
            o.Error($"nothing to index: no article could be read from {string.Join(", ", roots)}; no index was written at {index}");
            return 1;
        }
        if (summary.DocumentsInIndex == 0)
        {
            o.Error("nothing could be indexed: no readable articles in " + string.Join(", ", roots));
            return 1;
        }
        return 0;
    }

    /// <summary>`--csv-columns`, `--csv-delimiter`, `--csv-quote`; null when none is given.</summary>
    private static CsvSettings? Csv(Args args)
    {
        string? columns = args.Value("csv-columns"), delimiter = args.Value("csv-delimiter"), quote = args.Value("csv-quote");
        if (columns == null && delimiter == null && quote == null)
            return null;
        return new CsvSettings
        {
            Columns = columns == null ? null : CsvSettings.ParseColumns(columns),
            ColumnsText = columns,
            Delimiter = delimiter == null ? null : CsvSettings.ParseDelimiter(delimiter),
            Quote = quote == null ? null : CsvSettings.ParseQuote(quote),
        };
    }

    /// <summary>`--date-order mdy|dmy`: how to read 03/04/2021; unset, such dates are left unread.</summary>
    private static Core.Enrich.DateOrder ParseDateOrder(string? text) => text switch
    {
        null => Core.Enrich.DateOrder.Unknown,
        "mdy" => Core.Enrich.DateOrder.MonthFirst,
        "dmy" => Core.Enrich.DateOrder.DayFirst,
        _ => throw new UsageException($"--date-order must be mdy (03/04/2021 is March 4) or dmy (3 April), not '{text}'"),
    };

    /// <summary>What to index: the paths given; else, with --samples, the sample corpus; else the
    /// folders the index was built from. Never the samples unasked.</summary>
    private static List<string> Roots(Args args, string index)
    {
        var roots = args.Positionals.ToList();
        if (args.Has("samples"))
            roots.Add(SeedLocator.Find());
        if (roots.Count > 0)
            return roots;
        var recorded = RecordedRoots.Read(index);
        if (recorded.Count > 0)
            return recorded.ToList();
        throw new UsageException(IndexLocation.Exists(index)
            ? $"no folders are recorded for the index at {index}; name what to index: `search index PATH`"
            : $"nothing to index: name a folder or file of articles (`search index PATH`), or try the sample articles with `search index --samples`");
    }

    /// <summary>How long after Ctrl-C the build may take to commit what it added before the
    /// process leaves anyway.</summary>
    public static readonly TimeSpan StopBudget = TimeSpan.FromMilliseconds(600);

    /// <summary>Runs a build with a progress display on stderr. The first Ctrl-C stops reading at
    /// once and commits what was added (the summary lists what is left unfinished). If that final
    /// commit cannot finish within <see cref="StopBudget"/> (a big in-memory buffer, a loaded
    /// machine), the process leaves anyway, as a kill would: the index keeps its last periodic
    /// commit (at most --commit-seconds old), which the write path guarantees is whole, and the
    /// next run reads the rest. A second Ctrl-C ends the process at once. Shared with the
    /// console's first-run build.</summary>
    public static BuildSummary Build(Output o, IReadOnlyList<string> roots, string index, bool rebuild, int threads,
        AnalysisSettings? analysis, int commitSeconds, bool quiet, Core.Enrich.DateOrder dateOrder = default, CsvSettings? csv = null)
    {
        using var cancel = new CancellationTokenSource();
        var live = new BuildLive();
        using var finished = new ManualResetEventSlim();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (cancel.IsCancellationRequested)
                return; // second Ctrl-C: let the runtime end the process
            e.Cancel = true;
            o.Err.WriteLine();
            o.Err.WriteLine("stopping: committing what is indexed so far (Ctrl-C again to quit at once)");
            cancel.Cancel();
            LeaveIfStillRunning(o, live, finished, roots, index);
        };
        Console.CancelKeyPress += onCancel;
        var progress = new ProgressDisplay(o, quiet);
        try
        {
            return IndexBuilder.Build(new BuildOptions
            {
                Roots = roots,
                IndexPath = index,
                Rebuild = rebuild,
                Threads = threads,
                Analysis = analysis,
                CommitInterval = TimeSpan.FromSeconds(commitSeconds),
                DateOrder = dateOrder,
                Csv = csv,
                Live = live,
                OnProgress = quiet ? null : progress.Report,
            }, cancel.Token);
        }
        finally
        {
            finished.Set();
            progress.Done();
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Problems shown at a time; `--json` lists them all.</summary>
    public const int ProblemsShown = 10;

    /// <summary>What the index is missing (skipped files and bad records, kept by the index until
    /// fixed): counted, the first <see cref="ProblemsShown"/> named. Shared with `search stats`.</summary>
    public static void PrintProblems(Output o, IReadOnlyList<SkippedItem> skipped, string more)
    {
        if (skipped.Count == 0)
            return;
        int files = skipped.Count(k => k.Line == null), records = skipped.Count - files;
        int incomplete = skipped.Where(k => k.Line != null).Select(k => k.File).Distinct().Count();
        var parts = new List<string>();
        if (files > 0)
            parts.Add(Formats.Count(files, "file") + " skipped");
        if (records > 0)
            parts.Add($"{Formats.Count(records, "bad record")} skipped in {Formats.Count(incomplete, "file")} indexed without {(records == 1 ? "it" : "them")}");
        o.Out.WriteLine($"Skipped: {string.Join("; ", parts)} (listed until fixed or removed):");
        foreach (var k in skipped.OrderBy(k => k.File, StringComparer.Ordinal).ThenBy(k => k.Line).Take(ProblemsShown))
            o.Out.WriteLine("  " + k);
        if (skipped.Count > ProblemsShown)
            o.Out.WriteLine($"  … and {Formats.N(skipped.Count - ProblemsShown)} more ({more})");
    }

    /// <summary>Ctrl-C promises an exit within a second: when the build has not returned by
    /// <see cref="StopBudget"/>, say what is kept and leave with 130.</summary>
    private static void LeaveIfStillRunning(Output o, BuildLive live, ManualResetEventSlim finished, IReadOnlyList<string> roots, string index)
    {
        var thread = new Thread(() =>
        {
            try
            {
                if (finished.Wait(StopBudget))
                    return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            var unfinished = live.Unfinished;
            o.Out.WriteLine($"Interrupted {string.Join(", ", roots.Select(Path.GetFullPath))} into {index}: stopped at once, without waiting for the last commit; the index keeps its last commit");
            if (unfinished.Count > 0)
                o.Out.WriteLine($"Unfinished: {string.Join(", ", unfinished.Take(10))}{(unfinished.Count > 10 ? $" and {Formats.N(unfinished.Count - 10)} more" : "")}: what was committed of {(unfinished.Count == 1 ? "it" : "them")} is indexed, and the next `search index` reads the rest.");
            o.Out.WriteLine("Run `search index` again to finish: work already committed is kept.");
            o.Out.Flush();
            o.Err.Flush();
            Environment.Exit(InterruptedCode);
        }) { IsBackground = true, Name = "stop budget" };
        thread.Start();
    }

    private static void PrintSummary(Output o, BuildSummary s, string index)
    {
        var w = o.Out;
        w.WriteLine(s.NothingWritten
            ? $"Nothing indexed from {string.Join(", ", s.Roots)} ({Formats.Seconds(s.Seconds)}): no index written"
            : $"{(s.Interrupted ? "Interrupted" : "Indexed")} {string.Join(", ", s.Roots)} into {index} in {Formats.Seconds(s.Seconds)}");
        string ignored = s.FilesIgnored == 0 ? "0 ignored"
            : $"{Formats.N(s.FilesIgnored)} ignored ({string.Join(", ", s.IgnoredByExtension().Select(e => $"{Formats.N(e.Count)} {e.Extension}"))}: not an article format)";
        w.WriteLine($"  files:    {Formats.N(s.FilesScanned)} scanned, {Formats.N(s.FilesIndexed)} indexed, {Formats.N(s.FilesUnchanged)} unchanged, {ignored}, {Formats.N(s.Skipped.Count(k => k.Line == null))} skipped");
        w.WriteLine($"  articles: {Formats.N(s.ArticlesAdded)} added, {Formats.N(s.ArticlesUpdated)} updated, {Formats.N(s.ArticlesUnchanged)} unchanged, {Formats.N(s.ArticlesRemoved)} removed, {Formats.N(s.Skipped.Count(k => k.Line != null))} bad records skipped");
        w.WriteLine($"  index:    {Formats.Count(s.DocumentsInIndex, "article")} ({Formats.Bytes(s.Bytes)} read)");
        if (s.Collisions.Count > 0)
        {
            w.WriteLine($"  ids:      {Formats.N(s.Collisions.Count)} {(s.Collisions.Count == 1 ? "id is" : "ids are")} shared by articles of different files; all are kept (`search show ID --file FILE` picks one):");
            foreach (var c in s.Collisions.Take(10))
                w.WriteLine($"    {c.Id}: {string.Join(", ", c.Files)}");
            if (s.Collisions.Count > 10)
                w.WriteLine($"    … and {Formats.N(s.Collisions.Count - 10)} more (use --json for the full list)");
        }
        if (s.Ignored.Count > 0)
        {
            w.WriteLine("Ignored:");
            foreach (var f in s.Ignored.Order(StringComparer.Ordinal).Take(20))
                w.WriteLine("  " + f);
            if (s.Ignored.Count > 20)
                w.WriteLine($"  … and {Formats.N(s.Ignored.Count - 20)} more (use --json for the full list)");
        }
        PrintProblems(o, s.Skipped, "use --json for the full list");
        if (s.Unfinished.Count > 0)
            w.WriteLine($"Unfinished: {string.Join(", ", s.Unfinished.Take(10))}{(s.Unfinished.Count > 10 ? $" and {Formats.N(s.Unfinished.Count - 10)} more" : "")}: what was read of {(s.Unfinished.Count == 1 ? "it" : "them")} is indexed, and the next `search index` reads the rest.");
        if (s.Interrupted)
            w.WriteLine("Run `search index` again to finish: work already committed is kept.");
    }
}
