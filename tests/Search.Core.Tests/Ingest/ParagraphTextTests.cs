using Search.Core.Ingest;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Ingest;

/// <summary>A text already in normal form is returned as it is: the shortcut must give what the
/// rules give, on the seed texts and on variants of them with every kind of whitespace the rules
/// rewrite (wraps, indents, runs, tabs, no-break spaces, hyphens at line ends, blank lines).</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class ParagraphTextTests(SeedIndex seeds)
{
    private static readonly string[] Breaks = [" ", "  ", "\n", "\n\n", "\n\n\n", " \n\n", "\n\n ", "\t", "\u00A0", "\r\n", "\r\n\r\n", "-\n", "\n   ", "\u2028", "\f"];

    [Fact]
    public void The_shortcut_gives_what_the_rules_give()
    {
        var random = new Random(18);
        int shortcuts = 0, rebuilt = 0;
        foreach (string text in seeds.StoredTexts())
        {
            foreach (string variant in Variants(text, random))
            {
                string normalized = ParagraphText.Normalize(variant, shortcut: false);
                Assert.Equal(normalized, ParagraphText.Normalize(variant));
                Assert.Equal(ParagraphText.CollapseWhitespace(variant, shortcut: false), ParagraphText.CollapseWhitespace(variant));
                if (ParagraphText.IsNormal(variant, paragraphs: true))
                {
                    Assert.Equal(variant, normalized);
                    shortcuts++;
                }
                else
                {
                    rebuilt++;
                }
                // What the rules give is in normal form, and comes back as it is.
                Assert.True(ParagraphText.IsNormal(normalized, paragraphs: true), normalized);
                Assert.Same(normalized, ParagraphText.Normalize(normalized));
            }
        }
        Assert.True(shortcuts > 300 && rebuilt > 2_000, $"{shortcuts} texts already normal, {rebuilt} rebuilt");
    }

    [Theory]
    [InlineData("one two", true)]
    [InlineData("one\n\ntwo", true)]
    [InlineData("", true)]
    [InlineData("one  two", false)]
    [InlineData("one\ntwo", false)]
    [InlineData("one\n\n\ntwo", false)]
    [InlineData(" one", false)]
    [InlineData("one ", false)]
    [InlineData("one\u00A0two", false)]
    [InlineData("one\n\n two", false)]
    public void Normal_form_is_single_spaces_and_paragraph_breaks(string text, bool normal)
    {
        Assert.Equal(normal, ParagraphText.IsNormal(text, paragraphs: true));
        Assert.Equal(normal && !text.Contains('\n'), ParagraphText.IsNormal(text, paragraphs: false));
    }

    /// <summary>The text, and copies with some of its spaces (or its ends) replaced by other whitespace.</summary>
    private static IEnumerable<string> Variants(string text, Random random)
    {
        yield return text;
        for (int v = 0; v < 8; v++)
        {
            var chars = new System.Text.StringBuilder();
            if (random.Next(4) == 0)
                chars.Append(Breaks[random.Next(Breaks.Length)]);
            foreach (char c in text)
            {
                if (c == ' ' && random.Next(20) == 0)
                    chars.Append(Breaks[random.Next(Breaks.Length)]);
                else
                    chars.Append(c);
            }
            if (random.Next(4) == 0)
                chars.Append(Breaks[random.Next(Breaks.Length)]);
            yield return chars.ToString();
        }
    }
}
