using Search.Core.Indexing;
using Xunit;

namespace Search.Web.Tests.Support;

/// <summary>
/// An index of the project's seeds/ plus three articles written for these tests: one whose title
/// and body are HTML (it must show as text), and one story printed by two outlets (copies).
/// Built once per test class that shares it.
/// </summary>
public sealed class WebCorpus : IDisposable
{
    public const string HostileId = "hostile-1";
    public const string HostileTitle = "<img src=x onerror=alert(1)>";
    public const string CopyA = "copy-a";
    public const string CopyB = "copy-b";

    private readonly TempDir _dir = new();

    public WebCorpus()
    {
        foreach (string f in Directory.GetFiles(RepoPaths.Seeds))
            File.Copy(f, Path.Combine(Corpus, Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(Corpus, "extra.jsonl"), string.Join("\n", ExtraArticles()) + "\n");
        IndexBuilder.Build(new BuildOptions { Roots = new[] { Corpus }, IndexPath = IndexPath });
    }

    public string Corpus => Directory.CreateDirectory(Path.Combine(_dir.Path, "corpus")).FullName;
    public string IndexPath => Path.Combine(_dir.Path, "index");
    public TempDir Temp => _dir;

    public static IEnumerable<string> ExtraArticles()
    {
        // Markup-like text that stays in the index as written (a closing </b> would make the body
        // markup, read as text at ingest: MarkupInFields), so the page must show it as characters.
        yield return Json(HostileId, HostileTitle, "<script>alert(2)</script> A zeppelin flew over the harbour of <b>Hamburg; the zeppelin landed safely.", "<i>press</i>", "2019-06-01");
        string story = string.Join(" ", Enumerable.Range(0, 12).Select(i =>
            $"Harbour pilots in Valparaiso counted {i + 3} cargo ships waiting offshore on day {i + 1} as dockworkers continued their strike over pensions and night shifts."));
        yield return Json(CopyA, "Valparaiso dock strike strands cargo ships", story, "alpha.example", "2020-05-02");
        yield return Json(CopyB, "Valparaiso dock strike strands cargo ships", story, "beta.example", "2020-05-03");
    }

    private static string Json(string id, string title, string body, string source, string date) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id, ["title"] = title, ["body"] = body, ["source"] = source, ["published"] = date });

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition(Name)]
public sealed class WebCorpusCollection : ICollectionFixture<WebCorpus>
{
    public const string Name = "web corpus";
}
