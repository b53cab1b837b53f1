using Search.Core.Duplicates;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Duplicates;

/// <summary>Index time fingerprints words by their hashes without making the words: that must give
/// what hashing the words gives, on real articles and on the odd cases (overlong words, figures,
/// number words, accents, case).</summary>
public sealed class TextShinglesTests
{
    public static IEnumerable<object[]> Texts()
    {
        // The seed files as whole texts: hundreds of real articles, figures and names.
        foreach (string file in Directory.EnumerateFiles(RepoPaths.Seeds).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            yield return new object[] { File.ReadAllText(file) };
        yield return new object[] { "Prices rose 6-1/16 to 1,500.25; TWO billion dollars, half a Quarter. " + new string('x', 70) + " Ünïcode ÉLAN 2024" };
        yield return new object[] { new string('a', 64) + " " + new string('b', 65) + "…" };
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Word_hashes_shingles_and_numbers_equal_those_of_the_words(string text)
    {
        var words = TextShingles.Words(text);
        var hashes = TextShingles.WordHashes(text);
        Assert.Equal(words.Select(TextShingles.Hash), hashes);
        Assert.Equal(TextShingles.Shingles(words), TextShingles.Shingles(hashes.ToArray()));
        Assert.Equal(TextShingles.Numbers(text, words, 400), TextShingles.Numbers(text, hashes, 400));
    }
}
