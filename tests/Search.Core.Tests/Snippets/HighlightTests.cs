using System.Text.RegularExpressions;
using Search.Core.Snippets;
using Xunit;

namespace Search.Core.Tests.Snippets;

/// <summary>Highlights as &lt;mark&gt;…&lt;/mark&gt; (the snippets of --json and the API): a
/// &lt;mark&gt; the article itself holds must not read as a highlight.</summary>
public sealed class HighlightTests
{
    private static string Marked(string word) => Highlight.Open + word + Highlight.Close;

    [Fact]
    public void Text_without_the_marker_strings_is_written_as_before()
    {
        string snippet = $"the {Marked("budget")} for <b>schools</b> & mark> ";
        Assert.Equal(Highlight.Replace(snippet, "<mark>", "</mark>"), Highlight.AsMarkTags(snippet));
        Assert.Equal("the <mark>budget</mark> for <b>schools</b> & mark> ", Highlight.AsMarkTags(snippet));
    }

    [Theory]
    [InlineData("<mark>opposition</mark>")]
    [InlineData("<MARK>opposition</Mark>")]
    public void A_literal_mark_reads_the_same_but_only_the_matches_are_highlights(string literal)
    {
        string written = Highlight.AsMarkTags($"the {Marked("budget")} and the {literal} said");
        // Split as the web page splits: only the query's match is between the markers.
        var parts = Regex.Split(written, "(<mark>|</mark>)");
        Assert.Equal(["the ", "<mark>", "budget", "</mark>", $" and the {Neutralised(literal)} said"], parts);
        // And it reads as the article wrote it: the neutraliser shows as nothing.
        Assert.Equal($"the budget and the {literal} said", written.Replace("<mark>", "").Replace("</mark>", "").Replace("\u2060", ""));
    }

    [Fact]
    public void A_match_inside_a_literal_tag_is_still_a_highlight()
    {
        // The query `mark` matched the word inside the article's own "<mark>".
        Assert.Equal("<<mark>mark</mark>>x", Highlight.AsMarkTags($"<{Marked("mark")}>x"));
    }

    private static string Neutralised(string literal) => literal.Replace("<", "<\u2060");
}
