using Search.Core.Enrich.Places;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Enrich.Places;

/// <summary>The word tries' roots turn words down by their shape before the dictionary: every
/// place's first word must pass, and most capitalised words of news text (which are no place)
/// must not reach the dictionary, or the filter would only cost.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class PlaceTrieNodeTests(SeedIndex seeds)
{
    [Fact]
    public void Every_first_word_of_a_place_passes_and_most_other_capitalised_words_do_not()
    {
        var gazetteer = PlaceGazetteer.LoadEmbedded();
        foreach (var root in new[] { gazetteer.Exact, gazetteer.Upper })
        {
            var words = root.Words.ToList();
            Assert.True(words.Count > 1_000, $"{words.Count} first words");
            foreach (string word in words)
                Assert.NotNull(root.Next(word));
        }

        var roots = gazetteer.Exact;
        var firstWords = roots.Words.ToHashSet(StringComparer.Ordinal);
        int capitalised = 0, passed = 0;
        foreach (string text in seeds.StoredTexts())
        {
            var tokens = new List<PlaceToken>();
            PlaceTokenizer.Tokenize(text, tokens);
            foreach (var token in tokens.Where(t => t.Capitalised))
            {
                var word = text.AsSpan(token.Start, token.Length);
                if (firstWords.Contains(word.ToString()))
                    continue;
                capitalised++;
                if (roots.MayHave(word))
                    passed++;
            }
        }
        Assert.True(capitalised > 10_000, $"{capitalised} capitalised words");
        Assert.True(passed < capitalised / 4, $"{passed} of {capitalised} capitalised words that begin no place passed the filter");
    }
}
