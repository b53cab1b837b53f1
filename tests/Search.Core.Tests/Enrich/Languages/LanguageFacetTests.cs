using Search.Core.Querying;
using Search.Core.Tests.Support;
using Search.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Enrich.Languages;

/// <summary>The `language` facet of an index of German, Russian and English news (issue 23).</summary>
[Collection(MultilingualIndexCollection.Name)]
public sealed class LanguageFacetTests(MultilingualIndex index)
{
    /// <summary>Which set an article came from, by its id: the German CSV's records are
    /// <c>test.csv#N</c>, the Russian texts sit in devset/ and testset/, BBC's in its sections.</summary>
    private static string SetOf(string id) =>
        id.StartsWith("test.csv#", StringComparison.Ordinal) ? "de"
        : id.StartsWith("devset/", StringComparison.Ordinal) || id.StartsWith("testset/", StringComparison.Ordinal) ? "ru"
        : "en";

    [SharedFact]
    public void Each_set_is_counted_under_its_language_and_none_under_another_sets()
    {
        // The Russian folders' list.txt is a list of file names, not an article of the set.
        var articles = index.Ids("*").Where(id => !id.EndsWith("list.txt", StringComparison.Ordinal)).ToList();
        var sizes = articles.GroupBy(SetOf).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1028, sizes["de"]);
        Assert.Equal(254, sizes["ru"]);
        Assert.Equal(2225, sizes["en"]);
        foreach (string language in new[] { "de", "ru", "en" })
        {
            var under = index.Ids($"language:{language}").Where(id => !id.EndsWith("list.txt", StringComparison.Ordinal)).ToList();
            Assert.All(under, id => Assert.Equal(language, SetOf(id)));
            Assert.True(under.Count >= 0.98 * sizes[language], $"{language}: {under.Count} of {sizes[language]}");
        }
    }

    [SharedFact]
    public void Stats_and_facets_show_the_languages_with_their_counts()
    {
        var stats = index.Searcher.Stats(topValues: 10);
        var languages = stats.Dimensions["language"].Top.ToDictionary(v => v.Value, v => v.Count);
        Assert.True(languages["de"] >= 1008, $"de {languages["de"]}");
        Assert.True(languages["ru"] >= 249, $"ru {languages["ru"]}");
        Assert.True(languages["en"] >= 2181, $"en {languages["en"]}");

        var result = index.Searcher.Search(new SearchRequest { Query = "Moskau", Facets = new[] { "language" } });
        Assert.Equal("de", Assert.Single(result.Facets["language"]).Value);
    }

    [SharedFact]
    public void A_language_filter_accepts_the_code_or_the_name_and_narrows_the_search()
    {
        var byCode = index.Ids("*", new Dictionary<string, IReadOnlyList<string>> { ["language"] = new[] { "ru" } });
        var byName = index.Ids("*", new Dictionary<string, IReadOnlyList<string>> { ["language"] = new[] { "Russian" } });
        Assert.Equal(byCode, byName);
        Assert.All(byCode, id => Assert.Equal("ru", SetOf(id)));
        Assert.Equal(byCode, index.Ids("language:ru"));
    }
}
