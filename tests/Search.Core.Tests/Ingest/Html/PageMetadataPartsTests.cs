using AngleSharp.Html.Parser;
using Search.Core.Ingest.Html;
using Xunit;

namespace Search.Core.Tests.Ingest.Html;

public class PageMetadataPartsTests
{
    [Theory]
    [InlineData("By Jane Smith", "Jane Smith")]
    [InlineData("Written by: Jane Smith | Reuters", "Jane Smith")]
    [InlineData("Par Alexandre Hervaud et Jérémy Piette", "Alexandre Hervaud, Jérémy Piette")]
    [InlineData("By Alissa Wilkinson@alissamarie Updated Jul 24", "Alissa Wilkinson")]
    [InlineData("Laura June Topolsky July 10, 2015", "Laura June Topolsky")]
    [InlineData("Ben Silverman jane@example.com", "Ben Silverman")]
    [InlineData("21.dez.2018 às 10h55", "")]
    [InlineData("作者：", "")]
    [InlineData("By", "")]
    [InlineData("Biography", "")]
    [InlineData("humans.txt", "")]
    [InlineData("admin", "")]
    [InlineData("Senior Contributor", "")]
    [InlineData("Monday", "")]
    [InlineData("BBC News", "BBC News")]
    [InlineData("HNN Staff", "")] // a desk, not a person
    [InlineData("Practical Horseman Editorial Staff", "")]
    [InlineData("Reuters Staff", "Reuters")] // an agency's desk is the agency
    [InlineData("Jane Smith, AFP Bureau", "Jane Smith, AFP")]
    [InlineData("KWCHCIK", "")] // a station's call sign
    [InlineData("WXYZ-TV", "")]
    [InlineData("WRIGHT", "WRIGHT")] // a surname in capitals is not a call sign
    [InlineData("KELLER", "KELLER")]
    [InlineData("The Water Coolest", "")] // a brand signing: "The …" is never a person
    [InlineData("The Motley Fool", "")]
    [InlineData("The Associated Press", "The Associated Press")] // an agency
    [InlineData("The Washington Post", "The Washington Post")] // a publication whose copy is printed
    [InlineData("The Conversation", "The Conversation")]
    [InlineData("LISA MASCARO, MARY CLARE JALONICK, ERIC TUCKERAssociated Press", "LISA MASCARO, MARY CLARE JALONICK, ERIC TUCKER, Associated Press")]
    [InlineData("Phil HelselPhil Helsel is a reporter for NBC News.", "Phil Helsel")]
    [InlineData("Michael HiltzikBusiness Columnist", "Michael Hiltzik")]
    [InlineData("STEVE PEOPLES, AP National Political Writer", "STEVE PEOPLES")]
    [InlineData("Analysis by Chris Cillizza, CNN Editor-at-large", "Chris Cillizza")]
    [InlineData("Rodrigo Campos5 Min Read", "Rodrigo Campos")]
    [InlineData("Sean Martin Sean Martin", "Sean Martin")]
    [InlineData("Текст: Лида Буслаева", "Лида Буслаева")]
    [InlineData("Von Max Mustermann, dpa", "Max Mustermann, dpa")] // an agency written small is not a user name
    [InlineData("von der Leyen", "von der Leyen")] // the "von" of a name is not German "by"
    [InlineData("Von Anna Schmidt und Jan Weber", "Anna Schmidt, Jan Weber")]
    [InlineData("LinkNaija", "LinkNaija")]
    [InlineData("Kevin McCoy, Sandee LaMotte", "Kevin McCoy, Sandee LaMotte")]
    [InlineData("Ilana Muhlstein, MS, RDN", "Ilana Muhlstein")]
    [InlineData("Jane Smith, PhD", "Jane Smith")]
    [InlineData("Staff Reports", "")]
    public void BylinesLoseWhatSurroundsTheNames(string raw, string expected) => Assert.Equal(expected, Bylines.Clean(raw));

    [Theory]
    [InlineData("Business", "Business")]
    [InlineData("News - News", "News")]
    [InlineData("Blog Briefing Room - News", "Blog Briefing Room")]
    [InlineData("Sci-Tech", "Sci-Tech")]
    [InlineData("post", null)]
    [InlineData("articles", null)]
    [InlineData("All", null)]
    [InlineData("Uncategorized", null)]
    [InlineData("gizmodo.com", null)]
    public void SectionsAreLabelsReadersFileStoriesUnder(string raw, string? expected) => Assert.Equal(expected, Sections.Label(raw));

