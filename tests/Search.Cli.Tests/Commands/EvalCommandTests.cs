using System.Text.Json;
using Search.Cli.Rendering;
using Search.Core.Evaluation.Collections;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Commands;

/// <summary>`search eval` end to end on the TIME collection: the files a user gets from
/// `relevance-data`, indexed with `search index`, measured with `search eval`.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "search-cli-test-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, new Output(TextReader.Null, stdout, stderr, false, false, false));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [SharedFact]
    public void Evaluates_the_time_collection_and_prints_the_table()
    {
        string data = Path.Combine(_dir, "time"), index = Path.Combine(_dir, "index");
        TestCollectionWriter.Write(TimeCollection.Load(SharedCorpus.Path("corpora", "relevance", "time")), data);
        var built = Run("index", Path.Combine(data, TestCollectionWriter.ArticlesFile), "--index", index, "--quiet");
        Assert.True(built.Code == 0, built.Err);

        string[] eval = { "eval", "--queries", Path.Combine(data, TestCollectionWriter.QueriesFileName),
            "--qrels", Path.Combine(data, TestCollectionWriter.QrelsFileName), "--index", index };
        var (code, output, error) = Run(eval);
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("79 judged queries, depth 100", lines[0]);
        Assert.Equal(["nDCG@10", "MAP", "P@10", "R@100", "MRR"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var mean = lines.Single(l => l.StartsWith("mean", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, mean.Length);
        Assert.All(mean[1..], v => Assert.InRange(double.Parse(v, System.Globalization.CultureInfo.InvariantCulture), 0.2, 1.0));
        // TIME.REL judges no document for queries 56, 59, 62 and has no line for 72.
        Assert.Contains("not evaluated (no judgements): 56, 59, 62, 72", output);

        var json = Run([.. eval, "--json"]);
        Assert.Equal(0, json.Code);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal(79, doc.RootElement.GetProperty("queries_averaged").GetInt32());
        Assert.Equal(double.Parse(mean[1], System.Globalization.CultureInfo.InvariantCulture),
            doc.RootElement.GetProperty("mean").GetProperty("ndcg_10").GetDouble(), 4);
    }
}
