using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>Every hit of a query, streamed past the ranked window, over generated indexes.</summary>
public sealed class HitStreamTests
{
    [Fact]
    public void Every_article_comes_once_in_the_order_of_the_ranked_pages()
    {
        using var index = new GeneratedIndex(2_500);
        var all = index.Searcher.SearchAll(new SearchRequest { Query = "*" }).Select(h => h.Id).ToList();
        Assert.Equal(index.Articles, all.Count);
        Assert.Equal(Enumerable.Range(0, index.Articles).Select(i => "a" + i).ToHashSet(), all.ToHashSet());

        // A keyword query streams what the ranked pages show, in the same order, past each
        // searchAfter page (1,000) boundary.
        var request = new SearchRequest { Query = "market", Collapse = false, Snippets = false };
        var streamed = index.Searcher.SearchAll(request).ToList();
        var first = index.Searcher.Search(request with { Limit = 1_500 });
        var second = index.Searcher.Search(request with { Offset = 1_500, Limit = 1_000 });
        Assert.Equal(first.Total, streamed.Count);
        Assert.True(streamed.Count > 1_500, $"the query should match more than one page: {streamed.Count}");
        Assert.Equal(first.Hits.Concat(second.Hits).Select(h => h.Id), streamed.Select(h => h.Id).Take(first.Hits.Count + second.Hits.Count));
        Assert.Equal(Enumerable.Range(1, streamed.Count), streamed.Select(h => h.Rank));
        // Newest first: the dates never go up.
        var newest = index.Searcher.SearchAll(request with { Sort = SortOrder.Newest }).Select(h => h.Published!).ToList();
        Assert.Equal(newest.OrderByDescending(d => d, StringComparer.Ordinal), newest);
    }

    [Fact]
    public void Filters_apply_and_a_bad_query_fails_at_the_call()
    {
        using var index = new GeneratedIndex(600);
        var filters = new Dictionary<string, IReadOnlyList<string>> { ["source"] = new[] { "source1.example.com" } };
        var streamed = index.Searcher.SearchAll(new SearchRequest { Query = "oil", Filters = filters }).ToList();
        Assert.NotEmpty(streamed);
        Assert.All(streamed, h => Assert.Equal("source1.example.com", h.Source));
        Assert.Equal(index.Searcher.Search(new SearchRequest { Query = "oil", Filters = filters, Collapse = false }).Total, streamed.Count);
        Assert.Throws<QuerySyntaxException>(() => index.Searcher.SearchAll(new SearchRequest { Query = "oil AND" }));
    }

    [LongFact]
    public void All_50000_ids_of_a_50000_article_index_and_a_page_past_the_window_says_where_to_go()
    {
        using var index = new GeneratedIndex(50_000);
        var ids = new HashSet<string>();
        int count = 0;
        foreach (var hit in index.Searcher.SearchAll(new SearchRequest { Query = "*", Snippets = false }))
        {
            ids.Add(hit.Id);
            count++;
        }
        Assert.Equal(50_000, count);
        Assert.Equal(50_000, ids.Count);

        var past = index.Searcher.Search(new SearchRequest { Query = "*", Offset = 9_995, Limit = 10, Collapse = false });
        Assert.Equal(5, past.Hits.Count);
        Assert.Contains(past.Notes, n => n.Contains("--all --jsonl", StringComparison.Ordinal));
    }
}
