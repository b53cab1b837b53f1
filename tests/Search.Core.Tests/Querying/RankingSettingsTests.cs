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
        Assert.DoesNotContain("~", Parse("protests", matchAny: false));
        Assert.DoesNotContain("~", Parse("protests capitals", matchAny: false, off));
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
        var noProximity = RankingSettings.Default with { ProximityBoost = 0 };
        Assert.Equal("+text:protest +text:capit", Parse("protests capitals", matchAny: false, noProximity));
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
        var plain = RankingSettings.Default with { ProximityBoost = 0, K3 = null };
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

    [Fact]
    public void Typed_queries_get_the_proximity_clause_keywords_get_minus_the_words_after_not()
    {
        var ranking = RankingSettings.Default with { ProximityBoost = 0.25f, ProximitySlop = 20 };
        Assert.Contains("body:\"protest capit\"~20", Parse("protests OR capitals", matchAny: false, ranking));
        Assert.Contains("body:\"protest capit\"~20", Parse("protests capitals", matchAny: false, ranking));
        // NOT words are not part of what is asked for: no pair with them.
        string not = Parse("protests -police capitals", matchAny: false, ranking);
        Assert.Contains("body:\"protest capit\"~20", not);
        Assert.DoesNotContain("\"protest polic\"", not);
        Assert.DoesNotContain("\"polic capit\"", not);
    }

    [Fact]
    public void A_word_repeated_weighs_the_same_typed_with_or_as_in_a_sentence()
    {
        var plain = RankingSettings.Default with { ProximityBoost = 0, K3 = null };
        Assert.Equal("text:protest^2.0 text:capit", Parse("protests OR capitals OR protest", matchAny: false, plain));
        // Saturating query-term frequency (BM25's k3, Xapian's default 1): twice weighs 4/3.
        var k3 = plain with { K3 = 1f };
        Assert.Equal("text:protest^1.3333334 text:capit", Parse("protests capitals protest", matchAny: true, k3));
        Assert.Equal("text:protest^1.3333334 text:capit", Parse("protests OR capitals OR protest", matchAny: false, k3));
        // A boost the user types is kept as typed, not saturated.
        Assert.Equal("text:protest^3.0 text:capit", Parse("protests^3 OR capitals", matchAny: false, k3));
    }

    [Theory]
    [InlineData("police protest government")]
    [InlineData("kazakh fsb russia")]
    [InlineData("earthquake flood rescue damage")]
    public void The_same_words_rank_the_same_as_keywords_and_joined_with_or(string words)
    {
        var any = _index.Searcher.Search(new SearchRequest { Query = words, MatchAny = true, Limit = 1000, Snippets = false, Suggest = false });
        var or = _index.Searcher.Search(new SearchRequest { Query = string.Join(" OR ", words.Split(' ')), Limit = 1000, Snippets = false, Suggest = false });
        Assert.True(any.Total > 1, $"{words}: {any.Total}");
        Assert.Equal(any.Hits.Select(h => h.Id), or.Hits.Select(h => h.Id));
        Assert.Equal(any.Hits.Select(h => h.Score), or.Hits.Select(h => h.Score));
        // Typed plainly (all words required), the articles that have every word score as they do above.
        var all = _index.Searcher.Search(new SearchRequest { Query = words, Limit = 1000, Snippets = false, Suggest = false });
        var anyScores = any.Hits.ToDictionary(h => h.Id, h => h.Score);
        if (all.AnyWords != true)
            Assert.All(all.Hits, h => Assert.Equal(anyScores[h.Id], h.Score, 4)); // summed in another order
    }

    [Fact]
    public void Proximity_on_typed_queries_changes_scores_never_the_hits()
    {
        using var plain = ArticleSearcher.Open(_index.IndexPath, RankingSettings.Default with { ProximityBoost = 0 });
        foreach (string q in new[] { "police OR protest -government", "(police AND protest) OR government", "police protest" })
        {
            var request = new SearchRequest { Query = q, Limit = 1000, Snippets = false, Suggest = false };
            var a = plain.Search(request);
            var b = _index.Searcher.Search(request);
            Assert.True(a.Total > 0, q);
            Assert.Equal(a.Hits.Select(h => h.Id).ToHashSet(), b.Hits.Select(h => h.Id).ToHashSet());
        }
    }

    [Fact]
    public void Xapian_style_bm25_choices_reach_the_scores()
    {
        var request = new SearchRequest { Query = "police protest", MatchAny = true, Limit = 5, Snippets = false, Suggest = false };
        float base0 = _index.Searcher.Search(request).Hits[0].Score;
        var d = RankingSettings.Default;
        foreach (var r in new[] { d with { RobertsonIdf = !d.RobertsonIdf }, d with { MinLengthNorm = 5f }, d with { K1 = 2f, B = 0.9f } })
        {
            using var other = ArticleSearcher.Open(_index.IndexPath, r);
            Assert.NotEqual(base0, other.Search(request).Hits[0].Score);
        }
    }

    [Fact]
    public void Bm25_plus_adds_the_same_floor_to_every_article_that_has_the_word()
    {
        // One word, no proximity: BM25+ adds δ · idf to every match, however long the article.
        var plain = RankingSettings.Default with { ProximityBoost = 0 };
        using var a = ArticleSearcher.Open(_index.IndexPath, plain);
        using var b = ArticleSearcher.Open(_index.IndexPath, plain with { Delta = 1f });
        var request = new SearchRequest { Query = "police", Limit = 1000, Snippets = false, Suggest = false };
        var before = a.Search(request).Hits.ToDictionary(h => h.Id, h => h.Score);
        var after = b.Search(request).Hits;
        Assert.True(after.Count > 2, $"{after.Count} hits");
        Assert.Equal(before.Keys.ToHashSet(), after.Select(h => h.Id).ToHashSet());
        float floor = after[0].Score - before[after[0].Id];
        Assert.True(floor > 0.1f, $"floor {floor}");
        Assert.All(after, h => Assert.Equal(floor, h.Score - before[h.Id], 3));
    }

    [Fact]
    public void Function_words_are_dropped_from_every_query_form_unless_nothing_else_is_left()
    {
        var ranking = RankingSettings.Default with { QueryFunctionWords = true, ProximityBoost = 0, K3 = null };
        Assert.Equal("text:protest text:capit", Parse("what protests were there in the capitals", matchAny: true, ranking));
        Assert.Equal("text:protest text:capit", Parse("what OR protests OR were OR there OR capitals", matchAny: false, ranking));
        Assert.Equal("+text:protest +text:capit", Parse("what protests were there in capitals", matchAny: false, ranking));
        // Nothing but function words: kept, so the query still asks for something.
        Assert.Equal("text:what text:about", Parse("what about", matchAny: true, ranking));
        // Phrases keep them.
        Assert.Contains("\"what about\"", Parse("\"what about\" protests", matchAny: false, ranking));
        Assert.Contains("text:what", Parse("what protests", matchAny: true, ranking with { QueryFunctionWords = false }));
    }

    [Fact]
    public void A_word_the_analyser_splits_counts_as_its_parts_in_every_form()
    {
        var plain = RankingSettings.Default with { ProximityBoost = 0, K3 = null };
        // As keywords, "non-violent protests" is three words; typed with OR, the same three.
        Assert.Equal("text:non text:violent text:protest", Parse("non-violent protests", matchAny: true, plain));
        Assert.Equal("text:non text:violent text:protest", Parse("non-violent OR protests", matchAny: false, plain));
        // Typed plainly, every part is required, as every word is.
        Assert.Equal("+text:non +text:violent +text:protest", Parse("non-violent protests", matchAny: false, plain));
        // A repeated part weighs as a repeated word does, whichever way it was typed.
        Assert.Equal("text:non^2.0 text:violent text:protest", Parse("non-violent OR protests OR non", matchAny: false, plain));
    }
}
