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
    [InlineData("source:wiki*", "source:en.wikinews.org")] // a part of the domain, as the word is
    [InlineData("source:en.wiki*", "source:en.wikinews.org")]
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

    /// <summary>The facet counts of a filtered dimension marked the typed value, with a count of 0,
    /// as a value of its own (`✓ usa 0`), and left what it stands for unmarked.</summary>
    [Theory]
    [InlineData("place", "usa", "United States")]
    [InlineData("place", "Britain", "United Kingdom")]
    [InlineData("source", "wikinews", "en.wikinews.org")]
    [InlineData("place", "russia", "Russia")]
    public void A_typed_filter_value_selects_the_facet_value_it_stands_for(string dimension, string typed, string label)
    {
        var result = seeds.Searcher.Search(new SearchRequest
        {
            Query = "*", Limit = 0, Facets = new[] { dimension },
            Filters = new Dictionary<string, IReadOnlyList<string>> { [dimension] = new[] { typed } },
        });
        var selected = Assert.Single(result.Facets[dimension], v => v.Selected);
        Assert.Equal(label, selected.Value);
        Assert.Equal(result.Total, selected.Count); // one value selected: its count is every hit's
        Assert.DoesNotContain(result.Facets[dimension], v => v.Count == 0);
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

    /// <summary>author: and tags: are searched as words; a word no article has there said nothing,
    /// where a facet field's value said "no article has…".</summary>
    [Theory]
    [InlineData("author:afx", "no article has author 'afx'; did you mean author:AFP?")]
    [InlineData("kazakh author:\"afp news\"", "no article has author 'afp news'; did you mean author:AFP?")]
    [InlineData("tags:harbour", "no article has tags 'harbour'")]
    public void An_author_or_tag_no_article_has_says_so(string query, string note)
    {
        var r = seeds.Search(query);
        Assert.Equal(0, r.Total);
        Assert.Equal(note, Assert.Single(r.Notes));
        // A word some article has there says nothing.
        Assert.Empty(seeds.Search("author:afp").Notes);
    }
}
