using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Duplicates.CopyCorpus;

namespace Search.Core.Tests.Duplicates;

/// <summary>Clusters made at index time, kept right across incremental builds, on real seed
/// articles and edited copies of them.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class DuplicateClusteringTests(SeedIndex seeds)
{
    private static void Build(string root, string index) =>
        IndexBuilder.Build(new BuildOptions { Roots = new[] { root }, IndexPath = index });

    private static List<HashSet<string>> Clusters(string index)
    {
        using var searcher = ArticleSearcher.Open(index);
        return searcher.Duplicates().Select(c => c.Members.Select(m => m.Id).ToHashSet()).ToList();
    }

    private static string? KeyOf(string index, string id)
    {
        using var searcher = ArticleSearcher.Open(index);
        return searcher.Search(new SearchRequest { Query = $"id:\"{id}\"", Collapse = false }).Hits.Single().Cluster;
    }

    [Fact]
    public void No_two_seed_articles_are_clustered()
    {
        // 296 real articles, many on the same few topics: none is a copy of another.
        Assert.Empty(seeds.Searcher.Duplicates());
        var all = seeds.Searcher.Search(new SearchRequest { Query = "*", Limit = 0 });
        Assert.Equal(296, all.Total);
        Assert.False(all.Collapsed);
    }

    [Fact]
    public void A_copy_added_later_joins_the_cluster_and_keeps_its_key()
    {
        var (a, b) = (Longest(seeds, 2)[0], Longest(seeds, 2)[1]);
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "news"), index = Path.Combine(dir.Path, "index");
        Write(Path.Combine(root, "first.jsonl"), new Row("a", a.Body), new Row("a-trimmed", Head(a.Body, 0.7)), new Row("b", b.Body));
        Build(root, index);
        Assert.Equal(new[] { new HashSet<string> { "a", "a-trimmed" } }, Clusters(index));
        string? key = KeyOf(index, "a");
        Assert.NotNull(key);

        Write(Path.Combine(root, "second.jsonl"), new Row("a-dateline", WithDateline(a.Body)));
        Build(root, index);
        Assert.Equal(new[] { new HashSet<string> { "a", "a-trimmed", "a-dateline" } }, Clusters(index));
        Assert.Equal(key, KeyOf(index, "a-dateline"));
        Assert.NotEqual(key, KeyOf(index, "b"));
    }

    [Fact]
    public void Articles_of_two_languages_are_never_one_cluster()
    {
        // The same text declared English in one file and German in another (a source's language
        // field wins over detection): the band keys make them candidates, the rule turns them down.
        var a = Longest(seeds, 1)[0];
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "news"), index = Path.Combine(dir.Path, "index");
        System.IO.Directory.CreateDirectory(root);
        string Line(string id, string language) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["id"] = id, ["title"] = "Title", ["body"] = a.Body, ["language"] = language,
        });
        File.WriteAllLines(Path.Combine(root, "news.jsonl"), [Line("en-1", "en"), Line("en-2", "en"), Line("de-1", "de")]);
        Build(root, index);
        Assert.Equal(new[] { new HashSet<string> { "en-1", "en-2" } }, Clusters(index));
        Assert.NotEqual(KeyOf(index, "en-1"), KeyOf(index, "de-1"));
    }

    [Fact]
    public void Deleting_the_article_that_linked_two_parts_splits_the_cluster()
    {
        // The head and the tail of one article each copy it, but share only a fifth of its words.
        var a = Longest(seeds, 1)[0];
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "news"), index = Path.Combine(dir.Path, "index");
        Write(Path.Combine(root, "whole.jsonl"), new Row("whole", a.Body));
        Write(Path.Combine(root, "parts.jsonl"), new Row("head", Head(a.Body, 0.6)), new Row("tail", Tail(a.Body, 0.6)));
        Build(root, index);
        Assert.Equal(new[] { new HashSet<string> { "whole", "head", "tail" } }, Clusters(index));

        File.Delete(Path.Combine(root, "whole.jsonl"));
        Build(root, index);
        Assert.Empty(Clusters(index));
        Assert.NotEqual(KeyOf(index, "head"), KeyOf(index, "tail"));
    }

    [Fact]
    public void A_changed_article_leaves_its_cluster()
    {
        var longest = Longest(seeds, 2);
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "news"), index = Path.Combine(dir.Path, "index");
        Write(Path.Combine(root, "a.jsonl"), new Row("a", longest[0].Body));
        Write(Path.Combine(root, "copy.jsonl"), new Row("copy", WithDateline(longest[0].Body)));
        Build(root, index);
        Assert.Single(Clusters(index));

        Write(Path.Combine(root, "copy.jsonl"), new Row("copy", longest[1].Body));
        Build(root, index);
        Assert.Empty(Clusters(index));
    }

    [Fact]
    public void An_article_that_joins_no_cluster_costs_no_key_write()
    {
        // 30 real articles, none a copy of another: the pass looks at all 30 and writes nothing.
        var longest = Longest(seeds, 30);
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "news"), index = Path.Combine(dir.Path, "index");
        Write(Path.Combine(root, "first.jsonl"), longest.Select((a, i) => new Row($"a{i}", a.Body)).ToArray());
        var first = BuildReporting(root, index);
        Assert.Equal((30, 0, 0), (first.Looked, first.Joined, first.KeysWritten));
        Assert.Empty(Clusters(index));
        string? alone = KeyOf(index, "a5");
        Assert.NotNull(alone); // a story of its own still shows its own key

        // The next build looks only at its own article; a copy of an earlier one writes two keys,
        // the copy's and the earlier article's, which keeps the key it showed.
        Write(Path.Combine(root, "second.jsonl"), new Row("a5-dateline", WithDateline(longest[5].Body)));
        var second = BuildReporting(root, index);
        Assert.Equal((1, 1, 2), (second.Looked, second.Joined, second.KeysWritten));
        Assert.Equal(new[] { new HashSet<string> { "a5", "a5-dateline" } }, Clusters(index));
        Assert.Equal(alone, KeyOf(index, "a5-dateline"));

        // Nothing new: nothing looked at, nothing written.
        var third = BuildReporting(root, index);
        Assert.Equal((0, 0), (third.Looked, third.KeysWritten));
        Assert.Single(Clusters(index));
    }

    [Fact]
    public void Articles_a_killed_build_left_unclustered_are_clustered_by_the_next()
    {
        // The first build fails right after its first checkpoint (the hook throws, as a kill would
        // stop it): that commit holds articles no pass has looked at. The next build reads the
        // unfinished file again, adds only what is missing, and clusters the old articles with it.
        var a = Longest(seeds, 2);
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "news"), index = Path.Combine(dir.Path, "index");
        Write(Path.Combine(root, "first.jsonl"), new Row("a", a[0].Body), new Row("a-trimmed", Head(a[0].Body, 0.7)), new Row("b", a[1].Body));
        Assert.ThrowsAny<SearchException>(() => IndexBuilder.Build(new BuildOptions
        {
            Roots = new[] { root }, IndexPath = index, CommitTextMB = 0.000_001,
            AfterCheckpoint = () => throw new IOException("killed"),
        }));
        using (var files = FSDirectory.Open(index))
        using (var checkpoint = DirectoryReader.Open(files))
            Assert.InRange(checkpoint.NumDocs, 1, 3);

        var next = BuildReporting(root, index);
        Assert.Equal(3, next.Looked);
        Assert.Equal(new[] { new HashSet<string> { "a", "a-trimmed" } }, Clusters(index));
    }

    private static Search.Core.Indexing.Writing.DuplicateClusterer.Report BuildReporting(string root, string index)
    {
        Search.Core.Indexing.Writing.DuplicateClusterer.Report? report = null;
        IndexBuilder.Build(new BuildOptions { Roots = new[] { root }, IndexPath = index, AfterClustering = r => report = r });
        return report!;
    }

    [Fact]
    public void Clusters_found_in_many_small_passes_are_the_ones_found_in_one()
    {
        // Limits small enough that 40 articles take a pass per band and keep one fingerprint: the
        // paths a million-article index takes, on copies of real seed articles, first build and next.
        var tiny = new Search.Core.Indexing.Writing.ClusteringLimits { MaxEntries = 40, MaxKeptPrints = 1 };
        var longest = Longest(seeds, 30);
        var clusters = new List<List<HashSet<string>>>();
        foreach (var limits in new[] { Search.Core.Indexing.Writing.ClusteringLimits.Default, tiny })
        {
            using var dir = new TempDir();
            string root = Path.Combine(dir.Path, "news"), index = Path.Combine(dir.Path, "index");
            Write(Path.Combine(root, "first.jsonl"), longest.Select((a, i) => new Row($"a{i}", a.Body))
                .Concat(longest.Take(3).Select((a, i) => new Row($"a{i}-trimmed", Head(a.Body, 0.7)))).ToArray());
            IndexBuilder.Build(new BuildOptions { Roots = new[] { root }, IndexPath = index, Clustering = limits });
            Write(Path.Combine(root, "second.jsonl"), longest.Skip(2).Take(3).Select((a, i) => new Row($"a{i + 2}-dateline", WithDateline(a.Body))).ToArray());
            IndexBuilder.Build(new BuildOptions { Roots = new[] { root }, IndexPath = index, Clustering = limits });
            clusters.Add(Clusters(index).OrderBy(c => c.Min()).ToList());
        }
        Assert.Equal(5, clusters[0].Count);
        Assert.Equal(clusters[0], clusters[1]);
    }
}
