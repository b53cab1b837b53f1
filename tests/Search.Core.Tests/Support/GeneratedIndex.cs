using System.Text;
using System.Text.Json;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Support;

/// <summary>
/// An index of <c>n</c> generated articles (one JSONL file): ids <c>a0</c>…, titles and bodies
/// drawn from a small vocabulary by a seeded random generator (so every word matches many
/// articles), dates spread over 2000–2019, five sources. Made for tests that need more articles
/// than seeds/ has (deep paging, counts at scale).
/// </summary>
public sealed class GeneratedIndex : IDisposable
{
    private static readonly string[] Words =
    {
        "market", "oil", "government", "election", "minister", "prices", "storm", "football", "court", "bank",
        "energy", "school", "hospital", "police", "river", "festival", "budget", "strike", "airport", "harvest",
    };

    private readonly TempDir _dir = new();

    public GeneratedIndex(int articles)
    {
        Articles = articles;
        string corpus = System.IO.Path.Combine(_dir.Path, "corpus");
        Directory.CreateDirectory(corpus);
        var random = new Random(20);
        using (var w = new StreamWriter(System.IO.Path.Combine(corpus, "news.jsonl"), false, new UTF8Encoding(false)))
            for (int i = 0; i < articles; i++)
                w.WriteLine(JsonSerializer.Serialize(new
                {
                    id = "a" + i,
                    title = Sentence(random, 5) + " " + i,
                    body = string.Join(". ", Enumerable.Range(0, 6).Select(_ => Sentence(random, 12))) + $". Article number {i}.",
                    published = new DateTime(2000, 1, 1).AddDays(random.Next(20 * 365)).ToString("yyyy-MM-dd"),
                    source = $"source{random.Next(5)}.example.com",
                }));
        IndexBuilder.Build(new BuildOptions { Roots = new[] { corpus }, IndexPath = IndexPath });
        Searcher = ArticleSearcher.Open(IndexPath);
    }

    public int Articles { get; }
    public string IndexPath => System.IO.Path.Combine(_dir.Path, "index");
    public ArticleSearcher Searcher { get; }

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));

    public void Dispose()
    {
        Searcher.Dispose();
        _dir.Dispose();
    }
}
