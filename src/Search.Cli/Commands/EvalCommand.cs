using System.Globalization;
using System.Text.Json;
using Search.Cli.Rendering;
using Search.Core;
using Search.Core.Evaluation;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>
/// `search eval --queries FILE --qrels FILE`: runs every judged query through the same search as
/// `search query --any` (keywords, any may match, BM25 ranking) and reports trec_eval's measures.
/// </summary>
public static class EvalCommand
{
    public static int Run(string[] argv, Output o)
    {
        var args = Args.Parse(argv, new[] { "index", "queries", "qrels", "depth" }, new[] { "json", "per-query" });
        string queriesPath = args.Value("queries") ?? throw new UsageException("eval needs --queries FILE (TSV: id<TAB>query)");
        string qrelsPath = args.Value("qrels") ?? throw new UsageException("eval needs --qrels FILE (TREC: qid 0 docid relevance)");
        int depth = args.Int("depth", 100, 1, ArticleSearcher.MaxWindow);
        IReadOnlyList<EvaluationQuery> queries;
        Qrels qrels;
        try
        {
            queries = QueriesFile.Load(queriesPath);
            qrels = QrelsFile.Load(qrelsPath);
        }
        catch (EvaluationFormatException e)
        {
            throw new SearchException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SearchException($"cannot read {(e.Message.Contains(queriesPath, StringComparison.Ordinal) ? queriesPath : qrelsPath)}: {e.Message}");
        }
        using var searcher = ArticleSearcher.Open(IndexLocation.Resolve(args));
        var report = EvaluationSearch.Evaluate(searcher, queries, qrels, depth);
        if (args.Has("json"))
            o.Out.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        else
            Print(o, report, searcher.IndexPath, args.Has("per-query"));
        return 0;
    }

    private static void Print(Output o, EvaluationReport r, string index, bool perQuery)
    {
        var w = o.Out;
        w.WriteLine($"{r.QueriesAveraged} judged queries, depth {r.Depth}, index {index}");
        w.WriteLine($"{"",-10} {"nDCG@10",8} {"MAP",8} {"P@10",8} {"R@100",8} {"MRR",8}");
        if (perQuery)
            foreach (var q in r.Queries)
                Row(w, q.QueryId + (q.Missing ? "*" : ""), q.Metrics);
        Row(w, o.Bold("mean"), r.Mean);
        if (r.Queries.Any(q => q.Missing))
            w.WriteLine($"missing from the queries file (scored 0): {string.Join(", ", r.MissingQueryIds)}");
        if (r.UnjudgedQueryIds.Count > 0)
            w.WriteLine($"not evaluated (no judgements): {string.Join(", ", r.UnjudgedQueryIds)}");
    }

    private static void Row(TextWriter w, string name, MetricValues m) =>
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-10} {m.Ndcg10,8:0.0000} {m.Map,8:0.0000} {m.P10,8:0.0000} {m.Recall100,8:0.0000} {m.Mrr,8:0.0000}"));
}
