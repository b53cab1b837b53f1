using Highlight = Search.Core.Snippets.Highlight;
using Search.Benchmarks.Languages;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Search.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>Search across languages in one index of German, Russian and English news (issue 23).</summary>
[Collection(MultilingualIndexCollection.Name)]
public sealed class LanguageQueriesTests(MultilingualIndex index)
{
    private SearchResult Search(string query, string? language = null) => index.Searcher.Search(new SearchRequest
    {
        Query = query,
        Filters = language == null ? new Dictionary<string, IReadOnlyList<string>>() : new Dictionary<string, IReadOnlyList<string>> { ["language"] = [language] },
    });

    private static string Marked(string words) => $"{Highlight.Open}{words}{Highlight.Close}";

    /// <summary>Issue 23's bound (≥ 95 % of the articles holding a form, ≤ 2× as many), counted in
    /// the noun's own language: it measures the stemmer. Unfiltered, a form that is also a word of
    /// another language (Fall, Falls, Land, Kind; English fall, falls, land, kind) finds that
    /// language's articles too, as a query without a filter must; those hits are counted apart
    /// (<see cref="FormResult.FoundElsewhere"/>) and the filter removes them (docs/languages.md).</summary>
    [SharedTheory]
    [InlineData("de")]
    [InlineData("ru")]
    public void A_nouns_forms_find_each_other_in_its_own_language_with_and_without_the_language_filter(string language)
    {
        var nouns = language == "de" ? InflectedNouns.German : InflectedNouns.Russian;
        var results = InflectionRecall.Measure(index.Searcher, nouns).ToList();
        Assert.True(results.Count >= 2 * nouns.Count, $"{results.Count} queries");
        var failing = results.Where(r => r.Recall < 0.95 || r.Ratio > 2)
            .Select(r => $"{r.Form}{(r.Filtered ? " (filtered)" : "")}: {r.FoundOfHolding} of {r.Holding}, {r.Found} in the language").ToList();
        Assert.Empty(failing);
        // Filtered, nothing of another language.
        Assert.All(results.Where(r => r.Filtered), r => Assert.Equal(0, r.FoundElsewhere));
    }

    /// <summary>The same bound read over the whole index (docs/languages.md, second protocol): the
    /// holders are the articles of any language that hold a form in any case (an English article
    /// with `falls` holds a form of `Falls`). Read so, no unfiltered form finds more than twice as
    /// many; recall is not held to 95 % here, since `Kinder` rightly does not find English articles
    /// about a kind of thing.</summary>
    [SharedFact]
    public void Over_the_whole_index_an_unfiltered_form_finds_at_most_twice_the_articles_holding_a_form_in_any_language()
    {
        var results = InflectionRecall.Measure(index.Searcher, InflectedNouns.All).Where(r => !r.Filtered).ToList();
        Assert.Contains(results, r => r.HoldingInIndex > r.Holding); // English articles with fall, kind, land are counted
        var over = results.Where(r => r.RatioInIndex > 2).Select(r => $"{r.Form}: {r.Found + r.FoundElsewhere} found, {r.HoldingInIndex} holding").ToList();
        Assert.Empty(over);
        // Every article of any language holding the typed form itself is found.
        Assert.All(results.Where(r => r.Form is "Fall" or "Kind" or "Land"), r => Assert.Equal(1.0, r.RecallInIndex));
    }

