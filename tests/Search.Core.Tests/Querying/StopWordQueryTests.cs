using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>A query of stop words only says why it finds nothing; one word more and it searches.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class StopWordQueryTests
{
    private readonly SeedIndex _index;

    public StopWordQueryTests(SeedIndex index) => _index = index;

    [Theory]
    [InlineData("the")]
    [InlineData("to be or not to be")]
    [InlineData("The AND of")]
    public void Only_stop_words_say_so(string query)
    {
        var result = _index.Search(query);
        Assert.Equal(0, result.Total);
        Assert.NotNull(result.Notice);
        Assert.Contains("only stop words", result.Notice);
        Assert.Contains(query, result.Notice);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\\\\")]
    [InlineData("\"\" OR \"\"")]
    public void A_query_without_a_word_says_so_not_that_it_has_stop_words(string query)
    {
        var result = _index.Search(query);
        Assert.Equal(0, result.Total);
        Assert.NotNull(result.Notice);
        Assert.Contains("has no word in it", result.Notice);
        Assert.DoesNotContain("stop words", result.Notice);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(100_000)]
    public void A_word_too_long_to_be_indexed_says_so_not_that_it_is_a_stop_word(int length)
    {
        string word = new('b', length);
        var result = _index.Search(word);
        Assert.Equal(0, result.Total);
        Assert.NotNull(result.Notice);
        Assert.DoesNotContain("stop words", result.Notice);
        Assert.Contains($"is {length:N0} characters long, and no word longer than 255 is indexed", result.Notice);
        Assert.True(result.Notice.Length < 300, "the notice quotes the start of the word, not all of it");
        // A word of 255 characters, the limit, is an ordinary word that matches nothing.
        Assert.Null(_index.Search(new string('b', 255)).Notice);
    }

    [Fact]
    public void A_real_word_among_stop_words_searches_as_usual()
    {
        var result = _index.Search("the russia of");
        Assert.Null(result.Notice);
        Assert.Equal(_index.Ids("russia"), _index.Ids("the russia of"));
        Assert.True(result.Total > 0);
    }

    [Fact]
    public void A_word_that_matches_nothing_is_not_a_stop_word_notice()
    {
        var result = _index.Search("xqzvvy");
        Assert.Equal(0, result.Total);
        Assert.Null(result.Notice);
    }
}
