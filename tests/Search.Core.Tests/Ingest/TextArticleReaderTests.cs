using System.Text;
using Search.Core.Ingest;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest;

public class TextArticleReaderTests
{
    private readonly TextArticleReader _reader = new();

    private Article ReadSeed() =>
        ReadOne(_reader, SourceFor(RepoPaths.Seeds, "000_9ea3fcf4dd3ee866.txt"));

    [Fact]
    public void SeedTitleIsJoinedFromItsTwoWrappedLines()
    {
        Assert.Equal("2 Kazakhs Killed in Russian Anti-Terror Operation", ReadSeed().Title);
    }

    [Fact]
    public void SeedAuthorPageGivesSourceAndAuthor()
    {
        Article a = ReadSeed();
        Assert.Equal("themoscowtimes.com", a.Source);
        Assert.Equal("AFP", a.Author);
        Assert.Equal("https://www.themoscowtimes.com/author/afp-2", a.AuthorUrl);
    }

    [Fact]
    public void SeedCitedUrlIsALinkNotTheArticleUrl()
    {
        Article a = ReadSeed();
        Assert.Null(a.Url);
        Assert.Equal(["gov.kz"], a.Links);
        Assert.Equal(["https://www.gov.kz/memleket/entities/knb/press/news/details/722618?lang=ru"], a.LinkUrls);
    }

    [Fact]
    public void SeedRelatedArticleIsKeptOutOfTheBody()
    {
        Article a = ReadSeed();
        Assert.Equal(["U.S. Embassy in Moscow Warns of 'Imminent' Terrorist Attack"], a.Related);
        Assert.DoesNotContain("Related article", a.Body);
    }

    [Fact]
    public void SeedBodyIsRunningTextInParagraphs()
    {
        Article a = ReadSeed();
        Assert.StartsWith("Kazakhstan on Saturday confirmed the deaths of two of its citizens in an anti-terrorism operation in Russia that Moscow claims prevented", a.Body);
        Assert.Contains("anti-terrorism operation in Russia that Moscow claims", a.Body);
        Assert.Contains("Islamic State-Khorasan Province", a.Body);
        Assert.DoesNotContain("http", a.Body);
        Assert.DoesNotContain("Operation Kazakhstan", a.Body);
        Assert.EndsWith("have fought alongside IS, according to official figures.", a.Body);
        string[] paragraphs = a.Body.Split("\n\n");
        Assert.Equal(10, paragraphs.Length);
        Assert.All(paragraphs, p => Assert.DoesNotContain('\n', p));
        Assert.All(paragraphs, p => Assert.Equal(p.Trim(), p));
    }

    [Fact]
    public void SeedHasNoDateAndNoSection()
    {
        Article a = ReadSeed();
        Assert.Null(a.Published);
        Assert.Null(a.Section);
        Assert.Equal("000_9ea3fcf4dd3ee866.txt", a.Id);
        Assert.Equal("000_9ea3fcf4dd3ee866.txt", a.File);
        Assert.Null(a.Record);
    }

    [Fact]
    public void WordSplitAtALineEndIsRejoinedButCompoundsKeepTheirHyphen()
    {
        Article a = ReadOneText(_reader, "h.txt",
            "Hyphen test\n\nThe anti-terror opera-\ntion was part of a long-\nrunning Islamic State-\nKhorasan case in the Covid-\n19 era - \nwith a dash.\n");
        Assert.Equal("The anti-terror operation was part of a longrunning Islamic State-Khorasan case in the Covid-19 era - with a dash.", a.Body);
    }

