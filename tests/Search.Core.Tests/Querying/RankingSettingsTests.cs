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
    public void Field_weights_come_from_the_settings_when_fields_are_scored_apart()
    {
        var apart = RankingSettings.Default with { CombinedField = false };
        Assert.Contains("title:protest^3", Parse("protests", matchAny: false, apart with { TitleWeight = 3 }));
        Assert.Contains("title:protest^2", Parse("protests", matchAny: false, apart));
        Assert.Contains("title:protest^2", Parse("protests", matchAny: true, apart));
        // Dismax: the better field plus a fraction of the other.
        Assert.Equal("(title:protest^2.0 | body:protest)~0.3", Parse("protests", matchAny: false, apart with { FieldTieBreaker = 0.3f }));
    }

    [Fact]
    public void Plain_words_are_scored_on_the_combined_field_while_phrases_stay_exact()
    {
        Assert.Equal("+text:protest +text:capit", Parse("protests capitals", matchAny: false));
        Assert.Contains("text:protest text:capit", Parse("protests capitals", matchAny: true));
        // Quoted words keep matching exact forms in title and body.
        Assert.Equal("title:\"=protests =capitals\"^2.0 body:\"=protests =capitals\"", Parse("\"protests capitals\"", matchAny: false));
        // Named fields, wildcards and fuzzy words are untouched.
        Assert.Equal("title:protest", Parse("title:protests", matchAny: false));
        Assert.Contains("title:protest*", Parse("protest*", matchAny: false));
    }

    [Fact]
    public void Combined_field_finds_what_title_and_body_find()
    {
        using var apart = ArticleSearcher.Open(_index.IndexPath, RankingSettings.Default with { CombinedField = false });
        foreach (string q in new[] { "kazakh fsb", "police protest", "earthquake OR flood", "russia -putin" })
        {
            var request = new SearchRequest { Query = q, Limit = 1000, Snippets = false, Suggest = false };
            Assert.Equal(apart.Search(request).Hits.Select(h => h.Id).ToHashSet(), _index.Searcher.Search(request).Hits.Select(h => h.Id).ToHashSet());
        }
        // Snippets still highlight words matched through the combined field: QueryLanguageTests.Snippets_highlight_matches_and_whole_phrases.
    }

    [Fact]
    public void Keyword_queries_drop_request_phrasing_when_asked_and_weigh_repeated_words()
    {
        var stop = RankingSettings.Default with { QueryStopWords = true, ProximityBoost = 0 };
        Assert.Equal("text:protest text:capit", Parse("I am interested in papers about protests in capitals", matchAny: true, stop));
        Assert.Contains("text:interest", Parse("I am interested in papers about protests", matchAny: true, RankingSettings.Default with { ProximityBoost = 0 }));
        var plain = RankingSettings.Default with { ProximityBoost = 0 };
        Assert.Equal("text:protest^2.0 text:capit", Parse("protests capitals protest", matchAny: true, plain));
        Assert.Equal("text:protest text:capit", Parse("protests capitals protest", matchAny: true, plain with { QueryTermFrequency = false }));
    }

    [Fact]
    public void Expansion_adds_words_of_the_best_hits_and_keeps_every_plain_hit()
    {
        var request = new SearchRequest { Query = "kazakh fsb", MatchAny = true, Limit = 1000, Snippets = false, Suggest = false };
        var plain = _index.Searcher.Search(request);
        var expanded = _index.Searcher.Search(new SearchRequest { Query = request.Query, MatchAny = true, Expand = true, Limit = 1000, Snippets = false, Suggest = false });
        // Articles sharing words with the best hits (Russia, operation, ...) now match too.
        Assert.True(expanded.Total > plain.Total, $"{expanded.Total} <= {plain.Total}");
        Assert.Subset(expanded.Hits.Select(h => h.Id).ToHashSet(), plain.Hits.Select(h => h.Id).ToHashSet());
        Assert.Equal(plain.Hits[0].Id, expanded.Hits[0].Id);
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
