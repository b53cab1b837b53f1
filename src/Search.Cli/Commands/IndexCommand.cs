using Search.Cli.Rendering;
using Search.Core;
using Search.Core.Indexing;

namespace Search.Cli.Commands;

/// <summary>`search index [PATH...]`: builds or updates an index, with progress and a summary.</summary>
public static class IndexCommand
{
    private static readonly string[] ValueOptions = { "index", "threads", "stemmer", "commit-seconds", "date-order" };
    private static readonly string[] Flags = { "rebuild", "json", "no-stopwords", "quiet" };

    public static int Run(string[] argv, Output o)
    {
        var args = Args.Parse(argv, ValueOptions, Flags);
        var roots = args.Positionals.Count > 0 ? args.Positionals.ToList() : new List<string> { SeedLocator.Find() };
        string index = IndexLocation.Resolve(args);
        AnalysisSettings? analysis = null;
        if (args.Value("stemmer") is { } stemmer || args.Has("no-stopwords"))
        {
            stemmer = args.Value("stemmer") ?? AnalysisSettings.Default.Stemmer;
            if (!AnalysisSettings.Stemmers.Contains(stemmer))
                throw new UsageException($"--stemmer must be one of {string.Join(", ", AnalysisSettings.Stemmers)}");
            analysis = new AnalysisSettings(stemmer, !args.Has("no-stopwords"));
        }
        var summary = Build(o, roots, index, args.Has("rebuild"), args.Int("threads", 0, 0, 256), analysis,
            args.Int("commit-seconds", 10, 1), quiet: args.Has("quiet") || args.Has("json"), dateOrder: ParseDateOrder(args.Value("date-order")));
        if (args.Has("json"))
            o.Out.WriteLine(JsonRenderer.Summary(summary));
        else
            PrintSummary(o, summary, roots, index);
        if (summary.DocumentsInIndex == 0)
        {
            o.Error("nothing could be indexed: no readable articles in " + string.Join(", ", roots));
            return 1;
        }
        return 0;
    }

    /// <summary>`--date-order mdy|dmy`: how to read 03/04/2021; unset, such dates are left unread.</summary>
    private static Core.Enrich.DateOrder ParseDateOrder(string? text) => text switch
    {
        null => Core.Enrich.DateOrder.Unknown,
        "mdy" => Core.Enrich.DateOrder.MonthFirst,
        "dmy" => Core.Enrich.DateOrder.DayFirst,
        _ => throw new UsageException($"--date-order must be mdy (03/04/2021 is March 4) or dmy (3 April), not '{text}'"),
    };

    /// <summary>Runs a build with a progress display on stderr; Ctrl-C stops it cleanly, keeping
    /// what was committed. Shared with the console's first-run build.</summary>
    public static BuildSummary Build(Output o, IReadOnlyList<string> roots, string index, bool rebuild, int threads,
        AnalysisSettings? analysis, int commitSeconds, bool quiet, Core.Enrich.DateOrder dateOrder = default)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
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
                OnProgress = quiet ? null : progress.Report,
            }, cancel.Token);
        }
        finally
        {
            progress.Done();
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static void PrintSummary(Output o, BuildSummary s, IReadOnlyList<string> roots, string index)
    {
        var w = o.Out;
        w.WriteLine($"{(s.Interrupted ? "Interrupted" : "Indexed")} {string.Join(", ", roots)} into {index} in {Formats.Seconds(s.Seconds)}");
        w.WriteLine($"  files:    {Formats.N(s.FilesScanned)} scanned, {Formats.N(s.FilesIndexed)} indexed, {Formats.N(s.FilesUnchanged)} unchanged, {Formats.N(s.FilesIgnored)} ignored (not a supported type), {Formats.N(s.Skipped.Count(k => k.Line == null))} skipped");
        w.WriteLine($"  articles: {Formats.N(s.ArticlesAdded)} added, {Formats.N(s.ArticlesUpdated)} updated, {Formats.N(s.ArticlesUnchanged)} unchanged, {Formats.N(s.ArticlesRemoved)} removed, {Formats.N(s.Skipped.Count(k => k.Line != null))} bad records skipped");
        w.WriteLine($"  index:    {Formats.N(s.DocumentsInIndex)} articles ({Formats.Bytes(s.Bytes)} read)");
        if (s.Skipped.Count > 0)
        {
            w.WriteLine("Skipped:");
            foreach (var k in s.Skipped.OrderBy(k => k.File, StringComparer.Ordinal).ThenBy(k => k.Line).Take(50))
                w.WriteLine("  " + k);
            if (s.Skipped.Count > 50)
                w.WriteLine($"  … and {s.Skipped.Count - 50} more (use --json for the full list)");
        }
        if (s.Interrupted)
            w.WriteLine("Run the same command again to finish: work already committed is kept.");
    }
}
