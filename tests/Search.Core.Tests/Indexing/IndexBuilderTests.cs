using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Indexing;

/// <summary>Builds, incremental updates and bad input, on real files.</summary>
public sealed class IndexBuilderTests
{
    private static BuildSummary Build(string root, string index, bool rebuild = false) =>
        IndexBuilder.Build(new BuildOptions { Roots = new[] { root }, IndexPath = index, Rebuild = rebuild });

    private static HashSet<string> AllIds(string index)
    {
        using var searcher = ArticleSearcher.Open(index);
        return searcher.Search(new SearchRequest { Query = "*", Limit = 10_000, Snippets = false }).Hits.Select(h => h.Id).ToHashSet();
    }

    [Fact]
    public void A_folder_and_a_folder_inside_it_index_each_article_once_and_rerun_unchanged()
    {
        using var dir = new TempDir();
        string corpus = Path.Combine(dir.Path, "corpus");
        string sub = Directory.CreateDirectory(Path.Combine(corpus, "2019")).FullName;
        File.Copy(Path.Combine(RepoPaths.Seeds, "000_9ea3fcf4dd3ee866.txt"), Path.Combine(sub, "kazakhs.txt"));
        string index = Path.Combine(dir.Path, "index");
        BuildSummary Run() => IndexBuilder.Build(new BuildOptions { Roots = new[] { sub, corpus }, IndexPath = index });

        var first = Run();
        Assert.Equal((1, 1, 1), (first.FilesScanned, first.ArticlesAdded, first.DocumentsInIndex));
        Assert.Empty(first.Collisions);
        Assert.Equal(["2019/kazakhs.txt"], AllIds(index));

        var second = Run();
        Assert.Equal((1, 1, 1), (second.FilesScanned, second.ArticlesUnchanged, second.DocumentsInIndex));
    }

    [Fact]
    public void Seeds_index_296_articles_then_all_unchanged()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        var first = Build(RepoPaths.Seeds, index);
        Assert.Equal(296, first.ArticlesAdded);
        Assert.Equal(296, first.DocumentsInIndex);
        Assert.Equal(4, first.FilesScanned);
        Assert.Equal(1, first.FilesIgnored); // NOTICE.md
        Assert.Empty(first.Skipped);

