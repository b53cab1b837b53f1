using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>BM25 parameters, field weights and the proximity boost of keyword queries.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class RankingSettingsTests
{
    private readonly SeedIndex _index;

    public RankingSettingsTests(SeedIndex index) => _index = index;

    private static string Parse(string text, bool matchAny, RankingSettings? ranking = null) =>
        new ArticleQueryParser(AnalysisSettings.Default, 10_000, ranking).ParseQuery(text, matchAny).ToString();

    [Fact]
    public void Keyword_queries_score_neighbouring_words_again_when_near_each_other()
    {
        var ranking = RankingSettings.Default with { ProximityBoost = 0.25f, ProximitySlop = 20 };
        string q = Parse("Protests in the capitals", matchAny: true, ranking);
        // Stemmed terms, stop words dropped before pairing, each default field with its weight.
        Assert.Contains("body:\"protest capit\"~20", q);
        Assert.Contains("title:\"protest capit\"~20^2", q);
        Assert.Contains(")^0.25", q);
    }

    [Fact]
    public void No_proximity_clause_when_off_for_one_word_or_for_ordinary_queries()
    {
        var off = RankingSettings.Default with { ProximityBoost = 0 };
        Assert.DoesNotContain("~", Parse("protests capitals", matchAny: true, off));
        Assert.DoesNotContain("~", Parse("protests", matchAny: true));
        Assert.DoesNotContain("~", Parse("protests the the", matchAny: true));
        Assert.DoesNotContain("~", Parse("protests capitals", matchAny: false));
    }

    [Fact]
    public void Field_weights_come_from_the_settings()
    {
        Assert.Contains("title:protest^3", Parse("protests", matchAny: false, RankingSettings.Default with { TitleWeight = 3 }));
        Assert.Contains("title:protest^2", Parse("protests", matchAny: false));
    }

    [Fact]
    public void Proximity_changes_scores_never_the_hits()
    {
        using var plain = ArticleSearcher.Open(_index.IndexPath, RankingSettings.Default with { ProximityBoost = 0 });
        using var near = ArticleSearcher.Open(_index.IndexPath, RankingSettings.Default with { ProximityBoost = 0.25f });
        var request = new SearchRequest { Query = "police protest government", MatchAny = true, Limit = 1000, Snippets = false, Suggest = false };
        var a = plain.Search(request);
        var b = near.Search(request);
        Assert.True(a.Total > 1);
        Assert.Equal(a.Total, b.Total);
        Assert.Equal(a.Hits.Select(h => h.Id).ToHashSet(), b.Hits.Select(h => h.Id).ToHashSet());
        var before = a.Hits.ToDictionary(h => h.Id, h => h.Score);
        Assert.All(b.Hits, h => Assert.True(h.Score >= before[h.Id] - 1e-4f));
        Assert.Contains(b.Hits, h => h.Score > before[h.Id] + 1e-4f);
    }

    [Fact]
    public void Bm25_parameters_reach_the_scores()
    {
        using var low = ArticleSearcher.Open(_index.IndexPath, RankingSettings.Default with { K1 = 0.5f });
        var request = new SearchRequest { Query = "police", Limit = 5, Snippets = false, Suggest = false };
        Assert.NotEqual(_index.Searcher.Search(request).Hits[0].Score, low.Search(request).Hits[0].Score);
        Assert.Equal(RankingSettings.Default, _index.Searcher.Ranking);
    }
}
