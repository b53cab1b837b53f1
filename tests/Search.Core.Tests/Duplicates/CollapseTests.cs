using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Duplicates.CopyCorpus;

namespace Search.Core.Tests.Duplicates;

/// <summary>Results, facets and related articles when the index holds copies of one story: three
/// outlets printing one seed article, beside other seed articles.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class CollapseTests(CollapseTests.CopiesIndex index) : IClassFixture<CollapseTests.CopiesIndex>
{
    private readonly ArticleSearcher _searcher = index.Searcher;
    private readonly string _word = index.Word;

    /// <summary>The corpus, indexed once for the class.</summary>
    public sealed class CopiesIndex : IDisposable
    {
        private readonly TempDir _dir = new();
        public ArticleSearcher Searcher { get; }
        public string Word { get; }

        public CopiesIndex(SeedIndex seeds)
        {
            var articles = Longest(seeds, 12);
            var story = articles[0];
            string root = Path.Combine(_dir.Path, "news");
            var rows = new List<Row>
            {
                new("story", story.Body, "first.example", "world", "2020-03-01"),
                new("story-trimmed", Head(story.Body, 0.75), "second.example", "world", "2020-03-02"),
                new("story-dateline", WithDateline(story.Body), "third.example", "world", "2020-03-02"),
            };
            rows.AddRange(articles.Skip(1).Select((a, i) => new Row($"other-{i}", a.Body, "first.example", "world", "2020-03-05")));
            Write(Path.Combine(root, "news.jsonl"), rows.ToArray());
            string index = Path.Combine(_dir.Path, "index");
            IndexBuilder.Build(new BuildOptions { Roots = new[] { root }, IndexPath = index });
            Searcher = ArticleSearcher.Open(index);
            // A word of the story's that no other article here has.
            var others = articles.Skip(1).Select(a => a.Body.ToLowerInvariant()).ToList();
            Word = story.Body.Split(' ').Where(w => w.Length > 6 && w.All(char.IsAsciiLetterLower))
                .First(w => others.All(o => !o.Contains(w)));
        }

        public void Dispose()
        {
            Searcher.Dispose();
            _dir.Dispose();
        }
    }

    [Fact]
    public void Copies_collapse_into_one_hit_naming_the_other_outlets()
    {
        var r = _searcher.Search(new SearchRequest { Query = "\"" + _word + "\"", Facets = new[] { "section", "source" } });
        Assert.True(r.Collapsed);
        Assert.Equal(1, r.Total);
        Assert.Equal(3, r.Articles);
        var hit = Assert.Single(r.Hits);
        Assert.Equal(3, hit.Copies);
        Assert.NotNull(hit.Cluster);
        var outlets = new[] { "first.example", "second.example", "third.example" };
        Assert.Equal(outlets.Where(o => o != hit.Source).Order(), hit.CopySources.Order());
        // Facets count the story once.
        Assert.Equal(1, r.Facets["section"].Single(v => v.Value == "world").Count);
    }

    [Fact]
    public void Without_collapse_every_copy_is_a_hit_and_counted()
    {
        var r = _searcher.Search(new SearchRequest { Query = "\"" + _word + "\"", Facets = new[] { "section" }, Collapse = false });
        Assert.False(r.Collapsed);
        Assert.Equal(3, r.Total);
        Assert.Equal(3, r.Hits.Count);
        Assert.All(r.Hits, h => Assert.Equal(3, h.Copies));
        Assert.Single(r.Hits.Select(h => h.Cluster).Distinct());
        Assert.Equal(3, r.Facets["section"].Single(v => v.Value == "world").Count);
    }

    [Fact]
    public void Paging_counts_stories()
    {
        var all = _searcher.Search(new SearchRequest { Query = "*", Limit = 100 });
        Assert.Equal(12, all.Total); // 11 other articles and one story printed three times
        Assert.Equal(14, all.Articles);
        var pages = Enumerable.Range(0, 4).SelectMany(p => _searcher.Search(new SearchRequest { Query = "*", Offset = p * 3, Limit = 3 }).Hits).Select(h => h.Id).ToList();
        Assert.Equal(all.Hits.Select(h => h.Id), pages);
    }

    [Fact]
    public void Related_articles_leave_out_the_seed_and_its_copies()
    {
        var related = _searcher.Related("story-trimmed", 20);
        Assert.Equal(2, related.SeedCopies);
        Assert.DoesNotContain(related.Hits, h => h.Id.StartsWith("story", StringComparison.Ordinal));
        Assert.NotEmpty(related.Hits);
        Assert.Throws<SearchException>(() => _searcher.Related("no-such-id"));
    }
}
