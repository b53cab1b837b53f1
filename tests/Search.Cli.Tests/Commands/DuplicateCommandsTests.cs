using System.Text.Json;
using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Commands;

/// <summary>Collapsed results, `search duplicates`, `search related` and the console's :collapse
/// and :related, on the seed articles plus a wire copy of the Moscow Times one.</summary>
public sealed class DuplicateCommandsTests(CopyIndexFixture f) : IClassFixture<CopyIndexFixture>
{
    private const string Seed = CopyIndexFixture.Seed;
    private readonly string _index = f.Index;

    [Fact]
    public void Query_collapses_the_copy_and_names_it()
    {
        var text = SearchCli.InProcess("query", "kazakh", "fsb", "--index", _index);
        Assert.Equal(0, text.Code);
        Assert.Contains("1 story (2 articles) for \"kazakh fsb\"", text.Out);
        Assert.Contains("+1 copy", text.Out);
        Assert.Contains("(facet counts are stories", text.Out + SearchCli.InProcess("query", "kazakh", "--facet", "place", "--index", _index).Out);

        using var json = JsonDocument.Parse(SearchCli.InProcess("query", "kazakh", "fsb", "--index", _index, "--json").Out);
        var root = json.RootElement;
        Assert.True(root.GetProperty("collapsed").GetBoolean());
        Assert.Equal(1, root.GetProperty("total").GetInt32());
        Assert.Equal(2, root.GetProperty("articles").GetInt32());
        var hit = root.GetProperty("hits")[0];
        Assert.Equal(2, hit.GetProperty("copies").GetInt32());
        Assert.Matches("^[0-9a-f]{16}$", hit.GetProperty("cluster").GetString());

        using var all = JsonDocument.Parse(SearchCli.InProcess("query", "kazakh", "fsb", "--no-collapse", "--index", _index, "--json").Out);
        Assert.Equal(2, all.RootElement.GetProperty("total").GetInt32());
        var clusters = all.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("cluster").GetString()).Distinct();
        Assert.Single(clusters);
    }

    [Fact]
    public void Duplicates_lists_the_cluster_with_its_members()
    {
        var text = SearchCli.InProcess("duplicates", "--index", _index);
        Assert.Equal(0, text.Code);
        Assert.Contains("1 story printed more than once (2 articles)", text.Out);
        using var json = JsonDocument.Parse(SearchCli.InProcess("duplicates", "--index", _index, "--json").Out);
        Assert.Equal(1, json.RootElement.GetProperty("clusters").GetInt32());
        var members = json.RootElement.GetProperty("stories")[0].GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetString()).Order();
        Assert.Equal(new[] { Seed, "wire-copy.txt" }, members);
        Assert.Equal(2, SearchCli.InProcess("duplicates", "extra", "--index", _index).Code);
    }

    [Fact]
    public void Related_leaves_out_the_copy_and_reports_bad_ids()
    {
        var run = SearchCli.InProcess("related", Seed, "--index", _index, "--json", "--limit", "5");
        Assert.Equal(0, run.Code);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(1, json.RootElement.GetProperty("seed_copies").GetInt32());
        var ids = json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()).ToList();
        Assert.Equal(5, ids.Count);
        Assert.DoesNotContain("wire-copy.txt", ids);
        Assert.DoesNotContain(Seed, ids);

        var missing = SearchCli.InProcess("related", "no-such-id", "--index", _index);
        Assert.Equal(1, missing.Code);
        Assert.Equal("search: no article with id 'no-such-id'", missing.Err.Trim());
        Assert.Equal(2, SearchCli.InProcess("related", "--index", _index).Code);
    }

    [Fact]
    public void Console_collapse_and_related()
    {
        string script = string.Join('\n', "kazakh fsb", ":collapse off", ":collapse maybe", ":related 1", ":related no-such-id", ":quit");
        var run = SearchCli.WithInput(script + "\n", "console", "--index", _index);
        Assert.Equal(0, run.Code);
        Assert.Contains("1 story (2 articles) for \"kazakh fsb\"", run.Out);
        Assert.Contains("2 results for \"kazakh fsb\"", run.Out);
        Assert.Contains(":collapse takes on or off", run.Err);
        Assert.Contains("Related to ", run.Out);
        Assert.Contains("no article with id 'no-such-id'", run.Err);
    }
}

/// <summary>The seed articles plus a wire copy of the Moscow Times one, indexed once for the class.</summary>
public sealed class CopyIndexFixture : IDisposable
{
    public const string Seed = "000_9ea3fcf4dd3ee866.txt";
    private readonly TempDir _tmp = new();
    private string Dir => _tmp.Path;

    public CopyIndexFixture()
    {
        string root = Path.Combine(Dir, "news");
        Directory.CreateDirectory(root);
        foreach (string f in Directory.EnumerateFiles(RepoPaths.Seeds))
            File.Copy(f, Path.Combine(root, Path.GetFileName(f)));
        // The same story as another outlet printed it: a new headline, a dateline, a credit line.
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Seeds, Seed)).Skip(2)
            .Where(l => !l.StartsWith("http", StringComparison.Ordinal) && !l.StartsWith("Related article", StringComparison.Ordinal)).ToList();
        lines[0] = "MOSCOW, Feb 14 (Wire) - " + lines[0].Trim();
        File.WriteAllLines(Path.Combine(root, "wire-copy.txt"),
            new[] { "Two Kazakhs killed in anti-terror raid, FSB says", "" }.Concat(lines).Append("").Append("(Reporting by the wire desk)"));
        Index = Path.Combine(Dir, "index");
        Assert.Equal(0, SearchCli.InProcess("index", root, "--index", Index).Code);
    }

    public string Index { get; }

    public void Dispose() => _tmp.Dispose();
}
