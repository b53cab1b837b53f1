using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>A pasted URL, a word with a slash and a date with slashes search as a reader means
/// them; a query that writes Lucene's syntax is left as written.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class TypedLiteralsTests
{
    private const string SamoaUrl = "https://en.wikinews.org//wiki/Samoan_government_temporarily_shuts_down_for_nationwide_measles_vaccination_drive";

    private readonly SeedIndex _index;

    public TypedLiteralsTests(SeedIndex index) => _index = index;

    [Theory]
    [InlineData("9/11", "\"9/11\"")]
    [InlineData("memorial 9/11 -24/7", "memorial \"9/11\" -\"24/7\"")]
    [InlineData("(and/or)", "(\"and/or\")")]
    [InlineData("title:9/11", "title:\"9/11\"")]
    [InlineData(SamoaUrl, "url:\"" + SamoaUrl + "\"")]
    [InlineData("url:" + SamoaUrl, "url:\"" + SamoaUrl + "\"")]
    [InlineData("https://example.com/story?id=3&ref=rss", "url:\"https://example.com/story?id=3&ref=rss\"")]
    [InlineData("(http://example.com/a?b=*)", "(url:\"http://example.com/a?b=*\")")]
    [InlineData("published:2020/03/14", "published:2020-03-14")]
    [InlineData("/vacc.*/", "/vacc.*/")] // a regular expression
    [InlineData("title:/vacc[a-z]+/ measles", "title:/vacc[a-z]+/ measles")]
    [InlineData("\"9/11\"", "\"9/11\"")] // quoted already
    [InlineData("9\\/11", "9\\/11")] // escaped: the writer knows the syntax
    [InlineData("published:[2020 TO 2021]", "published:[2020 TO 2021]")]
    [InlineData("vaccine", "vaccine")]
    [InlineData("M&S -title:AT&T", "\"M&S\" -title:\"AT&T\"")]
    [InlineData("marks & spencer", "marks & spencer")] // '&' alone is no name
    [InlineData("russia&&putin", "russia&&putin")]
    public void Quotes_what_the_syntax_would_misread(string typed, string parsed)
    {
        Assert.Equal(parsed, TypedLiterals.Quote(typed));
    }

    [Fact]
    public void A_word_with_a_slash_finds_the_article_that_has_it_instead_of_an_error()
    {
        Assert.Equal(_index.Ids("\"9/11\""), _index.Ids("9/11"));
        Assert.Single(_index.Ids("9/11"));
    }

    /// <summary>`L&amp;L` was the words "l" and "l" anywhere: 3 articles, of which one has "L&amp;L".</summary>
    [Fact]
    public void A_name_joined_by_an_ampersand_finds_the_articles_that_have_it()
    {
        Assert.Equal(_index.Ids("\"L&L\""), _index.Ids("L&L"));
        Assert.Single(_index.Ids("L&L"));
        Assert.Equal(_index.Ids("\"PG&E\""), _index.Ids("PG&E"));
    }

    [Fact]
    public void A_pasted_url_finds_its_article()
    {
        Assert.Equal(["wikinews_2019.csv#165"], _index.Ids(SamoaUrl));
        Assert.Equal(["wikinews_2019.csv#165"], _index.Ids("url:" + SamoaUrl));
    }

    [Fact]
    public void A_pasted_url_with_a_query_string_is_a_url_not_a_field()
    {
        // Its '?' left it to Lucene's syntax: "unknown field 'https'".
        Assert.Empty(_index.Ids("https://en.wikinews.org/w/index.php?title=Main_Page&action=history"));
        Assert.Equal(["wikinews_2019.csv#165"], _index.Ids(SamoaUrl + " OR https://example.com/story?id=3"));
    }

    [Fact]
    public void A_date_with_slashes_is_the_day_it_names()
    {
        Assert.Equal(_index.Ids("published:2020-03-14"), _index.Ids("published:2020/03/14"));
        Assert.NotEmpty(_index.Ids("published:2020/03/14"));
    }
}
