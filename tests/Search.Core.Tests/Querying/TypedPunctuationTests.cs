using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

[Collection(SeedIndexCollection.Name)]
public sealed class TypedPunctuationTests(SeedIndex seeds)
{
    [Theory]
    [InlineData("Brexit: what next", "Brexit  what next")]
    [InlineData("Trump: \"fake news\"", "Trump  \"fake news\"")]
    [InlineData("kick-off at 10:30", "kick-off at 10 30")]
    [InlineData("a 3:1 win", "a 3 1 win")]
    [InlineData("Title:russia PLACE:uk Date:2020", "title:russia place:uk date:2020")]
    [InlineData("what is covid?", "what is covid ")]
    [InlineData("(covid?) AND vaccine??", "(covid ) AND vaccine  ")]
    [InlineData("Brexit : quoi ?", "Brexit   quoi  ")]
    [InlineData("title:covid?", "title:covid ")]
    public void Punctuation_of_ordinary_writing_becomes_spaces_in_place(string typed, string plain)
    {
        Assert.Equal(plain, TypedPunctuation.Plain(typed));
        Assert.Equal(typed.Length, plain.Length);
    }

    [Theory]
    [InlineData("titel:russia")]
    [InlineData("title:russia")]
    [InlineData("te?ror")]
    [InlineData("colo?r?")]
    [InlineData("\"what?\" \"Brexit: next\"")]
    [InlineData("covid\\?")]
    [InlineData("?")]
    [InlineData("https://www.bbc.co.uk/news")]
    [InlineData("/covid./")]
    [InlineData("published:[2020-01-01 TO 2020-12-31]")]
    public void Syntax_is_left_as_written(string typed) => Assert.Same(typed, TypedPunctuation.Plain(typed));

    [Fact]
    public void Questions_headlines_and_capitalised_fields_search_what_they_say()
    {
        Assert.NotEmpty(seeds.Ids("covid"));
        Assert.Equal(seeds.Ids("covid"), seeds.Ids("covid?"));
        Assert.Equal(seeds.Ids("title:russia"), seeds.Ids("Title:russia"));
        Assert.Equal(seeds.Ids("navalny germany"), seeds.Ids("Navalny: Germany"));
        var error = Assert.Throws<QuerySyntaxException>(() => seeds.Ids("titel:russia"));
        Assert.Contains("unknown field 'titel'", error.Message, StringComparison.Ordinal);
    }
}
