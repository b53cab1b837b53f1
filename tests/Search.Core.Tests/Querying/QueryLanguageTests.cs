using System.Text.RegularExpressions;
using Search.Core.Snippets;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>Every form of the query language, run for real over an index of seeds/.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class QueryLanguageTests
{
    private const string Seed = "000_9ea3fcf4dd3ee866.txt";
    private readonly SeedIndex _index;

    public QueryLanguageTests(SeedIndex index) => _index = index;

    private IEnumerable<string> Texts(string query) =>
        _index.Search(query, limit: 1000).Hits.Select(h => _index.Searcher.Get(h.Id)!).Select(a => a.Title + "\n" + a.Body);

    [Fact]
    public void Keywords_are_ANDed()
    {
        var hits = _index.Ids("kazakh fsb");
        Assert.Contains(Seed, hits);
        Assert.All(Texts("kazakh fsb"), t =>
        {
            Assert.Matches(new Regex(@"\bkazakh", RegexOptions.IgnoreCase), t);
            Assert.Matches(new Regex(@"\bfsb\b", RegexOptions.IgnoreCase), t);
        });
        Assert.True(_index.Ids("kazakh").Count > hits.Count || _index.Ids("fsb").Count > hits.Count);
    }

    [Fact]
    public void Keywords_are_stemmed()
    {
        var killed = _index.Ids("killed");
        Assert.Equal(killed, _index.Ids("kills"));
        Assert.Equal(killed, _index.Ids("killing"));
        // Some article says "kill"/"kills"/"killing" without ever writing "killed".
        Assert.True(killed.Count > _index.Ids("\"killed\"").Count);
        Assert.Contains(Seed, killed);
    }

    [Fact]
    public void Quoted_phrases_match_exact_unstemmed_words_in_order()
    {
        Assert.Contains(Seed, _index.Ids("\"islamic state\""));
        Assert.Contains(Seed, _index.Ids("\"were killed in the operation\""));
        Assert.DoesNotContain(Seed, _index.Ids("\"were kill in the operation\""));
        Assert.DoesNotContain(Seed, _index.Ids("\"state islamic\""));
        Assert.Contains(Seed, _index.Ids("\"ISLAMIC STATE\"")); // case-insensitive
        Assert.All(Texts("\"islamic state\""), t => Assert.Matches(new Regex(@"islamic\W+state", RegexOptions.IgnoreCase), t));
    }

    [Fact]
    public void Typographic_quotes_are_phrases_as_straight_ones_are()
    {
        var phrase = _index.Ids("\"prime minister\"");
        Assert.True(phrase.Count < _index.Ids("prime minister").Count, "the phrase is narrower than the two words");
        foreach (string typed in new[] { "“prime minister”", "„prime minister“", "«prime minister»", "\"prime minister”", "＂prime minister＂" })
            Assert.Equal(phrase, _index.Ids(typed));
        Assert.DoesNotContain(Seed, _index.Ids("“state islamic”"));
        // A stray typographic quote is still ignored, not an unclosed phrase.
        Assert.Equal(_index.Ids("islamic state"), _index.Ids("islamic state”"));
    }

    [Fact]
    public void Proximity_allows_words_between()
    {
        // "FSB security service on Thursday confirmed an operation": 6 words between.
        Assert.DoesNotContain(Seed, _index.Ids("\"fsb operation\""));
        Assert.DoesNotContain(Seed, _index.Ids("\"fsb operation\"~3"));
        Assert.Contains(Seed, _index.Ids("\"fsb operation\"~7"));
    }

    [Fact]
    public void Boolean_operators_and_parentheses()
    {
        var kazakh = _index.Ids("kazakh");
        var magnitogorsk = _index.Ids("magnitogorsk");
        Assert.NotEmpty(magnitogorsk);
        Assert.Equal(kazakh.Union(magnitogorsk).ToHashSet(), _index.Ids("kazakh OR magnitogorsk"));
        Assert.Equal(kazakh.Except(_index.Ids("synagogue")).ToHashSet(), _index.Ids("kazakh NOT synagogue"));
        Assert.Equal(_index.Ids("kazakh NOT synagogue"), _index.Ids("+kazakh -synagogue"));
        Assert.Equal(_index.Ids("kazakh AND (synagogue OR magnitogorsk)"),
            kazakh.Intersect(_index.Ids("synagogue").Union(magnitogorsk)).ToHashSet());
        Assert.Equal(296 - kazakh.Count, _index.Search("-kazakh").Total);
    }

    /// <summary>A group of exclusions only matched nothing (Lucene's pure-negative query), so
    /// `russia AND (-putin)` found nothing where `russia -putin` finds 8.</summary>
    [Fact]
    public void A_group_of_exclusions_only_means_everything_but_them()
    {
        var expected = _index.Ids("russia").Except(_index.Ids("putin")).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, _index.Ids("russia -putin"));
        Assert.Equal(expected, _index.Ids("russia AND (-putin)"));
        Assert.Equal(expected, _index.Ids("russia (NOT putin)"));
        var moscowOrRussia = _index.Ids("moscow").Union(_index.Ids("russia")).Except(_index.Ids("putin")).ToHashSet();
        Assert.Equal(moscowOrRussia, _index.Ids("(russia OR moscow) (-putin)"));
        Assert.Equal(296 - _index.Ids("russia OR putin").Count, _index.Search("(-russia -putin)").Total);
    }

    /// <summary>Lucene's classic parser made `flood OR earthquake china` every article about China
    /// (flood and earthquake only ranked) and `kazakh AND fsb OR magnitogorsk` "kazakh" alone.</summary>
    [Fact]
    public void OR_joins_its_neighbours_before_AND()
    {
        var china = _index.Ids("china");
        var floodOrQuake = _index.Ids("flood").Union(_index.Ids("earthquake")).ToHashSet();
        var expected = floodOrQuake.Intersect(china).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.True(china.Count > expected.Count, "the test needs articles about China without either word");
        Assert.Equal(expected, _index.Ids("flood OR earthquake china"));
        Assert.Equal(expected, _index.Ids("china flood OR earthquake"));
        Assert.Equal(expected, _index.Ids("flood OR earthquake AND china"));
        Assert.Equal(expected, _index.Ids("(flood OR earthquake) AND china"));

        var fsbOrCity = _index.Ids("fsb").Union(_index.Ids("magnitogorsk")).ToHashSet();
        Assert.Equal(_index.Ids("kazakh").Intersect(fsbOrCity).ToHashSet(), _index.Ids("kazakh AND fsb OR magnitogorsk"));
        // NOT leaves its clause out of the whole group; groups that do not mix OR and AND are as before.
        Assert.Equal(expected.Except(_index.Ids("rescue")).ToHashSet(), _index.Ids("flood OR earthquake china -rescue"));
        Assert.Equal(floodOrQuake, _index.Ids("flood OR earthquake"));
    }

    [Fact]
    public void Field_queries()
    {
        Assert.Contains(Seed, _index.Ids("title:kazakhs"));
        Assert.DoesNotContain(Seed, _index.Ids("title:synagogue"));
        Assert.Contains(Seed, _index.Ids("body:synagogue"));
        Assert.Equal(new HashSet<string> { Seed }, _index.Ids("author:afp"));
        Assert.Equal(new HashSet<string> { Seed }, _index.Ids("source:themoscowtimes.com"));
        Assert.Contains(Seed, _index.Ids("links:gov.kz"));
        Assert.Equal(295, _index.Search("source:en.wikinews.org").Total);
    }

    [Fact]
    public void Wildcards_and_fuzzy()
    {
        Assert.Contains(Seed, _index.Ids("terror*"));
        Assert.Contains(Seed, _index.Ids("te?ror"));
        Assert.Contains(Seed, _index.Ids("kazakstan~"));
        Assert.Empty(_index.Ids("kazakstan"));
    }

    /// <summary>A pattern finds the words it matches as they are written, though the combined field
    /// holds their stems (vaccine → vaccin, stories → stori), and only those words: <c>vaccine*</c>
    /// does not find an article that says only "vaccinated". Counted independently over the stored
    /// text of every seed article.</summary>
    [Theory]
    [InlineData("vaccine*", @"\bvaccine\w*")]
    [InlineData("vacc?ne", @"\bvacc\wne\b")]
    [InlineData("stor?es", @"\bstor\wes\b")]
    [InlineData("electi*", @"\belecti\w*")]
    [InlineData("/vacc.nes/", @"\bvacc\wnes\b")]
    public void Patterns_find_the_words_they_match_as_written(string pattern, string words)
    {
        var regex = new Regex(words, RegexOptions.IgnoreCase);
        var expected = _index.Search("*", limit: 1000).Hits
            .Where(h => _index.Searcher.Get(h.Id) is { } a && regex.IsMatch(a.Title + "\n" + a.Body))
            .Select(h => h.Id).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), _index.Ids(pattern).Order());
    }

    [Fact]
    public void A_pattern_does_not_widen_to_the_stem_of_the_words_it_finds()
    {
        // "vaccinated" and "vaccine" share the stem vaccin: the plain word finds both, the pattern only the latter.
        var stemmed = _index.Ids("vaccinated");
        var pattern = _index.Ids("vaccine*");
        Assert.Contains(stemmed, id => !pattern.Contains(id));
        Assert.Subset(stemmed, pattern);
        // The snippets mark the words found.
        Assert.All(_index.Search("vaccine*", limit: 20).Hits, h =>
            Assert.Matches(new Regex(Regex.Escape(Highlight.Open.ToString()) + "vaccines?" + Regex.Escape(Highlight.Close.ToString()), RegexOptions.IgnoreCase), h.Snippet + h.TitleHighlighted));
    }

    [Fact]
    public void Boost_changes_ranking_not_matches()
    {
        Assert.Equal(_index.Ids("russia"), _index.Ids("title:russia^2 OR russia"));
        var boosted = _index.Search("title:russia^5 OR russia", limit: 3).Hits;
        Assert.All(boosted, h => Assert.Contains("russia", h.Title, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Date_ranges_on_published()
    {
        var inRange = _index.Search("published:[2019-01-01 TO 2019-06-30]", limit: 1000);
        Assert.NotEmpty(inRange.Hits);
        Assert.All(inRange.Hits, h => Assert.InRange(h.Published!, "2019-01-01", "2019-06-30"));
        Assert.Equal(CountCsvDates(d => string.CompareOrdinal(d, "2019-01-01") >= 0 && string.CompareOrdinal(d, "2019-06-30") <= 0), inRange.Total);
        Assert.Equal(CountCsvDates(d => d.StartsWith("2019", StringComparison.Ordinal)), _index.Search("published:[2019 TO 2019]").Total);
        Assert.Equal(_index.Search("published:[2020-03 TO 2020-03]").Total, _index.Search("published:2020-03*").Total);
        Assert.Equal(_index.Search("published:[2020-03 TO 2020-03]").Total, _index.Search("month:2020-03").Total);
        // Open ends, exclusive bounds, and the date: alias.
        Assert.Equal(CountCsvDates(d => string.CompareOrdinal(d, "2019-12-31") > 0), _index.Search("date:{2019 TO *]").Total);
    }

    /// <summary>Counts Wikinews rows by their date column, read straight from the CSV text.</summary>
    private static int CountCsvDates(Func<string, bool> keep)
    {
        int n = 0;
        foreach (string file in Directory.GetFiles(RepoPaths.Seeds, "*.csv"))
            foreach (Match m in Regex.Matches(File.ReadAllText(file), "^(?:\"https://en\\.wikinews\\.org[^\"]*\"|https://en\\.wikinews\\.org[^,\\n]*),(\\d{4}-\\d{2}-\\d{2}),", RegexOptions.Multiline))
                if (keep(m.Groups[1].Value))
                    n++;
        return n;
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("*:*")]
    public void Empty_query_and_star_match_everything(string query)
    {
        Assert.Equal(296, _index.Search(query).Total);
        // As keywords (--any) `*` said "has no word in it" and found nothing.
        Assert.Equal(296, _index.Searcher.Search(new SearchRequest { Query = query, MatchAny = true }).Total);
    }

    /// <summary>Keywords of which any may match (--any) read a field term as one word no article
    /// has (`title:russia` found nothing): a field term is searched in its field, beside the words.</summary>
    [Fact]
    public void Any_words_search_a_field_term_in_its_field()
    {
        HashSet<string> Any(string query) => _index.Searcher.Search(new SearchRequest { Query = query, MatchAny = true, Limit = 1000 })
            .Hits.Select(h => h.Id).ToHashSet();
        var titles = _index.Ids("title:russia");
        Assert.NotEmpty(titles);
        Assert.Equal(titles, Any("title:russia"));
        Assert.Equal(_index.Ids("title:\"islamic state\""), Any("title:\"islamic state\""));
        Assert.Equal(titles.Union(_index.Ids("kazakh")).ToHashSet(), Any("Title:russia kazakh"));
        // A colon in a question that names no field stays a keyword.
        Assert.Equal(Any("kazakh note"), Any("kazakh note:"));
        var e = Assert.Throws<QuerySyntaxException>(() => Any("kazakh published:2019-13"));
        Assert.Equal(18, e.Position);
        Assert.Contains("(position 18)", e.Message);
    }

    [Fact]
    public void Sort_orders()
    {
        var newest = _index.Search("*", limit: 296, sort: SortOrder.Newest).Hits;
        var dated = newest.Where(h => h.Published != null).Select(h => h.Published!).ToList();
        Assert.Equal(dated.OrderByDescending(d => d, StringComparer.Ordinal), dated);
        Assert.Equal(Seed, newest[^1].Id); // undated last
        var oldest = _index.Search("*", limit: 296, sort: SortOrder.Oldest).Hits;
        var datedAsc = oldest.Where(h => h.Published != null).Select(h => h.Published!).ToList();
        Assert.Equal(datedAsc.OrderBy(d => d, StringComparer.Ordinal), datedAsc);
        Assert.Equal(Seed, oldest[^1].Id);
        // Relevance ties (every score equal for *) fall back to newest first.
        Assert.Equal(newest.Select(h => h.Id).Take(20), _index.Search("*", limit: 20).Hits.Select(h => h.Id));
    }

    [Fact]
    public void Relevance_ranks_title_matches_first()
    {
        var hits = _index.Search("magnitogorsk", limit: 5).Hits;
        Assert.Contains("Magnitogorsk", hits[0].Title);
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void Paging_boundaries()
    {
        var all = _index.Search("government", limit: 1000).Hits.Select(h => h.Id).ToList();
        Assert.True(all.Count > 12);
        var page1 = _index.Search("government", limit: 5).Hits.Select(h => h.Id).ToList();
        var page2 = _index.Search("government", limit: 5, offset: 5).Hits.Select(h => h.Id).ToList();
        Assert.Equal(all.Take(10), page1.Concat(page2));
        var last = _index.Search("government", limit: 10, offset: all.Count - 2);
        Assert.Equal(2, last.Hits.Count);
        Assert.Equal(all.Count, last.Hits[^1].Rank);
        var beyond = _index.Search("government", limit: 10, offset: all.Count);
        Assert.Empty(beyond.Hits);
        Assert.Equal(all.Count, beyond.Total);
        Assert.Empty(_index.Search("government", limit: 0).Hits);
        Assert.Equal(all.Count, _index.Search("government", limit: 0).Total);
    }

    [Fact]
    public void Suggests_a_close_spelling_when_nothing_is_found()
    {
        var result = _index.Search("kazakstan");
        Assert.Equal(0, result.Total);
        Assert.Equal("kazakhstan", result.Suggestion);
        Assert.Equal("kazakhstan fsb", _index.Search("kazakstan fsb").Suggestion);
        Assert.True(_index.Search("kazakstan fsb").AnyWords);
        Assert.Null(_index.Search("russia").Suggestion);
        Assert.Null(_index.Search("xqzvvy").Suggestion);
    }

    [Fact]
    public void Plain_words_no_article_has_all_of_are_answered_as_any_words_and_say_so()
    {
        var strict = _index.Search("kazakh fsb");
        Assert.False(strict.AnyWords);
        Assert.Equal(1, strict.Total);

        // No article has "zeppelin": before, nothing; now the articles with any of the words, best first.
        var relaxed = _index.Search("kazakh fsb zeppelin");
        Assert.True(relaxed.AnyWords);
        Assert.True(relaxed.Total > 1);
        Assert.Equal(Seed, relaxed.Hits[0].Id);

        // A pasted sentence longer than the 64 words a query may require is searched the same way.
        string longSentence = "kazakh fsb " + string.Join(' ', Enumerable.Range(0, 70).Select(i => "word" + i));
        var pasted = _index.Search(longSentence);
        Assert.True(pasted.AnyWords);
        Assert.Contains(Seed, pasted.Hits.Select(h => h.Id));
    }

    [Fact]
    public void A_pasted_page_longer_than_the_clause_limit_is_searched_by_its_first_words()
    {
        // 1,100 words made a keyword query of 1,100 clauses: "unexpected error: TooManyClausesException".
        string page = "kazakh fsb " + string.Join(' ', Enumerable.Range(0, 1100).Select(i => "word" + i));
        var pasted = _index.Search(page);
        Assert.True(pasted.AnyWords);
        Assert.Equal(Seed, pasted.Hits[0].Id);
        string repeated = string.Join(' ', Enumerable.Repeat("kazakh", 1100));
        Assert.Equal(_index.Ids("kazakh"), _index.Ids(repeated));
        var any = _index.Searcher.Search(new SearchRequest { Query = page, MatchAny = true });
        Assert.Equal(Seed, any.Hits[0].Id);
    }

    [Theory]
    [InlineData("kazakh AND zeppelin")]
    [InlineData("\"kazakh zeppelin\"")]
    [InlineData("title:kazakh zeppelin")]
    [InlineData("kazakh +zeppelin")]
    [InlineData("zeppelin")]
    public void Queries_with_syntax_or_one_word_mean_exactly_what_they_say(string query)
    {
        var result = _index.Search(query);
        Assert.False(result.AnyWords);
        Assert.Equal(0, result.Total);
    }

    [Fact]
    public void Snippets_highlight_matches_and_whole_phrases()
    {
        var hit = _index.Search("\"islamic state\" kazakh").Hits.Single(h => h.Id == Seed);
        Assert.Contains($"{Highlight.Open}Islamic State{Highlight.Close}", hit.Snippet);
        var stemmed = _index.Search("kill kazakh").Hits.Single(h => h.Id == Seed);
        Assert.Matches($"{Highlight.Open}(killed|Kazakh){Highlight.Close}", stemmed.Snippet);
        Assert.Contains($"{Highlight.Open}Kazakhs{Highlight.Close}", stemmed.TitleHighlighted);
    }
}
