using Search.Core.Duplicates;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Duplicates;

/// <summary>BBC's real duplicates, clustered by the index build: 138 pairs identical once
/// whitespace is normalised, and near copies with other headlines.</summary>
public sealed class BbcDuplicatesTests
{
    /// <summary>Builds a BBC index (about 10 s): a long test.</summary>
    [LongSharedFact]
    public void Identical_articles_share_a_cluster_and_sections_mix_only_for_near_copies()
    {
        string bbc = SharedCorpus.Path("corpora", "bbc");
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        IndexBuilder.Build(new BuildOptions { Roots = new[] { bbc }, IndexPath = index });
        using var searcher = ArticleSearcher.Open(index);
        var clusterOf = new Dictionary<string, string>();
        foreach (var c in searcher.Duplicates())
            foreach (var m in c.Members)
                clusterOf[m.Id] = c.Key;

        var texts = Directory.EnumerateFiles(bbc, "*.txt", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(bbc, f), f => string.Join(' ', File.ReadAllText(f, System.Text.Encoding.Latin1).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        var identical = texts.GroupBy(kv => kv.Value).Where(g => g.Count() > 1).ToList();
        Assert.True(identical.Count >= 100, $"{identical.Count} groups of identical articles");
        foreach (var group in identical)
        {
            var keys = group.Select(kv => clusterOf.GetValueOrDefault(kv.Key)).Distinct().ToList();
            Assert.True(keys.Count == 1 && keys[0] != null, $"not one cluster: {string.Join(", ", group.Select(kv => kv.Key))}");
        }

        // Across sections, only near copies: most of the shorter one's words in the longer, by a
        // measure independent of the shingles (distinct words).
        foreach (var c in searcher.Duplicates())
        {
            var ids = c.Members.Select(m => m.Id).ToList();
            foreach (string x in ids)
                foreach (string y in ids)
                {
                    if (string.CompareOrdinal(x, y) >= 0 || x.Split('/')[0] == y.Split('/')[0])
                        continue;
                    var wx = TextShingles.Words(texts[x]).ToHashSet();
                    var wy = TextShingles.Words(texts[y]).ToHashSet();
                    double containment = (double)wx.Intersect(wy).Count() / Math.Min(wx.Count, wy.Count);
                    Assert.True(containment >= 0.8, $"{x} and {y} share a cluster with {containment:0.00} of their words in common");
                }
        }
    }
}
