using System.Globalization;
using System.Text;
using Search.Core.Ingest.Unicode;
using Search.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Ingest.Unicode;

public sealed class CanonicalCompositionTests
{
    private static readonly string Cases = Path.Combine(RepoPaths.Root, "tests", "Search.Core.Tests", "Ingest", "Unicode", "Fixture", "nfc-cases.txt");

    /// <summary>5,561 texts and their NFC by Python's unicodedata: every character with a canonical
    /// decomposition given decomposed, random runs of starters and combining marks in any order,
    /// decomposed Hangul syllables.</summary>
    [Fact]
    public void Composes_as_Pythons_unicodedata_does_and_composed_text_stays_as_it_is()
    {
        int checkedCases = 0;
        foreach (string line in File.ReadLines(Cases).Where(l => !l.StartsWith('#')))
        {
            string[] parts = line.Split(';');
            string input = Text(parts[0]), expected = Text(parts[1]);
            Assert.True(expected == CanonicalComposition.Compose(input), $"{parts[0]} gave {Hex(CanonicalComposition.Compose(input))}, not {parts[1]}");
            Assert.Equal(expected, CanonicalComposition.Compose(expected));
            checkedCases++;
        }
        Assert.True(checkedCases > 5000, $"{checkedCases} cases read");
    }

    [Fact]
    public void Text_that_cannot_change_is_seen_as_composed_without_work_and_returned_as_is()
    {
        foreach (string text in new[] { "plain ASCII", "Zürich, Déjà vu, Łódź", "Москва, Ёлка", "Αθήνα", "東京 漢字", "emoji 😀 and 𝕏", "한국어" })
        {
            Assert.True(CanonicalComposition.IsComposed(text), text);
            Assert.Same(text, CanonicalComposition.Compose(text));
        }
        Assert.False(CanonicalComposition.IsComposed("cafe\u0301"));
        Assert.False(CanonicalComposition.IsComposed("\u1100\u1161"));
        Assert.Equal("가", CanonicalComposition.Compose("\u1100\u1161"));
    }

    [Fact]
    public void Marks_are_put_in_canonical_order_and_lone_surrogates_are_kept()
    {
        // a + dot below (220) + circumflex (230) in either order is ấ... with the dot below: ậ.
        Assert.Equal("\u1EAD", CanonicalComposition.Compose("a\u0302\u0323"));
        Assert.Equal("\u1EAD", CanonicalComposition.Compose("a\u0323\u0302"));
        Assert.Equal("x\uD800\u0301é", CanonicalComposition.Compose("x\uD800\u0301e\u0301"));
        Assert.Equal("\u0301e", CanonicalComposition.Compose("\u0301e"));
    }

    private static string Text(string hexes)
    {
        var text = new StringBuilder();
        foreach (string h in hexes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            text.Append(char.ConvertFromUtf32(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
        return text.ToString();
    }

    private static string Hex(string text) => string.Join(" ", text.EnumerateRunes().Select(r => r.Value.ToString("X4", CultureInfo.InvariantCulture)));
}
