using System.Text.Json;

namespace Search.Benchmarks.Speed;

/// <summary>
/// <c>speed</c>: makes the corpora, then in one run times indexing (ours on all cores and on one
/// thread, plain Lucene.Net, SQLite FTS5), the query mix, start-up and growth, and writes a
/// Markdown report to stdout and <c>tests/Search.Benchmarks/results/latest.md</c>.
/// <c>speed child ...</c> is the internal entry point of the measuring child processes.
/// </summary>
public static class SpeedCommand
{
    private static readonly JsonSerializerOptions IndentedJson = new(ChildProcess.Json) { WriteIndented = true };

    public const string Name = "speed";
    public static string Usage => SpeedOptions.Usage;

    private const string StartupQuery = "government";

    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "child")
            return ChildProcess.Serve(args[1..]);
        if (args.Length > 1 && args[0] == "sizes")
            return IndexSizes.Print(args[1..]);
        if (args.Length > 1 && args[0] == "postings")
            return IndexPostings.Print(args[1..]);
        if (args.Length > 2 && args[0] == "merge-cost")
            return IndexMergeCost.Print(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
        if (args.Length > 1 && args[0] == "query-stages")
            return QueryProfileReport.Stages(args[1..]);
        if (args.Length > 0 && args[0] == "query-repeat")
            return QueryRepeat.Run(args[1..]);
        if (args.Length > 1 && args[0] == "console")
            return QueryProfileReport.ConsoleEndToEnd(args[1..]);
        SpeedOptions options;
        try
        {
            options = SpeedOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"{Name}: {e.Message}\nusage: {Usage}");
            return 2;
        }
        var run = new SpeedRun
        {
            Command = "dotnet run -c Release --project tests/Search.Benchmarks -- speed " + string.Join(' ', args),
            Date = DateTime.UtcNow,
            Commit = MachineInfo.Commit(),
            Machine = MachineInfo.Current(),
            Quick = options.Quick,
        };
        Log.Step($"speed benchmark: {run.Machine}; work folder {options.Work}");

        var maker = new CorpusMaker(options.Work, CorpusMaker.FindShared(options.Shared));
        var corpora = new List<Corpus>();
        foreach (int docs in options.Docs)
        {
            corpora.Add(maker.Synthetic(docs, CorpusFormat.Txt));
            corpora.Add(maker.Synthetic(docs, CorpusFormat.Jsonl));
        }
        if (!options.SkipReuters)
            corpora.Add(maker.Reuters());
        foreach (var c in corpora)
            run.Corpora.Add((c, c.Stats()));

        run.QueryCorpus = corpora.First(c => c.Docs == options.QueryDocs && c.Format == CorpusFormat.Jsonl);
        foreach (var (corpus, stats) in run.Corpora)
            IndexAll(run, options, corpus, stats);

        string queryIndexes = IndexFolder(options, run.QueryCorpus);
        Log.Step($"timing the query mix on {run.QueryCorpus.Label}");
        run.Queries.AddRange(ChildProcess.Run<List<QueryTiming>>("queries", Path.Combine(queryIndexes, "ours"), Path.Combine(queryIndexes, "lucene"),
            options.SkipFts5 ? "-" : Path.Combine(queryIndexes, "fts5.db"), Inv(options.Iterations), Inv(options.SecondsPerQueryType), Path.Combine(queryIndexes, "lucene-all")));
        Measure.Delete(Path.Combine(queryIndexes, "lucene-all"));

        if (!options.SkipStartup)
        {
            string cli = options.Cli ?? StartupTimer.BuildCli(options.Work);
            Log.Step("timing start-up");
            run.Startup.AddRange(StartupTimer.Run(cli, Path.Combine(queryIndexes, "ours"), StartupQuery));
        }

        if (!options.SkipProfile)
        {
            // The smallest size of at least 10k (smaller ones are too short to time stage by stage on a busy machine).
            int size = options.Docs.Where(d => d >= 10_000).DefaultIfEmpty(options.Docs.Max()).Min();
            if (options.Quick)
                size = options.Docs.Min();
            foreach (var corpus in corpora.Where(c => c.Docs == size))
            {
                Log.Step($"profiling our indexing stages on {corpus.Label}");
                run.Profiles.Add((corpus, ChildProcess.Run<ProfileResult>("profile", ChildProcess.FormatArg(corpus.Format), corpus.Root, options.Work)));
            }
        }

        string report = Report.Markdown(run);
        Console.Out.Write(report);
        string results = Path.Combine(RepoPaths.Root, "tests", "Search.Benchmarks", "results");
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "latest.md"), report);
        File.WriteAllText(Path.Combine(results, "latest.json"), JsonSerializer.Serialize(new
        {
            run.Command, run.Date, run.Commit, run.Machine,
            Corpora = run.Corpora.Select(c => new { c.Corpus, c.Stats }),
            run.Indexing, run.Queries, run.Startup,
            Profiles = run.Profiles.Select(p => p.Profile),
        }, IndentedJson));
        Log.Step($"report written to {Path.Combine(results, "latest.md")}");
        if (options.UpdateDocs)
            ReadmeSection.Update(Path.Combine(RepoPaths.Root, "docs", "performance.md"), report);
        return 0;
    }

    /// <summary>Indexes one corpus with every engine, each in its own child process. Indexes are
    /// kept for the query corpus only.</summary>
    private static void IndexAll(SpeedRun run, SpeedOptions options, Corpus corpus, CorpusStats stats)
    {
        string folder = IndexFolder(options, corpus);
        Directory.CreateDirectory(folder);
        string format = ChildProcess.FormatArg(corpus.Format);
        var plan = new List<(string Engine, int Threads, string[] Args)>
        {
            (Engines.Ours, Environment.ProcessorCount, new[] { "index-ours", format, corpus.Root, Path.Combine(folder, "ours"), "0" }),
            (Engines.OursNoDuplicates, Environment.ProcessorCount, new[] { "index-ours-nodup", format, corpus.Root, Path.Combine(folder, "ours-nodup"), "0" }),
            (Engines.LuceneParallel, Environment.ProcessorCount, new[] { "index-lucene-parallel", format, corpus.Root, Path.Combine(folder, "lucene-all") }),
            (Engines.Lucene, 1, new[] { "index-lucene", format, corpus.Root, Path.Combine(folder, "lucene") }),
        };
        if (!options.SkipFts5)
            plan.Add((Engines.Fts5, 1, new[] { "index-fts5", format, corpus.Root, Path.Combine(folder, "fts5.db") }));
        plan.Add((Engines.OursOneThread, 1, new[] { "index-ours", format, corpus.Root, Path.Combine(folder, "ours-1"), "1" }));
        foreach (var (engine, threads, args) in plan)
        {
            Log.Step($"indexing {corpus.Label}: {engine}");
            var result = ChildProcess.Run<IndexChildResult>(args);
            var r = new IndexRun(engine, corpus, stats, threads, result);
            run.Indexing.Add(r);
            Log.Step($"  {result.Articles:N0} articles in {result.Seconds:F1} s ({r.ArticlesPerSecond:N0}/s, {r.MBPerSecond:F1} MB/s), " +
                     $"peak {Formats.Mb(result.PeakBytes)} MB, index {Formats.Mb(result.IndexBytes)} MB {result.Note}");
        }
        Measure.Delete(Path.Combine(folder, "ours-1"));
        if (corpus != run.QueryCorpus)
            Measure.Delete(Path.Combine(folder, "lucene-all")); // the query corpus's is the issue's peer in the query mix, deleted after it
        Measure.Delete(Path.Combine(folder, "ours-nodup"));
        if (corpus != run.QueryCorpus)
            Measure.Delete(folder);
    }

    private static string IndexFolder(SpeedOptions options, Corpus corpus) =>
        Path.Combine(options.Work, "indexes", Path.GetFileName(corpus.Root));

    private static string Inv(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
