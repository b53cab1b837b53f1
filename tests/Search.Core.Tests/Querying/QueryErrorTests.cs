using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>Queries that cannot be run get one clear message with the position of the problem.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class QueryErrorTests
{
    private readonly SeedIndex _index;

    public QueryErrorTests(SeedIndex index) => _index = index;

    [Theory]
    [InlineData("\"islamic state", "unbalanced quote", 1)]
    [InlineData("kazakh \"islamic", "unbalanced quote", 8)]
    [InlineData("(kazakh OR fsb", "unbalanced parenthesis", 1)]
    [InlineData("kazakh) fsb", "unbalanced parenthesis", 7)]
    [InlineData("AND kazakh", "'AND' needs a word or phrase on both sides", 1)]
    [InlineData("kazakh AND", "'AND' at the end", 10)]
    [InlineData("kazakh AND OR fsb", "'OR' needs", 12)]
    [InlineData("NOT", "'NOT' at the end", 3)]
    [InlineData("title:*", "cannot start with '*'", 7)]
    [InlineData("title:*stan", "cannot start with '*'", 7)]
    [InlineData("*stan", "cannot start with '*'", 1)]
    [InlineData("title:", "needs a value", 6)]
    [InlineData("nosuchfield:x", "unknown field 'nosuchfield'", 1)]
    [InlineData("published:[yesterday TO 2020]", "invalid date 'yesterday'", 12)]
    [InlineData("/regex[/", "invalid regular expression /regex[/", 1)]
    [InlineData("kazakh /[a-/", "invalid regular expression /[a-/", 8)]
    [InlineData("russia^high", "'^' needs a number", 7)]
    [InlineData("russia\\", "a '\\' at the end needs a character", 7)]
    [InlineData("russia^1e2", "'^' needs a number after it, a boost like title:russia^2, not '1e2'", 7)]
    [InlineData("title:russia^2putin", "not '2putin'", 13)]
    [InlineData("russia~x", "'~' takes a number", 7)]
    [InlineData("kazakh \"fsb operation\"~7x", "not '7x'", 23)]
    [InlineData("kazakstan~1.5", "a word's edits are a whole number (kazakstan~1, kazakstan~2), not '1.5'", 10)]
    [InlineData("russia~-1", "'~' takes a number: a word's edits (kazakstan~1, kazakstan~2) or a phrase's distance in words (\"fsb operation\"~7), not '-1'", 7)]
    [InlineData("\"fsb operation\"~-12 kazakh", "not '-12'", 16)]
    [InlineData("kazakh ]", "']' at position 8 closes no range: a range is field:[FROM TO UNTIL]", 8)]
    [InlineData("title:russia} fsb", "'}' at position 13 closes no range", 13)]
    [InlineData("kazakh / fsb", "the '/' at position 8 starts a regular expression that is never closed", 8)]
    [InlineData("kazakh /vacc.*", "the '/' at position 8 starts a regular expression", 8)]
    [InlineData("kazakh \\united", "'\\u' starts a Unicode escape, four hex digits like \\u00e9 (position 8)", 8)]
    [InlineData("russia \\u00", "'\\u' starts a Unicode escape", 8)]
    [InlineData("kazakh date:[2019 TO 2020", "the range is never closed: write it as field:[FROM TO UNTIL] (position 13)", 13)]
    [InlineData("title:{a TO b", "the range is never closed", 7)]
    [InlineData("russia~99999999999", "a word's edits are at most 2 (kazakstan~1, kazakstan~2), not '99999999999'", 7)]
    public void Syntax_errors_say_what_and_where(string query, string message, int position)
    {
        var e = Assert.Throws<QuerySyntaxException>(() => _index.Search(query));
        Assert.Contains(message, e.Message);
        Assert.Equal(position, e.Position);
        Assert.Equal(2, e.ExitCode);
        Assert.DoesNotContain("\n", e.Message);
    }

    /// <summary>What the checks of '~' and '^' must let through: numbers after them, and the same
    /// characters inside a regular expression or a pasted URL.</summary>
    [Theory]
    [InlineData("kazakstan~1", "kazakstan~1")]
    [InlineData("kazakstan~2^3", "kazakstan~2")]
    [InlineData("russia^2.5", "russia")]
    [InlineData("\"fsb operation\"~7.5", "\"fsb operation\"~7")]
    [InlineData("/kazak~(x)/", "/kazak.*/")]
    public void Numbers_after_tilde_and_caret_and_tildes_in_patterns_still_search(string query, string same)
    {
        Assert.True(_index.Search(query).Total > 0, query);
        Assert.Equal(_index.Ids(same), _index.Ids(query));
        // A pasted URL with a '~' in it is looked up as written.
        Assert.Equal(0, _index.Search("https://example.org/~someone/page").Total);
    }

    [Fact]
    public void Too_many_expanded_terms_is_an_error_not_a_slow_query()
    {
        var e = Assert.Throws<QuerySyntaxException>(() =>
            _index.Searcher.Search(new SearchRequest { Query = "s*", MaxExpansions = 100 }));
        Assert.Contains("'s*' matches more than 100 different words", e.Message);
        // The same pattern under the default limit runs.
        Assert.True(_index.Search("s*").Total > 0);
    }

    /// <summary>A wildcard inside a phrase matched nothing, silently: the phrase is matched word
    /// for word, so it is an error naming the wildcard's position.</summary>
    [Theory]
    [InlineData("\"islam* state\"", '*', 7)]
    [InlineData("kazakh \"islamic sta?e\"", '?', 20)]
    [InlineData("title:\"islam* state\"~2", '*', 13)]
    [InlineData("\"islam*\"", '*', 7)]
    public void A_wildcard_inside_a_phrase_is_an_error_with_its_position(string query, char wildcard, int position)
    {
        var e = Assert.Throws<QuerySyntaxException>(() => _index.Search(query));
        Assert.Contains($"a wildcard cannot be used inside a phrase: '{wildcard}' at position {position}", e.Message);
        Assert.Equal(position, e.Position);
        Assert.DoesNotContain("\n", e.Message);
    }

    /// <summary>What the phrase check must let through: a question mark ending a word, a URL's '?',
    /// and the same wildcard outside the quotes.</summary>
    [Fact]
    public void Question_marks_urls_and_wildcards_outside_phrases_still_search()
    {
        Assert.Equal(_index.Ids("\"islamic state\""), _index.Ids("\"islamic state?\""));
        Assert.Equal(0, _index.Search("url:\"https://example.org/story?id=3\"").Total);
        Assert.True(_index.Search("islam* state").Total > 0);
    }

    /// <summary>Positions counted UTF-16 units, one too far after an emoji; they count characters as
    /// seen: an emoji, a flag, a letter with a combining accent is one.</summary>
    [Theory]
    [InlineData("\U0001F600 kazakh AND", "'AND' at the end needs a word or phrase after it (position 12)", 12)]
    [InlineData("\U0001F1FA\U0001F1E6 \"islam* state\"", "'*' at position 9", 9)]
    [InlineData("cafe\u0301 (kazakh", "'(' at position 6 is never closed", 6)]
    [InlineData("\U0001F600 nosuchfield:x", "unknown field 'nosuchfield'", 3)]
    public void Positions_count_characters_as_seen(string query, string message, int position)
    {
        var e = Assert.Throws<QuerySyntaxException>(() => _index.Search(query));
        Assert.Contains(message, e.Message);
        Assert.Equal(position, e.Position);
    }
}
