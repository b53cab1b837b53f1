using Search.Core.Ingest;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest;

/// <summary>Metadata a plain-text article states in lines of its own, read through the text reader
/// and the indexer's enrichment as `search index` reads a .txt file.</summary>
public class TextPreambleTests
{
    private const string Body = "Dock workers in Aarhus returned to work on Friday after a three-week strike over pay.\n" +
                                "The union said the deal gave members a 4.5 per cent raise over two years.\n";

    private readonly TextArticleReader _reader = new();

    [Fact]
    public void AHeaderOfKeysAtTheTopFillsTheFieldsAndIsNotText()
    {
        Article a = ReadOneText(_reader, "a.txt",
            "Title: Harbour strike ends after three weeks\nAuthor: Maria Jensen\nDate: 2024-03-15\nSource: The Copenhagen Post\nSection: Business\n\n" + Body);
        Assert.Equal("Harbour strike ends after three weeks", a.Title);
        Assert.Equal("Maria Jensen", a.Author);
        Assert.Equal("2024-03-15", a.Published);
        Assert.Equal("The Copenhagen Post", a.Source);
        Assert.Equal("business", a.Section);
        Assert.StartsWith("Dock workers in Aarhus", a.Body);
        Assert.DoesNotContain("Maria", a.Body);
    }

    [Fact]
    public void AHeaderInAnotherLanguageWithExportBookkeepingIsReadWhole()
    {
        Article a = ReadOneText(_reader, "b.txt",
            "Titel: Hafenstreik beendet\nAutor: Maria Jensen\nDatum: 15.03.2024\nLength: 523 words\nLoad-Date: March 16, 2024\n\n" + Body);
        Assert.Equal("Hafenstreik beendet", a.Title);
        Assert.Equal("Maria Jensen", a.Author);
        Assert.Equal("2024-03-15", a.Published);
        Assert.DoesNotContain("523 words", a.Body);
        Assert.DoesNotContain("Load-Date", a.Body);
    }

    [Fact]
    public void ABylineAndADateLineUnderTheTitleAreAuthorAndDate()
    {
        Article a = ReadOneText(_reader, "c.txt", "Harbour strike ends after three weeks\n\nBy Maria Jensen, Staff Writer\nMarch 15, 2024\n\n" + Body);
        Assert.Equal("Harbour strike ends after three weeks", a.Title);
        Assert.Equal("Maria Jensen", a.Author);
        Assert.Equal("2024-03-15", a.Published);
        Assert.StartsWith("Dock workers in Aarhus", a.Body);
    }

    [Fact]
    public void ADateLineRightUnderAShortTitleIsNotPartOfTheTitle()
    {
        Article a = ReadOneText(_reader, "d.txt", "HARBOUR STRIKE ENDS\n15/03/2024 10:39 CET\n\n" + Body);
        Assert.Equal("HARBOUR STRIKE ENDS", a.Title);
        Assert.Equal("2024-03-15", a.Published);
        Assert.StartsWith("Dock workers", a.Body);
    }

    [Fact]
    public void ADateLineAboveTheTitleIsTheDate()
    {
        Article a = ReadOneText(_reader, "e.txt", "Updated: 15 March 2024\nHarbour strike ends after three weeks\n\n" + Body);
        Assert.Equal("Harbour strike ends after three weeks", a.Title);
        Assert.Equal("2024-03-15", a.Published);
    }

    [Fact]
    public void AnAmbiguousDateLineIsReadInTheOrderTheFileIsGiven()
    {
        Article a = ReadOneText(_reader, "f.txt", "Harbour strike ends\n03/04/2024\n\n" + Body);
        Assert.Equal("Harbour strike ends", a.Title);
        Assert.Null(a.Published); // March or April: not guessed (--date-order decides)
        Assert.DoesNotContain("03/04/2024", a.Body);
    }

    [Fact]
    public void ProseThatLooksLikeAKeyOrABylineStaysText()
    {
        Article a = ReadOneText(_reader, "g.txt",
            "Harbour strike ends\n\nSource: a senior official said the strike would end within days, and it did.\n\nBy Friday the port was open again.\n");
        Assert.Null(a.Source);
        Assert.Null(a.Author);
        Assert.StartsWith("Source: a senior official said", a.Body);
        Assert.Contains("By Friday the port was open again.", a.Body);
    }

    [Fact]
    public void OneKeyWhoseValueIsNotWhatItPromisesIsNoHeader()
    {
        Article a = ReadOneText(_reader, "h.txt", "Date: the day the port reopened\n\n" + Body);
        Assert.Equal("Date: the day the port reopened", a.Title);
        Assert.Null(a.Published);
    }

    [Fact]
    public void ABodyKeyStartsTheTextWithoutItsLabel()
    {
        Article a = ReadOneText(_reader, "i.txt", "Headline: Harbour strike ends\nByline: Maria Jensen\nText: Dock workers returned to work on Friday.\nThe union said so.\n");
        Assert.Equal("Harbour strike ends", a.Title);
        Assert.Equal("Maria Jensen", a.Author);
        Assert.Equal("Dock workers returned to work on Friday. The union said so.", a.Body);
    }

    [Fact]
    public void TheSeedsWrappedTitleStillJoins()
    {
        Article a = ReadOneText(_reader, "j.txt", " 2 Kazakhs Killed in Russian Anti-Terror\nOperation\n Kazakhstan on Saturday confirmed the deaths.\n");
        Assert.Equal("2 Kazakhs Killed in Russian Anti-Terror Operation", a.Title);
    }

    [Theory]
    [InlineData("By Maria Jensen", "Maria Jensen")]
    [InlineData("By Maria Jensen and Ole Hansen", "Maria Jensen, Ole Hansen")]
    [InlineData("Von Anna Schmidt, Berlin", "Anna Schmidt, Berlin")]
    [InlineData("By Friday the port was open.", null)]
    [InlineData("By the end of the week, workers had returned", null)]
    [InlineData("Bystanders watched", null)]
    public void Bylines(string line, string? author)
    {
        Assert.Equal(author, TextPreamble.Byline(line));
    }

    [Theory]
    [InlineData("15 March 2024", true)]
    [InlineData("Published: Friday, March 15, 2024 10:39 GMT", true)]
    [InlineData("2024-03-15T10:39:00Z", true)]
    [InlineData("1710499140", false)]
    [InlineData("March 15, 2024 was the day the strike ended", false)]
    public void DateLines(string line, bool isDate)
    {
        Assert.Equal(isDate, TextPreamble.IsDateLine(line));
    }
}
