using Search.Core.Enrich.Places;
using Xunit;

namespace Search.Core.Tests.Enrich.Places;

/// <summary>The tokenizer reads ASCII characters' classes from a table: for every character it
/// must say what char.IsLetterOrDigit, IsLetter, IsLower and IsUpper say, so words split and
/// capitals count as before.</summary>
public sealed class PlaceTokenizerTests
{
    [Fact]
    public void Character_classes_are_those_of_char_for_every_character()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char ch = (char)c;
            int expected = (char.IsLetterOrDigit(ch) ? PlaceTokenizer.Word : 0) | (char.IsLetter(ch) ? PlaceTokenizer.Letter : 0)
                | (char.IsLower(ch) ? PlaceTokenizer.Lower : 0) | (char.IsUpper(ch) ? PlaceTokenizer.Upper : 0);
            Assert.Equal(expected, PlaceTokenizer.Kind(ch));
        }
    }

    [Fact]
    public void Words_abbreviations_and_possessives_split_as_described()
    {
        const string text = "The U.S. and Russia's envoy met in N'Djamena, Guinea-Bissau; NATO said 2024.";
        var tokens = new List<PlaceToken>();
        PlaceTokenizer.Tokenize(text, tokens);
        Assert.Equal(new[] { "The", "U.S.", "and", "Russia", "envoy", "met", "in", "N'Djamena", "Guinea", "Bissau", "NATO", "said", "2024" },
            tokens.Select(t => text.Substring(t.Start, t.Length)));
        Assert.Equal(new[] { false, true, false, false, false, false, false, false, false, false, true, false, false }, tokens.Select(t => t.AllCaps));
        Assert.Equal(new[] { true, true, false, true, false, false, false, true, true, true, true, false, false }, tokens.Select(t => t.Capitalised));
    }
}
