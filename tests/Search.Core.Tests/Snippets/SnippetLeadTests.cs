using Search.Core.Snippets;
using Xunit;

namespace Search.Core.Tests.Snippets;

/// <summary>A snippet's text on one line: every run of white space (any character .NET calls white
/// space) becomes one space, none is left at either end, and the lead is cut at a word.</summary>
public sealed class SnippetLeadTests
{
    [Fact]
    public void Lead_flattens_white_space_as_a_character_by_character_reading_does()
    {
        var random = new Random(18);
        string[] pieces = ["word", "Ünïcode", "x", " ", "  ", "\n", "\r\n", "\t", "\u00a0", "\u2003", "\u3000", "\u0085", ".", "—", "\u200b"];
        for (int n = 0; n < 5_000; n++)
        {
            var sb = new System.Text.StringBuilder();
            int parts = random.Next(0, 40);
            for (int i = 0; i < parts; i++)
                sb.Append(pieces[random.Next(pieces.Length)]);
            string text = sb.ToString();
            foreach (int max in new[] { 5, 20, 220 })
                Assert.Equal(ReferenceLead(text, max), SnippetBuilder.Lead(text, max));
        }
    }

    [Theory]
    [InlineData("  Two\n\nparagraphs,\tone line. ", "Two paragraphs, one line.")]
    [InlineData("flat already", "flat already")]
    [InlineData(" \n\t ", "")]
    public void Examples(string text, string lead) => Assert.Equal(lead, SnippetBuilder.Lead(text, 220));

    private static string ReferenceLead(string text, int max)
    {
        string flat = ReferenceFlatten(text.Length > max * 4 ? text[..(max * 4)] : text);
        if (flat.Length <= max)
            return flat;
        int cut = flat.LastIndexOf(' ', max);
        return flat[..(cut > max / 2 ? cut : max)] + "…";
    }

    private static string ReferenceFlatten(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
