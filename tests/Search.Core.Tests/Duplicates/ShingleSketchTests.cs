using Search.Core.Duplicates;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Duplicates;

/// <summary>The index-time sketch of a body (signature, number of distinct shingles) is stored and
/// compared with fingerprints made later from the stored text: it must equal what
/// <see cref="DuplicateFingerprint.Of"/> gives, on real articles, on a book-length text past the
/// shingle limit, on texts that repeat themselves and on texts too short to compare.</summary>
public sealed class ShingleSketchTests
{
    public static IEnumerable<object[]> Bodies()
    {
        var seeds = Directory.EnumerateFiles(RepoPaths.Seeds).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        foreach (string text in seeds)
        {
            yield return new object[] { text };
            foreach (string paragraph in text.Split("\n\n").Where(p => p.Length > 0).Take(40))
                yield return new object[] { paragraph };
        }
        yield return new object[] { string.Join(" ", Enumerable.Repeat("the same three words", 400)) };
        yield return new object[] { "Too short to compare: fourteen words are not enough for a fingerprint, said the rule." };
        yield return new object[] { string.Join(" ", Enumerable.Range(0, 9000).Select(i => "w" + (i % 5000).ToString(System.Globalization.CultureInfo.InvariantCulture))) };
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Sketch_equals_the_fingerprint(string body)
    {
        var print = DuplicateFingerprint.Of("id", body, null);
        var sketch = ShingleSketch.Of(body, out ulong bodyHash);
        Assert.Equal(TextShingles.Hash(body), bodyHash); // the own key's input, short bodies included
        Assert.Equal(print == null, sketch == null);
        if (print != null)
            Assert.Equal(DuplicateFingerprint.KeyOf("id", body), print.OwnKey); // its body hash from the word-hash pass
        if (print == null || sketch is not var (signature, shingles))
            return;
        Assert.Equal(print.Shingles.Length, shingles);
        Assert.Equal(print.Signature, signature);
    }
}
