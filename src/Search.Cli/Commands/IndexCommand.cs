using System.CommandLine;
using System.Runtime.InteropServices;
using Search.Cli.Rendering;
using Search.Core;
using Search.Core.Indexing;
using Search.Core.Indexing.Writing;
using Search.Core.Ingest;

namespace Search.Cli.Commands;

/// <summary>`search index [PATH...]`: builds or updates an index, with progress and a summary.</summary>
public static class IndexCommand
{
    private static readonly string[] DateOrders = ["mdy", "dmy"];

    /// <summary>Exit status of a build stopped with Ctrl-C (128 + SIGINT, as shells report it), or
    /// with SIGTERM, which stops it the same way.</summary>
    public const int InterruptedCode = 130;

    /// <summary>The build's defaults, where Core declares them (the commit interval among them).</summary>
    private static readonly BuildOptions Defaults = new() { Roots = Array.Empty<string>(), IndexPath = "" };

    public const string Description = """
        Index folders and files of articles.

        Reads .txt (news database exports too: LexisNexis, Nexis Uni, Factiva), Markdown with
        front matter (.md), .csv/.tsv, .jsonl/.ndjson, .json (any of them gzipped: .jsonl.gz), feeds and
        wire stories in XML (RSS, Atom, NITF, NewsML-G2), Evernote's notes (.enex), Reuters' SGML (.sgm),
        web pages (.html/.htm; saved as one file: .mhtml, Safari's .webarchive), PDFs,
        Word, OpenDocument, RTF and Excel files (.docx, .doc, .odt, .rtf, .xlsx, .xls), e-mail with its
        attachments (.eml, .msg, mbox), web archives (.warc), and all of these
        inside .zip and .tar(.gz) archives. With no PATH it refreshes the folders the index was
        built from (`search stats` lists them). A re-run reads
        only what changed, record by record, and drops articles of files that are gone.
        Ctrl-C stops at once, keeps what was read, and the next run finishes the rest.

        Exit status: 0 ok, 1 nothing readable, a damaged index or an I/O error, 2 bad command line,
        3 index locked, 130 stopped with Ctrl-C (or SIGTERM).
        """;

