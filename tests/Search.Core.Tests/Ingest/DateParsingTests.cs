using Search.Core.Ingest;
using Xunit;

namespace Search.Core.Tests.Ingest;

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
    [InlineData("Fri, 4 Jan 2019 10:00:00 +0100 (CET)", "2019-01-04")] // RSS and mail: the zone's name as a comment
    [InlineData("Fri, 4 Jan 2019 10:00:00 -0500 (Eastern Standard Time)", "2019-01-04")]
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
    [InlineData("1546596000", "2019-01-04")] // Unix seconds (2019-01-04T10:00:00Z), the UTC day
    [InlineData("1546596000000", "2019-01-04")] // Unix milliseconds
    [InlineData("1546596000.123456", "2019-01-04")] // Unix seconds with a fraction, as Python's time.time() writes them
    [InlineData("13/04/2021", "2021-04-13")] // 13 can only be the day
    [InlineData("04/13/2021", "2021-04-13")] // ... in either place
    [InlineData("04/04/2021 10:30", "2021-04-04")] // same either way
    [InlineData("2020-03-01 23:30:00 UTC", "2020-03-01")] // BigQuery's and many exports' form
    [InlineData("2020-03-01T23:30:00 GMT", "2020-03-01")]
    [InlineData("2020-03-01 23:30 EST", "2020-03-01")]
    [InlineData("07.03.2021", "2021-03-07")] // dots: day first wherever dots are used
    [InlineData("7.3.2021 14:05", "2021-03-07")]
    [InlineData("20190104", "2019-01-04")] // ISO 8601 basic form (GDELT's SQLDATE)
    [InlineData("20190104103000", "2019-01-04")] // GDELT's DATEADDED
    [InlineData("20190104T103000Z", "2019-01-04")]
    [InlineData("20190104T1030", "2019-01-04")]
    public void ParsesKnownForms(string text, string expected)
    {
        Assert.Equal(expected, DateParsing.ToIsoDate(text));
    }

    // Stated dates as German, French, Spanish, Italian, Portuguese, Dutch and Russian exports and
    // pages write them; before, every one of them was "not read" and the article went undated.
    [Theory]
    [InlineData("3. Dezember 2024", "2024-12-03")]
    [InlineData("Dienstag, 3. Dezember 2024", "2024-12-03")]
    [InlineData("03. Dez. 2024, 17:41 Uhr", "2024-12-03")]
    [InlineData("3. März 2024 um 17:41 Uhr", "2024-03-03")]
    [InlineData("mardi 3 décembre 2024", "2024-12-03")]
    [InlineData("1er décembre 2024 à 17h41", "2024-12-01")]
    [InlineData("3 juil. 2024", "2024-07-03")]
    [InlineData("martes, 3 de diciembre de 2024", "2024-12-03")]
    [InlineData("3 de dezembro de 2024", "2024-12-03")]
    [InlineData("3 dicembre 2024", "2024-12-03")]
    [InlineData("3 mei 2024", "2024-05-03")]
    [InlineData("3 декабря 2024 г.", "2024-12-03")]
    [InlineData("3 декабря 2024 года, 17:41", "2024-12-03")]
    [InlineData("04-Jan-2019", "2019-01-04")] // Oracle's and spreadsheets' DD-MON-YYYY
    [InlineData("04-dic-2019", "2019-12-04")]
    [InlineData("Mar 3, 2024", "2024-03-03")] // English abbreviations are still English
    public void ParsesMonthNamesOfOtherLanguages(string text, string expected)
    {
        Assert.Equal(expected, DateParsing.ToIsoDate(text));
    }

    [Theory]
    [InlineData("3 jui 2024")] // juin or juillet?
    [InlineData("Dezember 2024")] // no day
    [InlineData("3 Dezember")] // no year
    [InlineData("3 de diciembre de 2024 de la tarde")]
    [InlineData("04-Jan-19")] // two-digit year
    [InlineData("de 3 diciembre 2024")] // a little word cannot open a date
    public void ReadsNoDateFromPartsOfOneInAnotherLanguage(string text)
    {
        Assert.Null(DateParsing.ToIsoDate(text));
    }

    [Fact]
    public void A_date_in_another_language_opening_a_body_is_not_its_dateline()
    {
        // FactRuEval's stories open on the day they tell of, not the day they were published.
        Assert.False(DateParsing.TryDateline("27 марта 2013 года было объявлено, что банк покупает бизнес.", out _, out _));
        Assert.Equal("2013-03-27", DateParsing.ToIsoDate("27 марта 2013 года"));
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
    [InlineData("20191304")] // basic form, but no month 13
    [InlineData("2019010")] // seven digits: neither a basic date nor Unix time
    [InlineData("20190104250000")] // no hour 25
    [InlineData("20190104T10")]
    [InlineData("2020-03-01 23:30:00 Tomorrow")]
    [InlineData("04/03/19")] // two-digit year
    [InlineData("Friday")]
    [InlineData("Friday, January 4, 2019 and more words")]
    [InlineData("Kazakhstan on Saturday confirmed")]
    [InlineData("0019-01-04")]
    public void RejectsInvalidOrAmbiguous(string? text)
    {
        Assert.Null(DateParsing.ToIsoDate(text));
    }

    [Theory]
    [InlineData("07.03.2021", false)] // dots are read day first
    [InlineData("07-03-2021", true)]
    [InlineData("03/04/2021 08:00", true)]
    [InlineData("31.03.2021", false)] // read: no month 31
    [InlineData("03/03/2021", false)] // read: the same day either way
    [InlineData("2021-03-07", false)]
    [InlineData("2021-13-01", false)] // no order reads it
    [InlineData("32.03.2021", false)]
    [InlineData("Friday", false)]
    [InlineData(null, false)]
    public void Ambiguous_dates_are_those_only_a_date_order_reads(string? text, bool ambiguous)
    {
        Assert.Equal(ambiguous, DateParsing.IsAmbiguous(text));
    }

    [Theory]
    [InlineData("03/04/2021", DateOrder.MonthFirst, "2021-03-04")]
    [InlineData("03/04/2021", DateOrder.DayFirst, "2021-04-03")]
    [InlineData("3.4.2021", DateOrder.DayFirst, "2021-04-03")]
    [InlineData("3.4.2021", DateOrder.MonthFirst, "2021-03-04")] // asked for: month first, dots too
    [InlineData("03-04-2021 08:00", DateOrder.MonthFirst, "2021-03-04")]
    [InlineData("13/04/2021", DateOrder.MonthFirst, "2021-04-13")] // no month 13: the order cannot force it
    [InlineData("02/30/2021", DateOrder.MonthFirst, null)] // no February 30
    [InlineData("03/04/2021", DateOrder.Unknown, null)] // not guessed
    public void AllNumberDatesFollowTheDateOrder(string text, DateOrder order, string? expected)
    {
        Assert.Equal(expected, DateParsing.ToIsoDate(text, order));
    }

    [Fact]
    public void A_number_at_the_start_of_a_body_is_not_a_dateline()
    {
        Assert.False(DateParsing.TryDateline("1546596000 people were counted.", out _, out _));
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