    [Fact]
    public void MakeCorpusLayoutWrappedTitleAuthorPageThenArticleUrl()
    {
        // As written by make-corpus.py --format txt: title wrapped at 60 columns, blank line,
        // paragraphs wrapped at 90, then the author page and the article URL.
        Article a = ReadOneText(_reader, "00000/00000007.txt",
            "Brazil Says Talks With Creditor Banks On Foreign Debt Going\nWell After Week Of Meetings\n\n" +
            "The World Bank said it approved a 97.4 mln dlr loan for China to help boost fertilizer\n" +
            "output in order to increase agricultural production.\n\n" +
            "\"The danger that exports will slump in 1987 appears, all in all, limited,\" the report\nsaid.\n\n" +
            "https://www.reuters.com/author/anna-petrova\n" +
            "https://www.reuters.com/business/1991/03/16/brazil-says-talks-with-creditor-banks-7\n");
        Assert.Equal("Brazil Says Talks With Creditor Banks On Foreign Debt Going Well After Week Of Meetings", a.Title);
        Assert.Equal("https://www.reuters.com/business/1991/03/16/brazil-says-talks-with-creditor-banks-7", a.Url);
        Assert.Equal("Anna Petrova", a.Author);
        Assert.Equal("reuters.com", a.Source);
        Assert.Equal("1991-03-16", a.Published);
        Assert.Empty(a.LinkUrls);
        Assert.Empty(a.Links);
        Assert.Null(a.Section); // 00000 is a bucket folder, not a section
        Assert.Equal(2, a.Body.Split("\n\n").Length);
        Assert.EndsWith("limited,\" the report said.", a.Body);
    }

    [Fact]
    public void ArticleUrlWithoutAuthorPageIsTakenAtTheEndButMidBodyUrlsAreLinks()
    {
        Article a = ReadOneText(_reader, "a.txt",
            "Short title\n\nFirst paragraph.\n\nhttps://example.org/report.pdf\n\nSecond paragraph.\n\nhttps://news.example.com/2020/05/01/the-story\n");
        Assert.Equal("https://news.example.com/2020/05/01/the-story", a.Url);
        Assert.Equal(["https://example.org/report.pdf"], a.LinkUrls);
        Assert.Equal(["example.org"], a.Links);
        Assert.Equal("news.example.com", a.Source);
        Assert.Equal("First paragraph.\n\nSecond paragraph.", a.Body);
    }

    [Fact]
    public void BbcLayoutTitleBlankLineThenOneParagraphPerLine()
    {
        Article a = ReadOneText(_reader, "business/001.txt",
            "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to December, from $639m year-earlier.\n\n" +
            "The firm, which is now one of the biggest investors in Google, benefited from sales of high-speed internet connections and higher advert sales.\n");
        Assert.Equal("Ad sales boost Time Warner profit", a.Title);
        Assert.Equal("business", a.Section);
        Assert.Equal(2, a.Body.Split("\n\n").Length);
        Assert.StartsWith("Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m)", a.Body);
        Assert.Null(a.Source);
    }

    [Fact]
    public void LinesThatWouldLeaveNoTextAreNotAWrappedTitle()
    {
        Article a = ReadOneText(_reader, "x.txt", "Harbour strike ends after three weeks\nUnion and port agree on a raise of 4.5 per cent\n");
        Assert.Equal("Harbour strike ends after three weeks", a.Title);
        Assert.Equal("Union and port agree on a raise of 4.5 per cent", a.Body);
    }