    public static Command Create(Output o)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "folders and files to index (none: the folders the index was built from)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var samples = SharedOptions.Flag("--samples", "index the sample articles (seeds/)");
        var index = SharedOptions.Index();
        var rebuild = SharedOptions.Flag("--rebuild", "start from an empty index");
        var threads = SharedOptions.WholeNumber("--threads", "reader threads; 0: one per core", Defaults.Threads, 0, 256);
        var stemmer = SharedOptions.OneOf("--stemmer", $"stemming of a new index (default {AnalysisSettings.Default.Stemmer}; a change needs --rebuild)", null, AnalysisSettings.Stemmers.ToList());
        var languageStemmer = SharedOptions.OneOf("--language-stemmer", $"stemmers of the languages other than English in a new index: light (inflections only) or snowball (default {AnalysisSettings.Default.LanguageStemmer}; a change needs --rebuild; docs/languages.md)",
            null, Search.Core.Indexing.Analysis.Languages.LanguageStemming.Choices.ToList());
        var noStopwords = SharedOptions.Flag("--no-stopwords", "keep stop words in a new index (a change needs --rebuild)");
        var commitMB = SharedOptions.WholeNumber("--commit-mb", "commit after every N MB of article text indexed, inside big files too: a killed build loses at most that much work, one and a half times that near its end (0: by --commit-seconds alone)",
            (int)Defaults.CommitTextMB, 0, 1_000_000);
        var commitSeconds = SharedOptions.WholeNumber("--commit-seconds", "commit at the latest N seconds after the last commit, however little was indexed: a killed build loses at most that much time",
            (int)Defaults.CommitInterval.TotalSeconds, 1, 10_000_000);
        var dateOrder = SharedOptions.OneOf("--date-order", "how to read 03/04/2021: month (mdy) or day (dmy) first; unset, such dates are left unread (13/04/2021 and 04/13/2021 are always read, and 07.03.2021 with dots day first)",
            null, DateOrders);
        var json = SharedOptions.Json("print the summary as JSON (no progress display)");
        var quiet = SharedOptions.Flag("--quiet", "no progress display");
        var csvColumns = SharedOptions.Text("--csv-columns", "LIST", "read CSV files without a header row: their columns in order, e.g. section,body (id, title, body, url, author, source, date, section, tags, places, language; - skips one)");
        var csvDelimiter = SharedOptions.Text("--csv-delimiter", "CHAR", "the CSV delimiter: comma, semicolon or tab (default: sniffed from the file; tab for .tsv)");
        var csvQuote = SharedOptions.Text("--csv-quote", "CHAR", "the CSV quote character: double (\") or single (') (default: sniffed from the file)");
        var command = new Command("index", Description)
        {
            paths, samples, index, rebuild, threads, stemmer, languageStemmer, noStopwords, commitMB, commitSeconds, dateOrder, csvColumns, csvDelimiter, csvQuote, json, quiet,
        };
        command.SetAction(r =>
        {
            string indexPath = IndexLocation.Resolve(r.GetValue(index));
            var progress = new ProgressDisplay(o, r.GetValue(quiet) || r.GetValue(json));
            AnalysisSettings? analysis = r.GetValue(stemmer) is { } s || r.GetValue(noStopwords) || r.GetValue(languageStemmer) != null
                ? new AnalysisSettings(r.GetValue(stemmer) ?? AnalysisSettings.Default.Stemmer, !r.GetValue(noStopwords),
                    r.GetValue(languageStemmer) ?? AnalysisSettings.Default.LanguageStemmer)
                : null;
            var options = new BuildOptions
            {
                OnProgress = r.GetValue(quiet) || r.GetValue(json) ? null : progress.Report,
                Roots = Roots(r.GetValue(paths) ?? Array.Empty<string>(), r.GetValue(samples), indexPath),
                IndexPath = indexPath,
                Rebuild = r.GetValue(rebuild),
                Threads = r.GetValue(threads),
                Analysis = analysis,
                CommitTextMB = r.GetValue(commitMB),
                CommitInterval = TimeSpan.FromSeconds(r.GetValue(commitSeconds)),
                DateOrder = r.GetValue(dateOrder) switch
                {
                    "mdy" => Core.Ingest.DateOrder.MonthFirst,
                    "dmy" => Core.Ingest.DateOrder.DayFirst,
                    _ => Core.Ingest.DateOrder.Unknown,
                },
                Csv = Csv(r.GetValue(csvColumns), r.GetValue(csvDelimiter), r.GetValue(csvQuote)),
                Live = new BuildLive(),
            };
            return Run(o, options, progress, r.GetValue(json));
        });
        return command;
    }

    private static int Run(Output o, BuildOptions options, ProgressDisplay progress, bool json)
    {
        var leftOut = LeftOutOfRebuild(options);
        var summary = Build(o, options, progress);
        if (json)
            o.Out.WriteLine(JsonRenderer.Summary(summary));
        else
            PrintSummary(o, summary, options.IndexPath);
        if (leftOut.Count > 0 && !summary.NothingWritten)
        {
            // --rebuild PATH keeps only PATH: the folders the index held besides go with the old
            // index. Said, as the counts cannot say it (a rebuild starts from no article).
            string names = string.Join(", ", leftOut.Select(TerminalText.Name));
            string note = summary.Interrupted
                ? $"Left out: {names}: not among the paths given to --rebuild; their articles leave the index when it finishes (`search index PATH` adds a folder back)"
                : $"Left out: {names}: not among the paths given to --rebuild, so their articles are no longer in the index (`search index PATH` adds a folder back)";
            if (json)
                o.Err.WriteLine("search: note: " + note);
            else
                TextWrap.WriteHanging(o.Out, "", 0, note, o.Width);
        }
        if (summary.Interrupted)
            return InterruptedCode;
        if (summary.NothingWritten)
        {
            o.Error($"nothing to index: no article could be read from {string.Join(", ", options.Roots)}; no index was written at {options.IndexPath}");
            return 1;
        }
        if (summary.DocumentsInIndex == 0)
        {
            o.Error("nothing could be indexed: no readable articles in " + string.Join(", ", options.Roots));
            return 1;
        }
        return 0;
    }

    /// <summary>The folders the index was built from that a `--rebuild` of other paths leaves
    /// out (read before the build records the new list).</summary>
    private static List<string> LeftOutOfRebuild(BuildOptions options)
    {
        if (!options.Rebuild)
            return [];
        var given = options.Roots.Select(FileScanner.FullRoot).ToList();
        return RecordedRoots.Read(options.IndexPath)
            .Where(r => !given.Any(g => r == g || r.StartsWith(g + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>`--csv-columns`, `--csv-delimiter`, `--csv-quote`; null when none is given.</summary>
    private static CsvSettings? Csv(string? columns, string? delimiter, string? quote)
    {
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

    /// <summary>What to index: the paths given; else, with --samples, the sample corpus; else the
    /// folders the index was built from. Never the samples unasked.</summary>
    private static List<string> Roots(IEnumerable<string> paths, bool samples, string index)
    {
        var roots = paths.ToList();
        if (roots.Any(string.IsNullOrWhiteSpace))
            throw new UsageException("a PATH to index is empty (an unset shell variable?); name a folder or file of articles");
        if (samples)
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
    /// commit (at most --commit-mb of text or --commit-seconds old), which the write path guarantees is whole, and the
    /// next run reads the rest. A second Ctrl-C ends the process at once. Shared with the
    /// console's first-run build.</summary>
    public static BuildSummary Build(Output o, BuildOptions options, ProgressDisplay progress)
    {
        using var cancel = new CancellationTokenSource();
        using var finished = new ManualResetEventSlim();
        void Stop(string again)
        {
            o.Err.WriteLine();
            o.Err.WriteLine($"stopping: committing what is indexed so far ({again} to quit at once)");
            cancel.Cancel();
            if (options.Live is { } live)
                LeaveIfStillRunning(o, live, finished, options.Roots, options.IndexPath);
        }
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (cancel.IsCancellationRequested)
                return; // second Ctrl-C: let the runtime end the process
            e.Cancel = true;
            Stop("Ctrl-C again");
        };
        Console.CancelKeyPress += onCancel;
        // `kill`, `timeout`, `systemctl stop` and `docker stop` send SIGTERM: the build died on the
        // spot, without a word or its last commit. Now it stops as on Ctrl-C.
        using var terminate = OnTerminate(context =>
        {
            if (cancel.IsCancellationRequested)
                return; // a second one: let the runtime end the process
            context.Cancel = true;
            Stop("kill again");
        });
        try
        {
            return IndexBuilder.Build(options, cancel.Token);
        }
        finally
        {
            finished.Set();
            progress.Done();
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static PosixSignalRegistration? OnTerminate(Action<PosixSignalContext> handler)
    {
        try
        {
            return PosixSignalRegistration.Create(PosixSignal.SIGTERM, handler);
        }
        catch (PlatformNotSupportedException)
        {
            return null;
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
        var whole = skipped.Where(k => k.Line == null).Select(k => k.File).ToHashSet(StringComparer.Ordinal);
        int files = whole.Count;
        // Bad records of a file skipped as a whole are listed under it, not counted as records of
        // a file indexed without them.
        var partial = skipped.Where(k => k.Line != null && !whole.Contains(k.File)).ToList();
        int records = partial.Count, incomplete = partial.Select(k => k.File).Distinct().Count();
        var parts = new List<string>();
        if (files > 0)
            parts.Add(Formats.Count(files, "file") + " skipped");
        if (records > 0)
            parts.Add($"{Formats.Count(records, "bad record")} skipped in {Formats.Count(incomplete, "file")} indexed without {(records == 1 ? "it" : "them")}");
        TextWrap.WriteHanging(o.Out, "", 0, $"Skipped: {string.Join("; ", parts)} (listed until fixed or removed):", o.Width);
        foreach (var k in skipped.OrderBy(k => k.File, StringComparer.Ordinal).ThenBy(k => k.Line).Take(ProblemsShown))
            TextWrap.WriteHanging(o.Out, "  ", 2, (k with { File = TerminalText.Name(k.File) }).ToString(), o.Width);
        if (skipped.Count > ProblemsShown)
            TextWrap.WriteHanging(o.Out, "  ", 2, $"… and {Formats.N(skipped.Count - ProblemsShown)} more ({more})", o.Width);
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
            foreach (string line in StoppedAtOnce.Lines(roots, index, live.Unfinished))
                o.Out.WriteLine(line);
            o.Out.Flush();
            o.Err.Flush();
            Environment.Exit(InterruptedCode);
        }) { IsBackground = true, Name = "stop budget" };
        thread.Start();
    }

    private static void PrintSummary(Output o, BuildSummary s, string index)
    {
        var w = o.Out;
        void Line(string text)
        {
            // A label ("  files:    ") stays as it is; what follows wraps under it.
            int label = text.StartsWith("  ", StringComparison.Ordinal) ? text.IndexOf(':') + 1 : 0;
            while (label > 0 && label < text.Length && text[label] == ' ')
                label++;
            TextWrap.WriteHanging(w, text[..label], label, text[label..], o.Width);
        }
        Line(s.NothingWritten
            ? $"Nothing indexed from {string.Join(", ", s.Roots)} ({Formats.Seconds(s.Seconds)}): no index written"
            : $"{(s.Interrupted ? "Interrupted" : "Indexed")} {string.Join(", ", s.Roots)} into {index} in {Formats.Seconds(s.Seconds)}");
        string ignored = s.FilesIgnored == 0 ? "0 ignored"
            : $"{Formats.N(s.FilesIgnored)} ignored ({string.Join(", ", s.IgnoredByExtension().Select(e => $"{Formats.N(e.Count)} {e.Extension}"))}: not an article format)";
        Line($"  files:    {Formats.N(s.FilesScanned)} scanned, {Formats.N(s.FilesIndexed)} indexed, {Formats.N(s.FilesUnchanged)} unchanged, {ignored}, {Formats.N(s.Skipped.Count(k => k.Line == null))} skipped");
        Line($"  articles: {Formats.N(s.ArticlesAdded)} added, {Formats.N(s.ArticlesUpdated)} updated, {Formats.N(s.ArticlesUnchanged)} unchanged, {Formats.N(s.ArticlesRemoved)} removed, {Formats.N(s.Skipped.Count(k => k.Line != null))} bad records skipped");
        Line($"  index:    {Formats.Count(s.DocumentsInIndex, "article")} ({Formats.Bytes(s.Bytes)} read)");
        if (s.OlderLetterRules)
            Line($"  analysis: {Search.Core.Querying.IndexStats.OlderLetterRules}");
        if (s.AmbiguousDates > 0)
            Line($"  dates:    {Formats.N(s.AmbiguousDates)} left unread, like {s.AmbiguousDateExample}: its day and month could be either way round; `--date-order dmy` (day first) or `--date-order mdy` reads them");
        if (s.UnreadDates > 0)
            Line($"  dates:    {Formats.N(s.UnreadDates)} not read, like \"{s.UnreadDateExample}\": not a date, or one that cannot exist; those articles are dated by their URL or dateline when they have one");
        if (s.Collisions.Count > 0)
        {
            Line($"  ids:      {Formats.N(s.Collisions.Count)} {(s.Collisions.Count == 1 ? "id is" : "ids are")} shared by articles of different files; all are kept (`search show ID --file FILE` picks one):");
            foreach (var c in s.Collisions.Take(10))
                Line($"    {TerminalText.Name(c.Id)}: {string.Join(", ", c.Files.Select(TerminalText.Name))}");
            if (s.Collisions.Count > 10)
                w.WriteLine($"    … and {Formats.N(s.Collisions.Count - 10)} more (use --json for the full list)");
        }
        if (s.Ignored.Count > 0)
        {
            w.WriteLine("Ignored:");
            foreach (var f in s.Ignored.Order(StringComparer.Ordinal).Take(20))
                w.WriteLine("  " + TerminalText.Name(f));
            if (s.Ignored.Count > 20)
                w.WriteLine($"  … and {Formats.N(s.Ignored.Count - 20)} more (use --json for the full list)");
        }
        PrintProblems(o, s.Skipped, "use --json for the full list");
        if (s.Unfinished.Count > 0)
            Line($"Unfinished: {string.Join(", ", s.Unfinished.Take(10).Select(TerminalText.Name))}{(s.Unfinished.Count > 10 ? $" and {Formats.N(s.Unfinished.Count - 10)} more" : "")}: what was read of {(s.Unfinished.Count == 1 ? "it" : "them")} is indexed, and the next `search index` reads the rest.");
        if (s.Interrupted)
            w.WriteLine("Run `search index` again to finish: work already committed is kept.");
    }
}
