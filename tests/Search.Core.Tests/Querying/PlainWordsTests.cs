using Search.Core.Indexing;
using Search.Core.Querying;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>Plain words are parsed without the classic parser (<see cref="ArticleQueryParser.PlainWords"/>)
/// into the query the classic parser makes of them; anything else is left to it.</summary>
public sealed class PlainWordsTests
{
    public static TheoryData<string> Plain => new()
    {
        "government", "oil prices", "Oil PRICES", "  oil   prices  ", "the", "the government", "government the",
        "to be or not to be", "and or not", "2019 election results", "g7 summit", "a", "police protest election russia government minister said",
        "climate change climate", "nonusers", "ab12cd",
        "terror*", "elect* police", "police elect*", "\"prime minister\"", "\"prime minister\" election", "election \"prime minister\"",
        "\"the\"", "\"to be or not to be\"", "\"climate change\" \"prime minister\"", "market NOT oil", "NOT oil", "market -oil", "-oil market",
        "market NOT oil NOT gas", "NOT \"prime minister\" election", "market NOT terror*", "-terror* police", "the NOT government", "x*",
        string.Join(' ', Enumerable.Range(0, 32).Select(i => "word" + i)),
    };

    public static TheoryData<string> Other => new()
    {
        "oil AND gas", "oil OR gas", "+oil", "terro?ist", "goverment~", "title:election", "oil NOT", "NOT NOT oil", "NOT -oil",
        "\"prime minister\"~3", "\"prime\"minister", "\"\"", "\"unclosed", "oil**", "*", "*oil", "-", "- oil", "oil-", "\"a-b\"", "oil* gas~",
        "wi-fi", "oil\tgas", "café", "(oil)", "oil^2", "", "   ", string.Join(' ', Enumerable.Range(0, 33).Select(i => "word" + i)),
    };

    [Theory]
    [MemberData(nameof(Plain))]
    public void Plain_words_make_the_query_the_classic_parser_makes(string text)
    {
        foreach (var ranking in new[] { RankingSettings.Default, RankingSettings.Default with { CombinedField = false } })
        {
            var parser = new ArticleQueryParser(AnalysisSettings.Default, 10_000, ranking);
            var classic = parser.Parse(text);
            var plain = parser.PlainWords(text);
            Assert.NotNull(plain);
            Assert.Equal(classic.ToString(), plain.ToString());
            Assert.Equal(classic, plain);
            Assert.Equal(classic.GetType(), plain.GetType());
        }
    }

    [Theory]
    [MemberData(nameof(Other))]
    public void Anything_else_is_left_to_the_classic_parser(string text) =>
        Assert.Null(new ArticleQueryParser(AnalysisSettings.Default, 10_000).PlainWords(text));
}
