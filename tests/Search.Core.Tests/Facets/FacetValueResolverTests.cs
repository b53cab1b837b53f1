using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Facets;

/// <summary>Facet values as people type them, on the seed index.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class FacetValueResolverTests(SeedIndex seeds)
{
    [Theory]
    [InlineData("place:uk", "place:\"united kingdom\"")]
    [InlineData("place:britain", "place:\"united kingdom\"")]
    [InlineData("place:usa", "place:\"united states\"")]
    [InlineData("place:u.s.", "place:\"united states\"")]
    [InlineData("source:wikinews", "source:en.wikinews.org")]
    public void A_typed_name_finds_what_the_index_calls_it(string typed, string stored)
    {
        var expected = seeds.Ids(stored);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, seeds.Ids(typed));
    }

    [Fact]
    public void Filters_resolve_typed_names_too()
    {
        var filtered = seeds.Searcher.Search(new SearchRequest
        {
            Query = "*", Limit = 1000,
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["place"] = new[] { "usa" } },
        });
        Assert.Equal(seeds.Ids("place:\"united states\""), filtered.Hits.Select(h => h.Id).ToHashSet());
        Assert.Empty(filtered.Notes);
    }

    [Fact]
    public void A_value_that_matches_nothing_names_values_that_exist()
    {
        var r = seeds.Search("place:frnace");
        Assert.Equal(0, r.Total);
        Assert.Equal("no article has place 'frnace'; did you mean place:France?", Assert.Single(r.Notes));
        var filtered = seeds.Searcher.Search(new SearchRequest
        {
            Query = "*",
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["source"] = new[] { "wikinew" } },
        });
        Assert.Equal(0, filtered.Total);
        Assert.Contains("did you mean source:en.wikinews.org?", Assert.Single(filtered.Notes));
    }
}
