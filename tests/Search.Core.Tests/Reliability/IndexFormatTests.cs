using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Search.Core.Indexing.Maintenance;
using Xunit;

namespace Search.Core.Tests.Reliability;

/// <summary>
/// Index format and versioning: every commit records the schema version and the analysis
/// settings; an index of another version, a folder that is not an index, an empty folder and a
/// damaged index each give one clear <see cref="SearchException"/> line saying what to do, never a
/// Lucene exception.
/// </summary>
public sealed class IndexFormatTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string BuildSmall(string name, AnalysisSettings? analysis = null)
    {
        string corpus = Path.Combine(_dir.Path, name + "-corpus");
        for (int i = 0; i < 30; i++)
            _dir.File($"{name}-corpus/a{i:D2}.txt", $"Article number {i}\n\nBody text about topic{i} and the news of the day.\n");
        string index = Path.Combine(_dir.Path, name);
        IndexBuilder.Build(new BuildOptions { Roots = new[] { corpus }, IndexPath = index, Analysis = analysis });
        return index;
    }

    private static IDictionary<string, string> UserData(string index)
    {
        using var dir = new NIOFSDirectory(new DirectoryInfo(index));
        using var reader = DirectoryReader.Open(dir);
        return reader.IndexCommit.UserData;
    }

    private static SearchException OpenFails(string index)
    {
        var e = Assert.ThrowsAny<SearchException>(() => ArticleSearcher.Open(index).Dispose());
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("   at ", e.Message);
        return e;
    }

    [Fact]
    public void Every_commit_records_schema_version_and_analysis_settings()
    {
        string index = BuildSmall("kstem", new AnalysisSettings("kstem", StopWords: false));
        var data = UserData(index);
        Assert.Equal(Schema.Version.ToString(), data[IndexStore.VersionKey]);
        Assert.Equal("kstem", data["analysis.stemmer"]);
        Assert.Equal("none", data["analysis.stopwords"]);
        using var searcher = ArticleSearcher.Open(index);
        Assert.Equal(new AnalysisSettings("kstem", false), searcher.Analysis);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("999")]
    [InlineData(null)]
    public void An_index_of_another_schema_version_asks_for_a_rebuild(string? version)
    {
        string index = Path.Combine(_dir.Path, "old");
        using (var dir = new NIOFSDirectory(new DirectoryInfo(index)))
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(ArticleAnalyzer.Version, new ArticleAnalyzer(AnalysisSettings.Default, TextMode.Index))))
        {
            writer.AddDocument(new Document { new StringField(Schema.Id, "x", Field.Store.YES) });
            var data = AnalysisSettings.Default.ToUserData();
            if (version != null)
                data[IndexStore.VersionKey] = version;
            writer.SetCommitData(data);
            writer.Commit();
        }
        var e = OpenFails(index);
        Assert.Contains("search index --rebuild", e.Message);
        if (version != null)
            Assert.Contains($"v{version}", e.Message);
        // A build without --rebuild refuses it the same way instead of mixing schemas.
        var b = Assert.ThrowsAny<SearchException>(() => IndexBuilder.Build(new BuildOptions { Roots = new[] { RepoPaths.SeedArticle }, IndexPath = index }));
        Assert.Contains("--rebuild", b.Message);
        // And --rebuild fixes it.
        IndexBuilder.Build(new BuildOptions { Roots = new[] { RepoPaths.SeedArticle }, IndexPath = index, Rebuild = true });
        using var searcher = ArticleSearcher.Open(index);
        Assert.Equal(1, searcher.Search(new SearchRequest { Query = "*" }).Total);
    }

    [Fact]
    public void Missing_empty_and_non_index_folders_are_clear_errors()
    {
        Assert.Contains("no index at", OpenFails(Path.Combine(_dir.Path, "nothing-here")).Message);
        string empty = Path.Combine(_dir.Path, "empty");
        System.IO.Directory.CreateDirectory(empty);
        Assert.Contains("empty", OpenFails(empty).Message);
        string docs = Path.Combine(_dir.Path, "docs");
        _dir.File("docs/notes.txt", "my notes");
        _dir.File("docs/photo.jpg", "\xFF\xD8\xFF");
        Assert.Contains("not a search index", OpenFails(docs).Message);
        // A build refuses to litter a folder of someone's files.
        var b = Assert.ThrowsAny<SearchException>(() => IndexBuilder.Build(new BuildOptions { Roots = new[] { RepoPaths.SeedArticle }, IndexPath = docs }));
        Assert.Contains("not a search index", b.Message);
        Assert.Equal(2, System.IO.Directory.GetFiles(docs).Length);
        // A file where the index folder should be.
        string file = _dir.File("a-file", "x");
        Assert.ThrowsAny<SearchException>(() => ArticleSearcher.Open(file).Dispose());
    }

    public static TheoryData<string> Damage => new()
    {
        "truncate segments_N",
        "empty segments_N",
        "garbage segments_N",
        "delete segments_N",
        "truncate .fdt",
        "truncate .si",
        "delete .tim",
        "flip bytes in .pos",
        "garbage segments.gen only",
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void A_damaged_index_is_a_clear_error_not_a_stack_trace(string damage)
    {
        string index = BuildSmall("damaged");
        string Pick(string pattern) => System.IO.Directory.GetFiles(index, pattern).OrderBy(f => f, StringComparer.Ordinal).Last();
        void Truncate(string f) { using var s = File.OpenWrite(f); s.SetLength(s.Length / 2); }
        switch (damage)
        {
            case "truncate segments_N": Truncate(Pick("segments_*")); break;
            case "empty segments_N": File.WriteAllBytes(Pick("segments_*"), Array.Empty<byte>()); break;
            case "garbage segments_N": File.WriteAllBytes(Pick("segments_*"), new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }); break;
            case "delete segments_N": File.Delete(Pick("segments_*")); break;
            // Segments are written without compound files: damage their largest files themselves.
            case "truncate .fdt": Truncate(Pick("*.fdt")); break;
            case "truncate .si": Truncate(Pick("*.si")); break;
            case "delete .tim": File.Delete(Pick("*.tim")); break;
            case "flip bytes in .pos":
                // The largest: how the two workers split 30 articles into segments varies, and a
                // segment of one or two articles has too few positions to damage.
                string pos = System.IO.Directory.GetFiles(index, "*.pos").OrderByDescending(f => new FileInfo(f).Length).First();
                var bytes = File.ReadAllBytes(pos);
                for (int i = 64; i < bytes.Length - 64; i += 7) bytes[i] ^= 0x5A;
                File.WriteAllBytes(pos, bytes);
                break;
            case "garbage segments.gen only":
                foreach (var f in System.IO.Directory.GetFiles(index, "segments_*")) File.Delete(f);
                File.WriteAllBytes(Path.Combine(index, "segments.gen"), new byte[] { 9, 9, 9 });
                break;
        }
        // `search check` finds every kind of damage, including what only shows when data is read.
        Assert.False(IndexCheck.Run(index, fix: false).Healthy, $"check missed: {damage}");
        // Opening says what is wrong and what to do, or (for damage that only shows when the data is
        // read) the first search does; nothing else escapes.
        try
        {
            using var searcher = ArticleSearcher.Open(index);
            var result = searcher.Search(new SearchRequest { Query = "topic1 OR article", Limit = 30 });
            foreach (var hit in result.Hits) searcher.Get(hit.Id);
        }
        catch (SearchException e)
        {
            Assert.DoesNotContain('\n', e.Message);
            Assert.True(e.Message.Contains("search check") || e.Message.Contains("not a search index") || e.Message.Contains("no index"), e.Message);
        }
        // The advice works: --rebuild makes a good index out of whatever is left.
        IndexBuilder.Build(new BuildOptions { Roots = new[] { Path.Combine(_dir.Path, "damaged-corpus") }, IndexPath = index, Rebuild = true });
        using var rebuilt = ArticleSearcher.Open(index);
        Assert.Equal(30, rebuilt.Search(new SearchRequest { Query = "*" }).Total);
    }
}