        var second = Build(RepoPaths.Seeds, index);
        Assert.Equal(296, second.ArticlesUnchanged);
        Assert.Equal(3, second.FilesUnchanged);
        Assert.Equal(0, second.ArticlesAdded + second.ArticlesUpdated + second.ArticlesRemoved);
        Assert.Equal(296, second.DocumentsInIndex);
        Assert.Equal(296, AllIds(index).Count);
    }

    [Fact]
    public void Incremental_add_change_delete()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "news");
        string index = Path.Combine(dir.Path, "index");
        Directory.CreateDirectory(root);
        File.Copy(RepoPaths.SeedArticle, Path.Combine(root, "seed.txt"));
        File.WriteAllText(Path.Combine(root, "a.jsonl"),
            "{\"id\":\"a1\",\"title\":\"Alpha one\",\"body\":\"First alpha story about harbours.\"}\n" +
            "{\"id\":\"a2\",\"title\":\"Alpha two\",\"body\":\"Second alpha story about bridges.\"}\n");
        var s1 = Build(root, index);
        Assert.Equal(3, s1.ArticlesAdded);
        Assert.Equal(new HashSet<string> { "seed.txt", "a1", "a2" }, AllIds(index));

        // Change one file (one record edited, one removed, one added), add a file, delete a file.
        File.WriteAllText(Path.Combine(root, "a.jsonl"),
            "{\"id\":\"a1\",\"title\":\"Alpha one\",\"body\":\"First alpha story about lighthouses.\"}\n" +
            "{\"id\":\"a3\",\"title\":\"Alpha three\",\"body\":\"Third alpha story.\"}\n");
        File.WriteAllText(Path.Combine(root, "b.txt"), "Beta title\n\nA beta story about canals.\n");
        File.Delete(Path.Combine(root, "seed.txt"));
        var s2 = Build(root, index);
        Assert.Equal(1, s2.ArticlesUpdated); // a1
        Assert.Equal(2, s2.ArticlesAdded);   // a3, b.txt
        Assert.Equal(2, s2.ArticlesRemoved); // a2, the seed
        Assert.Equal(new HashSet<string> { "a1", "a3", "b.txt" }, AllIds(index));

        using (var searcher = ArticleSearcher.Open(index))
        {
            Assert.Equal(1, searcher.Search(new SearchRequest { Query = "lighthouses" }).Total);
            Assert.Equal(0, searcher.Search(new SearchRequest { Query = "harbours" }).Total);
            Assert.Equal(0, searcher.Search(new SearchRequest { Query = "kazakh" }).Total);
        }

        var s3 = Build(root, index);
        Assert.Equal(3, s3.ArticlesUnchanged);
        var rebuilt = Build(root, index, rebuild: true);
        Assert.Equal(3, rebuilt.ArticlesAdded);
        Assert.Equal(3, rebuilt.DocumentsInIndex);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void An_id_repeated_in_a_file_keeps_its_last_record_although_batches_are_added_in_parallel(int threads)
    {
        // 400 records; the ids dup-0..dup-9 repeat every 40 records, so each appears in ten batches
        // (of 32) that the adding threads take in no fixed order. As in file order, the last wins.
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "news");
        string index = Path.Combine(dir.Path, "index");
        Directory.CreateDirectory(root);
        var lines = Enumerable.Range(1, 400).Select(n => n % 4 == 0
            ? $"{{\"id\":\"dup-{n / 4 % 10}\",\"title\":\"Edition {n}\",\"body\":\"Record {n} of the harbour story.\"}}"
            : $"{{\"id\":\"u-{n}\",\"title\":\"Unique {n}\",\"body\":\"Record {n} about canals.\"}}");
        File.WriteAllLines(Path.Combine(root, "feed.jsonl"), lines);
        BuildSummary Run(bool rebuild) => IndexBuilder.Build(new BuildOptions { Roots = new[] { root }, IndexPath = index, Rebuild = rebuild, Threads = threads });

        for (int round = 0; round < 2; round++)
        {
            // Round 0 is a fresh build (adds); round 1 rewrites the file, an incremental build (updates).
            if (round == 1)
                File.WriteAllLines(Path.Combine(root, "feed.jsonl"), lines.Append("{\"id\":\"extra\",\"title\":\"Extra\",\"body\":\"One more.\"}"));
            var summary = Run(rebuild: false);
            Assert.Equal(300 + 10 + round, summary.DocumentsInIndex);
            // Every record that lost to a later one of its id is listed at its line, once (they
            // were dropped unsaid): 9 of each id's 10.
            var lastOfEach = Enumerable.Range(0, 10).Select(d => Enumerable.Range(1, 400).Last(n => n % 4 == 0 && n / 4 % 10 == d));
            Assert.Equal(Enumerable.Range(1, 400).Where(n => n % 4 == 0).Except(lastOfEach).Order(),
                summary.Skipped.Select(k => k.Line ?? 0).Order());
            Assert.All(summary.Skipped, k => Assert.Equal(("feed.jsonl", "its id is repeated later in the file, and the last record with that id is indexed in its place"), (k.File, k.Reason)));
            using var searcher = ArticleSearcher.Open(index);
            for (int d = 0; d < 10; d++)
            {
                var hits = searcher.Search(new SearchRequest { Query = $"id:dup-{d}", Snippets = false }).Hits;
                var hit = Assert.Single(hits);
                // dup-d is written by records n = 4k with k % 10 == d; the last such n <= 400.
                int last = Enumerable.Range(1, 400).Last(n => n % 4 == 0 && n / 4 % 10 == d);
                Assert.Equal($"Edition {last}", hit.Title);
            }
        }
    }

    [Fact]
    public void Touched_but_identical_file_is_unchanged_by_content_hash()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "news");
        string index = Path.Combine(dir.Path, "index");
        Directory.CreateDirectory(root);
        string file = Path.Combine(root, "seed.txt");
        File.Copy(RepoPaths.SeedArticle, file);
        Build(root, index);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(5));
        var again = Build(root, index);
        Assert.Equal(1, again.ArticlesUnchanged);
        Assert.Equal(0, again.ArticlesUpdated);
    }

    [Fact]
    public void Bad_input_is_skipped_and_reported_and_the_rest_indexed()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "news");
        string index = Path.Combine(dir.Path, "index");
        Directory.CreateDirectory(root);
        File.Copy(RepoPaths.SeedArticle, Path.Combine(root, "good.txt"));
        File.WriteAllBytes(Path.Combine(root, "binary.txt"), new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3, 0, 0 });
        File.WriteAllBytes(Path.Combine(root, "empty.txt"), Array.Empty<byte>());
        // Windows-1252: curly quotes and a pound sign, invalid as UTF-8.
        File.WriteAllBytes(Path.Combine(root, "cp1252.txt"), new byte[] { (byte)'P', (byte)'r', (byte)'i', (byte)'c', (byte)'e', (byte)'\n', (byte)'\n', 0x93, (byte)'C', (byte)'h', (byte)'e', (byte)'a', (byte)'p', 0x94, (byte)' ', 0xA3, (byte)'5' });
        File.WriteAllText(Path.Combine(root, "rows.csv"), "title,body\nGood row,Some text about ports\nRagged,row,extra\nAnother good,More text\n");
        File.WriteAllText(Path.Combine(root, "lines.jsonl"), "{\"title\":\"J1\",\"body\":\"ok one\"}\n{broken json\n{\"title\":\"J3\",\"body\":\"ok three\"}\n");
        File.WriteAllText(Path.Combine(root, "notes.md"), "# not an article type\n");

        var s = Build(root, index);
        Assert.Equal(1 + 1 + 2 + 2, s.DocumentsInIndex);
        Assert.Equal(1, s.FilesIgnored);
        Assert.Contains(s.Skipped, k => k.File == "binary.txt" && k.Line == null && k.Reason.Contains("binary"));
        Assert.Contains(s.Skipped, k => k.File == "empty.txt" && k.Reason.Contains("empty"));
        Assert.Contains(s.Skipped, k => k.File == "rows.csv" && k.Line == 3);
        Assert.Contains(s.Skipped, k => k.File == "lines.jsonl" && k.Line == 2 && k.Reason.Contains("JSON"));
        using var searcher = ArticleSearcher.Open(index);
        var price = searcher.Get("cp1252.txt")!;
        Assert.Equal("\u201CCheap\u201D \u00A35", price.Body);
    }

    [Fact]
    public void A_folder_that_is_not_an_index_is_never_written_into()
    {
        using var dir = new TempDir();
        string notIndex = Path.Combine(dir.Path, "docs");
        dir.File("docs/thesis.txt", "my precious work");
        var e = Assert.Throws<SearchException>(() => Build(RepoPaths.Seeds, notIndex));
        Assert.Contains("not a search index", e.Message);
        Assert.Equal(new[] { "thesis.txt" }, Directory.GetFiles(notIndex).Select(Path.GetFileName));
    }

    [Fact]
    public void A_build_killed_during_its_first_commit_is_started_afresh_not_called_damaged()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        Build(RepoPaths.Seeds, index);
        // What a kill in the middle of writing the first commit point leaves: a truncated
        // segments_1, and no segments.gen (Lucene writes it once the commit is complete).
        string segments = Directory.GetFiles(index, "segments_*").Single();
        var bytes = File.ReadAllBytes(segments);
        File.WriteAllBytes(segments, bytes[..(bytes.Length / 2)]);
        File.Delete(Path.Combine(index, "segments.gen"));

        var e = Assert.Throws<SearchException>(() => ArticleSearcher.Open(index));
        Assert.Contains("stopped while committing", e.Message);
        Assert.Contains("search index", e.Message);
        var rerun = Build(RepoPaths.Seeds, index);
        Assert.Equal(296, rerun.ArticlesAdded);
        Assert.Equal(296, AllIds(index).Count);
    }

    [Fact]
    public void Missing_root_is_a_clear_error()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<SearchException>(() => Build(Path.Combine(dir.Path, "nope"), Path.Combine(dir.Path, "index")));
        Assert.Contains("not found", e.Message);
    }
}