    [Fact]
    public void AFactChecksClaimantIsNotItsAuthor()
    {
        const string page = """
            <html><head><title>Fact check: the convoy claim</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"ClaimReview",
              "claimReviewed":"US forces block the convoy","author":{"@type":"Organization","name":"Example Checks"},
              "itemReviewed":{"@type":"CreativeWork","author":{"@type":"Person","name":"The Russian and Syrian defense ministries"}}}</script>
            </head><body><article><h1>Fact check: the convoy claim</h1>
            <p>The ministries said on Monday that the convoy had been stopped by forces at the border, a claim that reporters on the ground could not confirm in any way.</p>
            <p>Families in the camp told reporters that they were free to leave, and aid workers said the convoy stayed for the whole of its planned visit.</p>
            </article></body></html>
            """;
        var extracted = HtmlExtractor.Extract(System.Text.Encoding.UTF8.GetBytes(page));
        Assert.DoesNotContain("Russian", extracted.Metadata.Author ?? "", StringComparison.Ordinal);
        Assert.Contains("The Russian and Syrian defense ministries", JsonLdArticle.ReviewedAuthors(new HtmlParser().ParseDocument(page)));
    }

    [Theory]
    [InlineData("Flood waters rise | The Example Herald", "The Example Herald", "Flood waters rise")]
    [InlineData("The Example Herald | Flood waters rise", "The Example Herald", "Flood waters rise")]
    [InlineData("Flood waters rise | example-herald", null, "Flood waters rise")]
    [InlineData("Flood waters rise | Weather", "The Example Herald", "Flood waters rise | Weather")]
    [InlineData("Flood waters rise - The Example Herald", "The Example Herald", "Flood waters rise")]
    [InlineData("Flood waters rise – example-herald", null, "Flood waters rise")]
    [InlineData("The Example - Flood waters rise", "The Example Herald", "The Example - Flood waters rise")]
    public void TitlesLoseTheSiteNameAfterAPipeOrADash(string title, string? site, string expected) =>
        Assert.Equal(expected, Titles.WithoutSiteName(title, site, "https://www.example-herald.com/x"));

    [Theory]
    [InlineData("Council shuts the pool - Town News", "Council shuts the pool", "Council shuts the pool")]
    [InlineData("Town News | Council shuts the pool", "Council shuts the pool", "Council shuts the pool")]
    [InlineData("Hong Kong - the long view", "Hong Kong", "Hong Kong - the long view")]
    [InlineData("Council shuts the pool - what the decision means for swimmers this summer", "Council shuts the pool", "Council shuts the pool - what the decision means for swimmers this summer")]
    [InlineData("Council shuts the pool", null, "Council shuts the pool")]
    public void TitlesAreThePagesHeadlineWhenTheRestIsShort(string title, string? h1, string expected) =>
        Assert.Equal(expected, Titles.PreferHeadline(title, h1));

    [Fact]
    public void UtcTimestampsGiveWayToThePublishersOwnOffset()
    {
        Assert.Equal("2017-02-23", StatedDates.Choose(["2017-02-24T01:18:13Z", "2017-02-23T17:18:13-08:00"]));
        Assert.Equal("2017-02-24", StatedDates.Choose(["2017-02-24T01:18:13Z", "2017-01-03T17:18:13-08:00"])); // not the same moment
        Assert.Equal("2017-02-24", StatedDates.Choose([null, "not a date", "2017-02-24"]));
        Assert.Null(StatedDates.Choose(["soon"]));
    }

    [Fact]
    public void JsonLdIsFoundInGraphsArraysAndBrokenWrappers()
    {
        var parser = new HtmlParser();
        JsonLdArticle? Find(string json) => JsonLdArticle.Find(parser.ParseDocument($"<html><head><script type=\"application/ld+json\">{json}</script></head></html>"));
        Assert.Equal("A", Find("""[{"@type":"Organization","name":"X"},{"@type":"NewsArticle","headline":"A"}]""")?.Headline);
        Assert.Equal("B", Find("""{"@graph":[{"@type":["ReportageNewsArticle"],"headline":"B",}]}""")?.Headline);
        Assert.Equal(["Ann Lee"], Find("""<!--{"@type":"Article","headline":"C","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Organization","name":"Wire"}]}-->""")?.Authors);
        Assert.Null(Find("""{"@type":"Article", "headline": """));
    }

    [Fact]
    public void DeclaredCharsetIsReadFromMetaTagsAndXmlDeclarations()
    {
        Assert.Equal("koi8-r", HtmlCharset.Declared("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\">"u8)?.WebName);
        Assert.Equal("shift_jis", HtmlCharset.Declared("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><html>"u8)?.WebName);
        Assert.Equal("windows-1252", HtmlCharset.Declared("<meta charset=iso-8859-1>"u8)?.WebName);
        Assert.Null(HtmlCharset.Declared("<meta charset=\"x-unknown\">"u8));
    }
}
