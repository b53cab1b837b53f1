using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>Every date field answers a date that cannot exist and a reversed range the same way:
/// a one-line error naming the text, with its position in the query.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class DateErrorTests
{
    private readonly SeedIndex _index;

    public DateErrorTests(SeedIndex index) => _index = index;

    private QuerySyntaxException Error(string query, Dictionary<string, IReadOnlyList<string>>? filters = null) =>
        Assert.Throws<QuerySyntaxException>(() => _index.Searcher.Search(new SearchRequest { Query = query, Filters = filters ?? new() }));

    [Theory]
    [InlineData("published:2019-13", 11)]
    [InlineData("month:2019-13", 7)]
    [InlineData("date:2019-13", 6)]
    [InlineData("russia month:2019-13", 14)]
    [InlineData("published:2019-02-30", 11)]
    public void An_impossible_month_or_day_is_an_error_at_its_position(string query, int position)
    {
        var e = Error(query);
        Assert.Equal(position, e.Position);
        Assert.Contains("does not exist", e.Message.Replace("has 28 days", "does not exist"), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    /// <summary>`published:> 2020` said "invalid date ''" with no position; `year:>2019` called
    /// '>2019' an invalid date and offered published:'s forms as what year: takes.</summary>
    [Theory]
    [InlineData("published:> 2020", "'>' needs a date right after it, without a space (published:>2020-01-01)", 11)]
    [InlineData("russia date:>= 2020", "'>=' needs a date right after it", 13)]
    [InlineData("year:>2019", "invalid year '>2019': year: compares only as a range (year:[2020 TO *]); published:>2019 compares dates", 6)]
    [InlineData("month:<=2020-06", "invalid month '<=2020-06': month: compares only as a range", 7)]
    public void A_comparison_without_its_date_or_on_year_and_month_says_how_to_write_it(string query, string message, int position)
    {
        var e = Error(query);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(position, e.Position);
    }

    /// <summary>`date:2019~` found nothing and `year:2019~` all 295 dated articles.</summary>
    [Theory]
    [InlineData("date:2019~", 6)]
    [InlineData("russia year:2019~1", 13)]
    [InlineData("month:2019-03~", 7)]
    public void A_fuzzy_date_is_an_error_that_says_to_use_a_range(string query, int position)
    {
        var e = Error(query);
        Assert.StartsWith("a date cannot be fuzzy ('2019", e.Message, StringComparison.Ordinal);
        Assert.Contains("use a range, like published:[2018 TO 2020]", e.Message, StringComparison.Ordinal);
        Assert.Equal(position, e.Position);
    }

    [Theory]
    [InlineData("published:[2020 TO 2019]")]
    [InlineData("date:[2019-06 TO 2019-01]")]
    [InlineData("year:[2020 TO 2019]")]
    [InlineData("month:[2019-06 TO 2019-01]")]
    public void A_reversed_range_is_an_error_that_says_how_to_write_it(string query)
    {
        var e = Error(query);
        Assert.Contains("starts after it ends", e.Message, StringComparison.Ordinal);
        Assert.Equal(query.IndexOf('[') + 2, e.Position);
    }

    [Fact]
    public void A_year_or_month_of_the_wrong_form_is_an_error()
    {
        Assert.Contains("year:", Error("year:2019-03").Message, StringComparison.Ordinal);
        Assert.Contains("month:", Error("month:2019").Message, StringComparison.Ordinal);
        Assert.Contains("invalid date", Error("year:20x9").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_filter_is_checked_like_the_query()
    {
        var e = Error("russia", new() { ["month"] = new[] { "2019-13" } });
        Assert.Contains("--filter month=2019-13", e.Message, StringComparison.Ordinal);
        Assert.Contains("month 13 does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_in_order_and_a_month_no_article_has_still_answer()
    {
        Assert.True(_index.Search("published:[2019 TO 2020]").Total > 0);
        Assert.True(_index.Search("month:[2019-01 TO 2019-06]").Total > 0);
        // A real month without articles is not an error: it finds nothing and suggests months that have some.
        var none = _index.Searcher.Search(new SearchRequest { Query = "month:2018-12" });
        Assert.Equal(0, none.Total);
        Assert.Contains(none.Notes, n => n.Contains("did you mean", StringComparison.Ordinal));
    }
}
