using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Search.Cli.Rendering;
using Search.Core;
using Search.Core.Evaluation;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>
/// `search eval [DIR] [--queries FILE] [--qrels FILE] [--run FILE]`: runs every judged query through
/// the same search as `search query --any` (keywords, any may match, our ranking), or reads another
/// engine's results from a TREC run file, and reports trec_eval's measures.
/// </summary>
public static class EvalCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public const string Description = """
        Measure ranking (or a TREC run) against relevance judgements.

        trec_eval's measures (nDCG@10, MAP, P@10, R@100, MRR), means over the judged queries. A
        collection folder DIR in the common format holds DIR/queries.tsv and DIR/qrels.txt; index
        its DIR/docs.jsonl first with `search index DIR/docs.jsonl --index X`.

        Exit status: 0 ok, 1 unreadable files or no index, 2 bad command line.
        """;

    public static Command Create(Output o)
    {
        var collection = new Argument<string?>("DIR")
        {
            Description = "a test collection: DIR/queries.tsv and DIR/qrels.txt",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var queries = SharedOptions.Text("--queries", "FILE", "queries, one `id<TAB>text` per line (a query with no text is skipped, with a warning)");
        var qrels = SharedOptions.Text("--qrels", "FILE", "TREC qrels, `qid 0 docid grade` (grade > 0 is relevant)");
        var index = SharedOptions.Index();
        var run = SharedOptions.Text("--run", "FILE", "score this TREC run file (`qid Q0 docid rank score tag`) instead of searching");
        var depth = SharedOptions.WholeNumber("--depth", "results per query that count", 100, 1, ArticleSearcher.MaxWindow);
        var expand = SharedOptions.Flag("--expand", "search with pseudo-relevance feedback, as `search query --any --expand`");
        var perQuery = SharedOptions.Flag("--per-query", "one row per query");
        var json = SharedOptions.Json("the whole report as JSON");
        var command = new Command("eval", Description) { collection, queries, qrels, index, run, depth, expand, perQuery, json };
        command.Validators.Add(r =>
        {
            if (r.GetValue(run) != null && (r.GetValue(index) != null || r.GetValue(expand)))
                r.AddError("--run scores a stored run; it cannot be combined with --index or --expand");
        });
        command.SetAction(r => Run(o, r.GetValue(collection), r.GetValue(queries), r.GetValue(qrels), r.GetValue(run), r.GetValue(index),
            r.GetValue(depth), r.GetValue(expand), r.GetValue(perQuery), r.GetValue(json)));
        return command;
    }

    private static int Run(Output o, string? collection, string? queriesPath, string? qrelsPath, string? runPath, string? index,
        int depth, bool expand, bool perQuery, bool json)
    {
        if (collection != null && !Directory.Exists(collection))
            throw new SearchException($"{collection}: no such folder (a collection folder holds queries.tsv and qrels.txt)");
        queriesPath ??= collection == null ? null : Path.Combine(collection, "queries.tsv");
        qrelsPath ??= (collection == null ? null : Path.Combine(collection, "qrels.txt"))
            ?? throw new UsageException("eval needs --qrels FILE (TREC: qid 0 docid relevance) or a collection folder");
        if (queriesPath == null && runPath == null)
            throw new UsageException("eval needs --queries FILE (TSV: id<TAB>query), a collection folder, or --run FILE");

        var queries = queriesPath == null ? null : Load(queriesPath, p => QueriesFile.Load(p, w => o.Error($"warning: {w}")));
        var qrels = Load(qrelsPath, QrelsFile.Load);
        // Means over no query would print as 0.0000, which reads as the worst ranking, not as no measurement.
        if (qrels.QueryIds.Count == 0)
            throw new SearchException($"{qrelsPath} holds no judgements (TREC qrels: `qid 0 docid grade` a line): there is nothing to measure");
        EvaluationReport report;
        string source;
        if (runPath != null)
        {
            var run = Load(runPath, RunFile.Load);
            report = RunFile.Evaluate(run, qrels, queries, depth);
            source = $"run {runPath}";
        }
        else
        {
            using var searcher = ArticleSearcher.Open(IndexLocation.Resolve(index));
            report = EvaluationSearch.Evaluate(searcher, queries!, qrels, depth, expand);
            source = $"index {searcher.IndexPath}";
        }
        if (json)
            o.Out.WriteLine(JsonSerializer.Serialize(report, Indented));
        else
            Print(o, report, source, perQuery);
        return 0;
    }

    /// <summary>Reads one input file; a format error or an unreadable file is one line naming it.</summary>
    private static T Load<T>(string path, Func<string, T> load)
    {
        // .NET says a folder opened as a file is "access denied", which sends users after permissions.
        if (Directory.Exists(path))
            throw new SearchException($"cannot read {path}: it is a folder, not a file");
        try
        {
            return load(path);
        }
        catch (EvaluationFormatException e)
        {
            throw new SearchException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SearchException($"cannot read {path}: {e.Message}");
        }
    }

    private static void Print(Output o, EvaluationReport r, string source, bool perQuery)
    {
        var w = o.Out;
        w.WriteLine($"{r.QueriesAveraged} judged queries, depth {r.Depth}, {source}");
        w.WriteLine($"{"",-10} {"nDCG@10",8} {"MAP",8} {"P@10",8} {"R@100",8} {"MRR",8}");
        if (perQuery)
            foreach (var q in r.Queries)
                Row(w, q.QueryId + (q.Missing ? "*" : ""), q.Metrics);
        Row(w, o.Bold("mean"), r.Mean);
        if (r.Queries.Any(q => q.Missing))
            w.WriteLine($"not run (scored 0): {string.Join(", ", r.MissingQueryIds)}");
        if (r.UnjudgedQueryIds.Count > 0)
            w.WriteLine($"not evaluated (no judgements): {string.Join(", ", r.UnjudgedQueryIds)}");
    }

    private static void Row(TextWriter w, string name, MetricValues m) =>
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-10} {m.Ndcg10,8:0.0000} {m.Map,8:0.0000} {m.P10,8:0.0000} {m.Recall100,8:0.0000} {m.Mrr,8:0.0000}"));
}