    [Fact]
    public void LongLinesWithoutBlankLinesAreSeparateParagraphs()
    {
        string p1 = string.Join(' ', Enumerable.Repeat("First paragraph words.", 10));
        string p2 = string.Join(' ', Enumerable.Repeat("Second paragraph words.", 10));
        Article a = ReadOneText(_reader, "x.txt", $"Title\n\n{p1}\n{p2}\n");
        Assert.Equal($"{p1}\n\n{p2}", a.Body);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void LineEndingsDoNotMatter(string eol)
    {
        string text = string.Join(eol, "  A wrapped", "title here", "", "Body line one", "continues here.", "", "Second.", "", "https://www.example.com/author/jane-doe-3", "");
        Article a = ReadOneText(_reader, "e.txt", text);
        Assert.Equal("A wrapped title here", a.Title);
        Assert.Equal("Body line one continues here.\n\nSecond.", a.Body);
        Assert.Equal("Jane Doe", a.Author);
        Assert.Equal("example.com", a.Source);
    }

    /// <summary>Where the title stops and the body starts: with no blank line after the title, a
    /// title that could be read as a sentence or as the start of a wrapped one, white space around.</summary>
    [Theory]
    // a long body line straight after the title is not a wrapped title
    [InlineData("Markets rally\nShares rose sharply on Monday as investors welcomed the news from the central bank and\nbought.\n",
        "Markets rally", "Shares rose sharply on Monday as investors welcomed the news from the central bank and bought.")]
    // a title ending a sentence is not continued
    [InlineData("Is this the end?\nNo, said everyone\n", "Is this the end?", "No, said everyone")]
    // a wrapped title may end with a period
    [InlineData("Barclays Bank Said It Cutting Base Lending Rate To 10.5 Pct\nFrom 11 Pct.\n\nThe cut takes effect tomorrow.\n",
        "Barclays Bank Said It Cutting Base Lending Rate To 10.5 Pct From 11 Pct.", "The cut takes effect tomorrow.")]
    // a short title over a one-sentence body, no blank line between
    [InlineData("Rates cut\nThe bank cut rates.\n", "Rates cut", "The bank cut rates.")]
    // white space before, around and after the text is ignored
    [InlineData("\n\n   \t\n  Title  \n\n   Body text.   \n\n\n  \n", "Title", "Body text.")]
    public void TitleAndBodyAreToldApart(string text, string title, string body)
    {
        Article a = ReadOneText(_reader, "a.txt", text);
        Assert.Equal(title, a.Title);
        Assert.Equal(body, a.Body);
    }

    [Fact]
    public void OneVeryLongLineIsBodyWithAnExcerptTitle()
    {
        string line = string.Join(' ', Enumerable.Repeat("lorem ipsum dolor", 20_000));
        Article a = ReadOneText(_reader, "long.txt", line);
        Assert.Equal(line, a.Body);
        Assert.EndsWith("…", a.Title);
        Assert.True(a.Title.Length <= 101);
        Assert.StartsWith("lorem ipsum dolor lorem", a.Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\t\n   ")]
    public void EmptyOrWhitespaceOnlyFileIsSkippedAsEmpty(string content)
    {
        using var dir = new TempDir();
        ReadItem item = Assert.Single(_reader.Read(WriteText(dir, "e.txt", content)));
        Assert.Null(item.Article);
        Assert.Equal(new RecordProblem(RecordProblem.WholeFile, "empty file"), item.Problem);
    }

    [Fact]
    public void BinaryContentIsSkipped()
    {
        using var dir = new TempDir();
        ReadItem item = Assert.Single(_reader.Read(WriteBytes(dir, "b.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A])));
        Assert.Equal("binary file", item.Problem?.Reason);
    }

    [Fact]
    public void Windows1252FileIsDecoded()
    {
        using var dir = new TempDir();
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Fee row\n\nA "), 0xA3, .. Encoding.ASCII.GetBytes("15.8m "), 0x93, (byte)'d', (byte)'e', (byte)'a', (byte)'l', 0x94];
        Article a = ReadOne(_reader, WriteBytes(dir, "sport/1.txt", bytes));
        Assert.Equal("A £15.8m “deal”", a.Body);
    }

    [SharedFact]
    public void SharedBbcFilesReadIncludingLatin1()
    {
        string root = SharedCorpus.Path("corpora", "bbc");
        Article business = ReadOne(_reader, SourceFor(root, "business/001.txt"));
        Assert.Equal("Ad sales boost Time Warner profit", business.Title);
        Assert.Equal("business", business.Section);
        Assert.Contains("$1.13bn (£600m)", business.Body);

        // sport/199.txt is Latin-1: a raw 0xA3 pound sign.
        Article sport = ReadOne(_reader, SourceFor(root, "sport/199.txt"));
        Assert.Equal("Chelsea sack Mutu", sport.Title);
        Assert.Equal("sport", sport.Section);
        Assert.Contains("£15.8m", sport.Body);
        Assert.DoesNotContain('\uFFFD', sport.Body);
    }

    [SharedFact]
    public void SharedBbcCorpusReadsWithoutProblems()
    {
        string root = SharedCorpus.Path("corpora", "bbc");
        int count = 0;
        foreach (string path in Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories))
        {
            var file = SourceFor(root, Path.GetRelativePath(root, path));
            Article a = ReadOne(_reader, file);
            Assert.False(string.IsNullOrWhiteSpace(a.Title), file.RelativePath);
            Assert.False(string.IsNullOrWhiteSpace(a.Body), file.RelativePath);
            Assert.True(a.Title.Length < 120, file.RelativePath + ": " + a.Title);
            count++;
        }
        Assert.True(count > 2000);
    }
}
