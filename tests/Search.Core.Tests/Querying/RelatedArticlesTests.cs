using System.Text.Json;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>Related articles: among articles equally like the seed, the one written closest in time
/// and the one about the seed's place come first.</summary>
public class RelatedArticlesTests
{
    private const string Story =
        "The harbour authority said on Tuesday that dredging of the northern channel would resume after the winter storms, " +
        "allowing larger container ships to dock at the port again. Shipping companies welcomed the decision, which follows " +
        "months of talks between the authority, the city council and the dock workers' union about the cost of the dredging.";

    private static string Row(string id, string title, string body, string? published, string? place) =>
        JsonSerializer.Serialize(new Dictionary<string, object?> { ["id"] = id, ["title"] = title, ["body"] = body, ["published"] = published, ["places"] = place == null ? Array.Empty<string>() : new[] { place } });

    private static List<string> RelatedIds(params string[] rows)
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "news"), index = Path.Combine(dir.Path, "index");
        Directory.CreateDirectory(root);
        File.WriteAllLines(Path.Combine(root, "a.jsonl"), rows);
        IndexBuilder.Build(new BuildOptions { Roots = new[] { root }, IndexPath = index });
        using var searcher = ArticleSearcher.Open(index);
        return searcher.Related("seed").Hits.Select(h => h.Id).ToList();
    }

    // Each candidate repeats a different half of the story with other words around it, so none is a copy.
    private static string Half(int i, string filler) =>
        string.Join(' ', Story.Split(' ').Where((_, n) => n % 2 == i % 2)) + " " + filler;

    [Fact]
    public void AnArticleCloseInTimeComesBeforeAnEquallyLikeOneFromLongAgo()
    {
        // Fillers of equal length and no shared words, so neither candidate is a copy of the other.
        string fillerA = "Meanwhile the regional airport reported record passenger numbers for February, helped by new routes to Lisbon, Porto and Madrid that opened last autumn, and the airline plans more flights.";
        string fillerB = "Separately the university museum announced an exhibition of medieval manuscripts lent by a private collector, opening in May with guided tours, lectures and a catalogue in three languages.";
        var rows = new List<string>
        {
            Row("seed", "Dredging to resume at the harbour", Story + " " + Story, "2021-03-02", null),
            Row("old", "Harbour dredging", Half(0, fillerB), "2015-03-02", null),
            Row("recent", "Harbour dredging", Half(0, fillerA), "2021-03-04", null),
        };
        // MoreLikeThis picks terms found in at least five articles.
        for (int i = 0; i < 5; i++)
            rows.Add(Row($"other{i}", "Port news", Half(1, $"Item {i} of the weekly port bulletin, with tide tables and notices to mariners for the coming week number {i}."), "2010-01-01", null));
        var ids = RelatedIds(rows.ToArray());
        Assert.Contains("recent", ids);
        Assert.Contains("old", ids);
        Assert.True(ids.IndexOf("recent") < ids.IndexOf("old"), string.Join(", ", ids));
    }

    [Fact]
    public void AWordTheSeedSaysOnceAndOneOtherArticleSharesFindsThatArticle()
    {
        // A short wire story: its telling word ("Quillon") is said once in the body and is in one
        // other article. MoreLikeThis' defaults (a word twice in the seed, in five articles) would
        // pick nothing from it; the other articles share only everyday words with the seed.
        var rows = new List<string>
        {
            Row("seed", "Copper output falls", "Output at the Quillon copper mine fell after the company said on Monday that the strike went on.", "2021-03-02", null),
            Row("follow-up", "Smelter news", "The Quillon smelter reported lower deliveries this quarter.", "2021-03-09", null),
        };
        for (int i = 0; i < 8; i++)
            rows.Add(Row($"other{i}", $"Market report {i}", $"The company said on Monday the strike at plant number {i} ended and work at the site resumed.", "2021-03-02", null));
        var ids = RelatedIds(rows.ToArray());
        Assert.Equal("follow-up", ids.FirstOrDefault());
    }

    [Fact]
    public void DaysAreCountedFromIsoDatesOnly()
    {
        Assert.Equal(DateCloseness.Days("2021-03-04") - 2, DateCloseness.Days("2021-03-02"));
        Assert.Null(DateCloseness.Days("March 2021"));
        Assert.Null(DateCloseness.Days(null));
    }
}
