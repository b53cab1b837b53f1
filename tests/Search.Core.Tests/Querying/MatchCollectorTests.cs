using Search.Core.Facets;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>Multi-select facets counted in one pass give what separate searches give: each
/// filtered dimension counted as if only the other filters applied.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class MatchCollectorTests
{
    private readonly SeedIndex _index;

    public MatchCollectorTests(SeedIndex index) => _index = index;

    private SearchResult Search(string query, Dictionary<string, IReadOnlyList<string>> filters, params string[] facets) =>
        _index.Searcher.Search(new SearchRequest { Query = query, Facets = facets, FacetLimit = 1000, Filters = filters, Limit = 20 });

    private static List<(string, int)> Counts(SearchResult r, string dim) => r.Facets[dim].Select(v => (v.Value, v.Count)).OrderBy(v => v.Value).ToList();

    [Theory]
    [InlineData("*")]
    [InlineData("russia OR election")]
    public void Two_filtered_dimensions_each_count_under_the_other_filter_only(string query)
    {
        var year = new[] { "2019" };
        var place = _index.Searcher.Search(new SearchRequest { Query = query, Facets = new[] { "place" }, Limit = 0 }).Facets["place"][0].Value;
        var both = new Dictionary<string, IReadOnlyList<string>> { ["year"] = year, ["place"] = new[] { place } };
        var combined = Search(query, both, "year", "place", "source");

        var onlyYear = Search(query, new() { ["year"] = year }, "place");
        var onlyPlace = Search(query, new() { ["place"] = new[] { place } }, "year");
        var plainSearch = Search(query, both, "source");
        Assert.NotEmpty(combined.Hits);
        Assert.Equal(Counts(onlyYear, "place"), Counts(combined, "place"));
        Assert.Equal(Counts(onlyPlace, "year"), Counts(combined, "year"));
        Assert.Equal(Counts(plainSearch, "source"), Counts(combined, "source"));
        Assert.Equal(plainSearch.Total, combined.Total);
        Assert.Equal(plainSearch.Hits.Select(h => h.Id), combined.Hits.Select(h => h.Id));
        Assert.All(combined.Hits, h => Assert.StartsWith("2019", h.Published));
        Assert.True(combined.Facets["year"].Single(v => v.Value == "2019").Selected);
    }

    [Fact]
    public void A_derived_request_keeps_every_field_it_does_not_change()
    {
        var request = new SearchRequest
        {
            Query = "a b", Offset = 3, Limit = 7, Sort = SortOrder.Oldest, Facets = new[] { "year" }, FacetLimit = 4,
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["year"] = new[] { "2019" } },
            Expand = true, Collapse = false, Snippets = false, Suggest = true, MaxExpansions = 99,
        };
        var any = request.AsAnyWords(suggest: false);
        foreach (var p in typeof(SearchRequest).GetProperties().Where(p => p.Name is not (nameof(SearchRequest.MatchAny) or nameof(SearchRequest.Suggest))))
            Assert.Equal(p.GetValue(request), p.GetValue(any));
        Assert.True(any.MatchAny);
        Assert.False(any.Suggest);
    }
}
