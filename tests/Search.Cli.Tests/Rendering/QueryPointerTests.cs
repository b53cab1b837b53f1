using Search.Cli.Rendering;
using Xunit;

namespace Search.Cli.Tests.Rendering;

public sealed class QueryPointerTests
{
    private static char Pointed((string Query, string Caret) lines) => lines.Query[lines.Caret.IndexOf('^', StringComparison.Ordinal)];

    [Fact]
    public void A_short_query_is_shown_whole_with_the_caret_under_the_named_position()
    {
        var lines = QueryPointer.Lines("title:(russia", 7, 80);
        Assert.Equal("        title:(russia", lines.Query);
        Assert.Equal('(', Pointed(lines));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(60)]
    [InlineData(118)]
    public void A_query_wider_than_the_terminal_is_cut_around_the_position_and_the_caret_still_points_at_it(int position)
    {
        string query = string.Concat(Enumerable.Range(0, 12).Select(i => $"word{i:00} AND ")) + "tail";
        var lines = QueryPointer.Lines(query, position, 40);
        Assert.True(lines.Query.Length <= 40, lines.Query);
        Assert.True(lines.Caret.Length <= 40, lines.Caret);
        Assert.Equal(query[position - 1], Pointed(lines));
    }

    [Fact]
    public void The_caret_may_stand_just_past_the_end_when_the_query_ends_too_soon()
    {
        string query = new string('x', 100) + " AND";
        var lines = QueryPointer.Lines(query, query.Length + 1, 40);
        Assert.True(lines.Caret.Length <= 40);
        Assert.EndsWith("AND", lines.Query, StringComparison.Ordinal);
        Assert.Equal(lines.Query.Length, lines.Caret.IndexOf('^', StringComparison.Ordinal));
    }

    [Fact]
    public void Control_characters_and_lone_surrogates_never_make_a_negative_width()
    {
        string query = "\uDF1A`x\uD873\uFFFF\u9A06\u0013wide \u6F22\u5B57 (";
        var lines = QueryPointer.Lines(query, query.Length + 1, 80);
        Assert.EndsWith("^", lines.Caret, StringComparison.Ordinal);
        Assert.True(Cells.Of("\u0013") >= 0);
        Assert.Equal(4, Cells.Of("\u6F22\u5B57"));
    }
}
