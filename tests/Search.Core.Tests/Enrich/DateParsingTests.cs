using Search.Core.Enrich;
using Xunit;

namespace Search.Core.Tests.Enrich;

public class DateParsingTests
{
    [Theory]
    [InlineData("2019-01-04", "2019-01-04")]
    [InlineData(" 2019-1-4 ", "2019-01-04")]
    [InlineData("2019-01-04T10:00:00Z", "2019-01-04")]
    [InlineData("2019-01-04T23:30:00-05:00", "2019-01-04")] // the day as written, not UTC
    [InlineData("2019-01-04T10:00:00.123+05:30", "2019-01-04")]
    [InlineData("2019-01-04 10:00", "2019-01-04")]
    [InlineData("2019/01/04", "2019-01-04")]
    [InlineData("2019.01.04", "2019-01-04")]
    [InlineData("Fri, 04 Jan 2019 10:00:00 GMT", "2019-01-04")]
    [InlineData("Fri, 4 Jan 2019 10:00:00 +0000", "2019-01-04")]
    [InlineData("4 Jan 2019 10:00 EST", "2019-01-04")]
    [InlineData("January 4, 2019", "2019-01-04")]
    [InlineData("Jan. 4, 2019", "2019-01-04")]
    [InlineData("4 January 2019", "2019-01-04")]
    [InlineData("4th January 2019", "2019-01-04")]
    [InlineData("Friday, January 4, 2019", "2019-01-04")]
    [InlineData("Friday, January 4, 2019\u00A0", "2019-01-04")]
    [InlineData("friday, 4 january 2019", "2019-01-04")]
    [InlineData("Sept 30, 2020", "2020-09-30")]
    [InlineData("February 29, 2020", "2020-02-29")]
    public void ParsesKnownForms(string text, string expected)
    {
        Assert.Equal(expected, DateParsing.ToIsoDate(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2019-13-45")]
    [InlineData("2019-02-30")]
    [InlineData("February 29, 2019")]
    [InlineData("2019-01-04T25:99:00")]
    [InlineData("2019-01-04 garbage")]
    [InlineData("01/04/2019")] // ambiguous: January or April
    [InlineData("January 2019")] // no day: never invent one
    [InlineData("2019")]
    [InlineData("1546596000")] // unix time is not a date format we accept
    [InlineData("Friday")]
    [InlineData("Friday, January 4, 2019 and more words")]
    [InlineData("Kazakhstan on Saturday confirmed")]
    [InlineData("0019-01-04")]
    public void RejectsInvalidOrAmbiguous(string? text)
    {
        Assert.Null(DateParsing.ToIsoDate(text));
    }

    [Theory]
    [InlineData("https://www.reuters.com/business/1991/03/16/slug-1", "1991-03-16")]
    [InlineData("https://example.com/2024/3/9/story", "2024-03-09")]
    [InlineData("https://example.com/news/2024-03-09/story", "2024-03-09")]
    [InlineData("https://example.com/news/2024-03-09-story-title", "2024-03-09")]
    [InlineData("https://example.com/2024/03/09", "2024-03-09")]
    public void FindsDatesInUrlPaths(string url, string expected)
    {
        Assert.Equal(expected, DateParsing.FromUrl(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://example.com/2024/03/story")] // no day
    [InlineData("https://example.com/2024/13/40/story")]
    [InlineData("https://example.com/story?d=2024/03/09")] // query, not path
    [InlineData("https://en.wikinews.org//wiki/Magnitogorsk_apartment_building_collapses")]
    [InlineData("https://example.com/items/20240309123")]
    public void NoDateInUrl(string? url)
    {
        Assert.Null(DateParsing.FromUrl(url));
    }

    [Fact]
    public void DatelineOnItsOwnLine()
    {
        string body = "Friday, January 4, 2019\n\nAn apartment building collapsed.";
        Assert.True(DateParsing.TryDateline(body, out string iso, out int end));
        Assert.Equal("2019-01-04", iso);
        Assert.Equal("Friday, January 4, 2019".Length, end);
    }

    [Fact]
    public void DatelineStartingAParagraph()
    {
        string body = "  January 4, 2019 — Rescuers worked through the night.";
        Assert.True(DateParsing.TryDateline(body, out string iso, out int end));
        Assert.Equal("2019-01-04", iso);
        Assert.Equal("  January 4, 2019".Length, end);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Kazakhstan on Saturday confirmed the deaths.")]
    [InlineData("In 2019 things happened on January 4.")]
    public void NoDateline(string body)
    {
        Assert.False(DateParsing.TryDateline(body, out _, out _));
    }
}
