using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>`published:` with a year, a month, a day and comparisons, over an index of seeds/:
/// each form is checked against the stored dates of the articles it finds and leaves out.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class DateQueryTests
{
    private readonly SeedIndex _index;

    public DateQueryTests(SeedIndex index) => _index = index;

    /// <summary>Every article's id and published date (null when undated).</summary>
    private Dictionary<string, string?> AllDates() =>
        _index.Search("*", limit: 1000).Hits.ToDictionary(h => h.Id, h => h.Published);

    private void AssertFinds(string query, Func<string, bool> belongs)
    {
        var expected = AllDates().Where(kv => kv.Value != null && belongs(kv.Value)).Select(kv => kv.Key).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, _index.Ids(query));
    }

    [Fact]
    public void A_year_or_a_month_means_that_whole_period()
    {
        AssertFinds("published:2019", d => d.StartsWith("2019-", StringComparison.Ordinal));
        AssertFinds("published:2019-03", d => d.StartsWith("2019-03-", StringComparison.Ordinal));
        AssertFinds("date:2020", d => d.StartsWith("2020-", StringComparison.Ordinal));
        Assert.Equal(_index.Ids("year:2019"), _index.Ids("published:2019"));
        Assert.Equal(_index.Ids("month:2019-03"), _index.Ids("published:2019-03"));
    }

    /// <summary>A quoted date reached Lucene's phrase path, which looked for the text as one stored
    /// day: `published:"2019"` and `published:"2019-03"` found nothing, `"2019-13"` was no error.</summary>
    [Fact]
    public void A_quoted_date_is_the_same_date()
    {
        AssertFinds("published:\"2019\"", d => d.StartsWith("2019-", StringComparison.Ordinal));
        AssertFinds("date:\"2019-03\"", d => d.StartsWith("2019-03-", StringComparison.Ordinal));
        Assert.Equal(_index.Ids("published:>=2020"), _index.Ids("published:\">=2020\""));
        Assert.Contains("month 13 does not exist", Assert.Throws<QuerySyntaxException>(() => _index.Search("date:\"2019-13\"")).Message);
        Assert.Contains("month 13 does not exist", Assert.Throws<QuerySyntaxException>(() => _index.Search("month:\"2019-13\"")).Message);
    }

    [Fact]
    public void A_day_finds_that_day()
    {
        string day = AllDates().Values.First(d => d != null)!;
        AssertFinds("published:" + day, d => d == day);
    }

    [Theory]
    [InlineData("published:>2020-01-01")]
    [InlineData("published:>=2020")]
    [InlineData("published:<2019-06")]
    [InlineData("published:<=2019-01")]
    [InlineData("published:>2019")]
    public void Comparisons_compare_with_the_whole_period(string query)
    {
        string text = query["published:".Length..];
        string op = text.StartsWith(">=") || text.StartsWith("<=") ? text[..2] : text[..1];
        string bound = text[op.Length..];
        // The period's first and last day, compared as ISO strings.
        string first = bound.Length == 4 ? bound + "-01-01" : bound.Length == 7 ? bound + "-01" : bound;
        string last = bound.Length == 4 ? bound + "-12-31" : bound.Length == 7 ? bound + "-31" : bound;
        AssertFinds(query, d => op switch
        {
            ">" => string.CompareOrdinal(d, last) > 0,
            ">=" => string.CompareOrdinal(d, first) >= 0,
            "<" => string.CompareOrdinal(d, first) < 0,
            _ => string.CompareOrdinal(d, last) <= 0,
        });
    }

    [Theory]
    [InlineData("published:2019-13-45", "month 13 does not exist", 11)]
    [InlineData("russia published:2019-02-30", "February 2019 has 28 days", 18)]
    [InlineData("date:[2019-13-45 TO *]", "month 13 does not exist", 7)]
    [InlineData("published:[2019 TO 2020-00]", "month 0 does not exist", 20)]
    [InlineData("published:yesterday", "use yyyy, yyyy-MM or yyyy-MM-dd", 11)]
    public void Impossible_dates_are_errors_with_their_position(string query, string message, int position)
    {
        var e = Assert.Throws<QuerySyntaxException>(() => _index.Search(query));
        Assert.Contains(message, e.Message);
        Assert.Equal(position, e.Position);
    }
}
