using System.Globalization;
using System.Text.Json;
using Xunit;

namespace Search.Cli.Tests.Commands;

/// <summary>`search eval` end to end on ADI, a collection in the common format (docs.jsonl,
/// queries.tsv, qrels.txt): indexed with `search index`, measured with `search eval`, and a run file
/// of another engine scored with `--run`.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly TempDir _tmp = new();
    private string Dir => _tmp.Path;

    public void Dispose() => _tmp.Dispose();

    private static SearchCli.Run Run(params string[] args) => SearchCli.InProcess(args);

    private static string[] Mean(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Single(l => l.StartsWith("mean", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private string IndexAdi()
    {
        string adi = SharedCorpus.Path("corpora", "relevance", "adi"), index = Path.Combine(Dir, "index");
        var built = Run("index", Path.Combine(adi, "docs.jsonl"), "--index", index, "--quiet");
        Assert.True(built.Code == 0, built.Err);
        return index;
    }

    [SharedFact]
    public void Evaluates_a_collection_folder_and_prints_the_table()
    {
        string adi = SharedCorpus.Path("corpora", "relevance", "adi"), index = IndexAdi();
        var (code, output, error) = Run("eval", adi, "--index", index);
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("35 judged queries, depth 100, index ", lines[0]);
        Assert.Equal(["nDCG@10", "MAP", "P@10", "R@100", "MRR"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var mean = Mean(output);
        Assert.Equal(6, mean.Length);
        // ADI's 82 abstracts answer its 35 questions far better than chance (a random ranking of 82
        // documents with ~5 relevant each has nDCG@10 near 0.1).
        Assert.InRange(double.Parse(mean[1], CultureInfo.InvariantCulture), 0.3, 1.0);

        // The same measured from explicit files, as JSON.
        var json = Run("eval", "--queries", Path.Combine(adi, "queries.tsv"), "--qrels", Path.Combine(adi, "qrels.txt"), "--index", index, "--json");
        Assert.Equal(0, json.Code);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal(35, doc.RootElement.GetProperty("queries_averaged").GetInt32());
        Assert.Equal(double.Parse(mean[1], CultureInfo.InvariantCulture), doc.RootElement.GetProperty("mean").GetProperty("ndcg_10").GetDouble(), 4);
    }

    [SharedFact]
    public void Scores_a_trec_run_file_exactly_as_the_same_search_scores()
    {
        string adi = SharedCorpus.Path("corpora", "relevance", "adi"), index = IndexAdi();
        // Our own results written as a run file must score what `search eval` reports for them.
        string runPath = Path.Combine(Dir, "ours.run");
        using (var w = new StreamWriter(runPath))
            foreach (string line in File.ReadLines(Path.Combine(adi, "queries.tsv")))
            {
                var (id, text) = (line[..line.IndexOf('\t')], line[(line.IndexOf('\t') + 1)..]);
                var hits = Run("query", text, "--any", "--limit", "100", "--index", index, "--json");
                Assert.Equal(0, hits.Code);
                using var result = JsonDocument.Parse(hits.Out);
                int rank = 0;
                foreach (var hit in result.RootElement.GetProperty("hits").EnumerateArray())
                    w.Write(string.Create(CultureInfo.InvariantCulture, $"{id} Q0 {hit.GetProperty("id").GetString()} {++rank} {hit.GetProperty("score").GetDouble():R} mine\n"));
            }
        var searched = Run("eval", adi, "--index", index);
        var scored = Run("eval", "--run", runPath, "--qrels", Path.Combine(adi, "qrels.txt"));
        Assert.True(scored.Code == 0, scored.Err);
        Assert.Contains("run " + runPath, scored.Out);
        Assert.Equal(Mean(searched.Out)[1..], Mean(scored.Out)[1..]);

        // A judged query the run lacks scores 0 and is named.
        File.WriteAllLines(runPath, File.ReadLines(runPath).Where(l => !l.StartsWith("1 ", StringComparison.Ordinal)).ToList());
        var partial = Run("eval", "--run", runPath, "--qrels", Path.Combine(adi, "qrels.txt"));
        Assert.Contains("not run (scored 0): 1", partial.Out);
        Assert.True(double.Parse(Mean(partial.Out)[1], CultureInfo.InvariantCulture) < double.Parse(Mean(scored.Out)[1], CultureInfo.InvariantCulture));
    }

    [SharedFact]
    public void A_query_without_text_is_skipped_with_a_warning()
    {
        string adi = SharedCorpus.Path("corpora", "relevance", "adi"), index = IndexAdi();
        string queries = Path.Combine(Dir, "queries.tsv");
        File.WriteAllLines(queries, File.ReadLines(Path.Combine(adi, "queries.tsv")).Select(l => l.StartsWith("2\t", StringComparison.Ordinal) ? "2\t " : l));
        var (code, output, error) = Run("eval", "--queries", queries, "--qrels", Path.Combine(adi, "qrels.txt"), "--index", index);
        Assert.Equal(0, code);
        Assert.Contains("warning: queries.tsv:2: query 2 has no text; skipped", error);
        Assert.Contains("not run (scored 0): 2", output);
    }

    [Fact]
    public void Bad_run_files_and_missing_inputs_are_one_line_errors()
    {
        Directory.CreateDirectory(Dir);
        string qrels = Path.Combine(Dir, "qrels.txt"), run = Path.Combine(Dir, "bad.run");
        File.WriteAllText(qrels, "1 0 d1 1\n");
        File.WriteAllText(run, "1 Q0 d1 1 2.5 tag\n1 Q0 d2 2 high tag\n");
        var bad = Run("eval", "--run", run, "--qrels", qrels);
        Assert.Equal(1, bad.Code);
        Assert.Equal("search: bad.run:2: score 'high' is not a number", bad.Err.Trim());

        var missing = Run("eval", "--run", Path.Combine(Dir, "none.run"), "--qrels", qrels);
        Assert.Equal(1, missing.Code);
        Assert.StartsWith("search: cannot read " + Path.Combine(Dir, "none.run"), missing.Err.Trim());
        Assert.Single(missing.Err.Trim().Split('\n'));

        Assert.Equal(2, Run("eval", "--run", run, "--qrels", qrels, "--index", Dir).Code);
        Assert.Equal(2, Run("eval", "--qrels", qrels).Code);
    }

    /// <summary>A folder given for a file said "Access to the path … is denied"; an empty qrels file
    /// printed a table of 0.0000 means over "0 judged queries" and exited 0, a measurement of nothing
    /// that reads as the worst ranking.</summary>
    [Fact]
    public void A_folder_for_a_file_and_a_qrels_file_without_judgements_are_one_line_errors()
    {
        Directory.CreateDirectory(Dir);
        string queries = Path.Combine(Dir, "queries.tsv"), qrels = Path.Combine(Dir, "qrels.txt"), empty = Path.Combine(Dir, "empty.txt");
        File.WriteAllText(queries, "1\tharbour\n");
        File.WriteAllText(qrels, "1 0 d1 1\n");
        File.WriteAllText(empty, "\n");
        string nowhere = Path.Combine(Dir, "no-index");

        var folder = Run("eval", "--queries", Dir, "--qrels", qrels, "--index", nowhere);
        Assert.Equal(1, folder.Code);
        Assert.Equal($"search: cannot read {Dir}: it is a folder, not a file", folder.Err.Trim());

        var nothing = Run("eval", "--queries", queries, "--qrels", empty, "--index", nowhere);
        Assert.Equal(1, nothing.Code);
        Assert.Equal($"search: {empty} holds no judgements (TREC qrels: `qid 0 docid grade` a line): there is nothing to measure", nothing.Err.Trim());
        Assert.Equal("", nothing.Out);
    }

    [Fact]
    public void Eval_and_query_explain_themselves_with_help()
    {
        var eval = Run("eval", "--help");
        Assert.Equal(0, eval.Code);
        Assert.Contains("--run FILE", eval.Out);
        Assert.Contains("--qrels FILE", eval.Out);
        var query = Run("query", "--help");
        Assert.Equal(0, query.Code);
        Assert.Contains("--any", query.Out);
        Assert.Contains("--expand", query.Out);
        Assert.Equal("", query.Err);
    }
}