    /// <summary>The bound read for the typed word (docs/languages.md, third protocol): unfiltered,
    /// `Kind` is the German noun and the English one, so its holders are the German articles holding
    /// a form of `Kind` and the English ones holding `kind` or `kinds`
    /// (<see cref="InflectedNouns.SpelledAlike"/>). Read so, every unfiltered form of every noun
    /// finds at least 95 % of them and at most twice as many.</summary>
    [SharedFact]
    public void Unfiltered_a_form_finds_the_forms_of_every_noun_written_so_in_their_languages()
    {
        var results = InflectionRecall.Measure(index.Searcher, InflectedNouns.All).Where(r => !r.Filtered).ToList();
        Assert.Contains(results, r => r.Form == "Kind" && r.HoldingOfNouns > r.Holding); // English kind, kinds counted
        Assert.Contains(results, r => r.Form == "Kinder" && r.HoldingOfNouns == r.Holding); // no English noun is written so
        var failing = results.Where(r => r.RecallOfNouns < 0.95 || r.RatioOfNouns > 2)
            .Select(r => $"{r.Form}: {r.FoundOfHoldingOfNouns} of {r.HoldingOfNouns}, {r.Found + r.FoundElsewhere} found").ToList();
        Assert.Empty(failing);
    }

    [SharedTheory]
    [InlineData("der die und")]
    [InlineData("и в на")]
    [InlineData("the of and")]
    public void A_query_of_stop_words_of_one_language_says_so(string query)
    {
        var result = Search(query);
        Assert.Equal(0, result.Total);
        Assert.Contains("only stop words", result.Notice);
    }

    [SharedFact]
    public void A_single_word_that_is_a_stop_word_in_one_language_is_searched_in_the_others()
    {
        // "war" is a German stop word (the past of "sein") and an English noun.
        var result = Search("war");
        Assert.True(result.Total > 50);
        Assert.Null(result.Notice);
    }

    [SharedFact]
    public void A_phrase_matches_the_exact_words_in_its_language()
    {
        var exact = Search("\"die Kinder\"");
        Assert.True(exact.Articles > 0);
        Assert.All(exact.Hits, h => Assert.Contains(Marked("die Kinder"), h.Snippet, StringComparison.OrdinalIgnoreCase));
        // Not "der Kinder" or "den Kindern": a phrase is its exact words, as in English.
        Assert.True(exact.Articles < Search("die Kinder").Articles);
    }

    [SharedFact]
    public void Snippets_mark_the_forms_the_articles_language_matched()
    {
        var russian = Search("министра", "ru");
        Assert.Contains(russian.Hits, h => h.Snippet.Contains(Marked("министр"), StringComparison.Ordinal) || h.Snippet.Contains(Marked("министром"), StringComparison.Ordinal));
        var german = Search("Kindern", "de");
        Assert.Contains(german.Hits, h => h.Snippet.Contains(Marked("Kinder"), StringComparison.Ordinal));
    }

    [SharedFact]
    public void A_language_filter_and_the_language_field_narrow_to_one_language()
    {
        const string query = "Moskau OR Москва OR Moscow";
        var all = Search(query);
        var russian = Search(query, "ru");
        Assert.True(russian.Articles > 0);
        Assert.True(all.Articles > russian.Articles, $"{all.Articles} in all, {russian.Articles} in Russian");
        var ids = index.Ids(query, new Dictionary<string, IReadOnlyList<string>> { ["language"] = ["ru"] });
        Assert.Equal(ids, index.Ids($"({query}) AND language:ru"));
        Assert.All(ids, id => Assert.Contains("set/book_", id));
    }

    [SharedFact]
    public void English_articles_match_as_in_an_english_only_index()
    {
        using var dir = new TempDir();
        string englishOnly = Path.Combine(dir.Path, "index");
        global::Search.Core.Indexing.IndexBuilder.Build(new global::Search.Core.Indexing.BuildOptions { Roots = [MultilingualIndex.Bbc], IndexPath = englishOnly });
        using var english = ArticleSearcher.Open(englishOnly);
        var en = new Dictionary<string, IReadOnlyList<string>> { ["language"] = ["en"] };
        foreach (string query in new[] { "election", "\"prime minister\"", "mobile phones", "chelsea -arsenal", "govern*" })
        {
            var alone = english.SearchAll(new SearchRequest { Query = query, Snippets = false }).Select(h => h.Id).ToHashSet();
            Assert.NotEmpty(alone);
            Assert.Equal(alone, index.Ids(query, en));
        }
    }
}
