using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>A misspelt word finds every form of the words it is close to, as it did when title and
/// body held a stem at every word: title and body now hold `=protesters`, not `protest`, for
/// "protesters", so the stems are found in the combined field.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class FuzzyStemsQueryTests
{
    private readonly SeedIndex _index;

    public FuzzyStemsQueryTests(SeedIndex index) => _index = index;

    [Theory]
    [InlineData("protest", "protst~")]
    [InlineData("title:protest", "title:protst~")]
    [InlineData("body:protest", "body:protst~")]
    [InlineData("body:\"government\"", "body:goverment~")]
    public void A_misspelt_word_finds_every_article_the_word_finds(string word, string misspelt)
    {
        var exact = Matches(word);
        var fuzzy = Matches(misspelt);
        Assert.NotEmpty(exact);
        Assert.Subset(fuzzy, exact);
    }

    [Fact]
    public void A_misspelt_title_word_finds_titles_that_hold_only_an_inflected_form()
    {
        // Titles with "protesters" or "protests" but not "protest" as written.
        var inflected = Matches("title:protesters OR title:protests").Except(Matches("title:\"protest\"")).ToHashSet();
        Assert.NotEmpty(inflected);
        Assert.Subset(Matches("title:protst~"), inflected);
    }

    private HashSet<int> Matches(string text) =>
        _index.Parsed(new SearchRequest { Query = text }, (s, plan) =>
            s.Search(plan.Query, Math.Max(1, s.IndexReader.MaxDoc)).ScoreDocs.Select(d => d.Doc).ToHashSet());
}
