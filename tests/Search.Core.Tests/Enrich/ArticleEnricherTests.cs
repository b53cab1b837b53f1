using Search.Core.Enrich;
using Search.Core.Ingest;
using Xunit;

namespace Search.Core.Tests.Enrich;

public class ArticleEnricherTests
{
    private static readonly SourceFile TopLevel = new("/r/a.jsonl", "a.jsonl", "/r");

    private static Article Enriched(Article a, SourceFile? file = null)
    {
        ArticleEnricher.Enrich(a, file ?? TopLevel);
        return a;
    }

    [Fact]
    public void SourceComesFromStatedSourceThenArticleUrlThenAuthorPage()
    {
        Assert.Equal("Reuters", Enriched(new Article { Source = " Reuters ", Url = "https://www.bbc.co.uk/a/b" }).Source);
        Assert.Equal("bbc.co.uk", Enriched(new Article { Source = "www.BBC.co.uk" }).Source);
        Assert.Equal("bbc.co.uk", Enriched(new Article { Source = "https://www.bbc.co.uk/news" }).Source);
        Assert.Equal("bbc.co.uk", Enriched(new Article { Url = "https://www.bbc.co.uk/a/b", AuthorUrl = "https://cnn.com/author/x" }).Source);
        Assert.Equal("themoscowtimes.com", Enriched(new Article { AuthorUrl = "https://www.themoscowtimes.com/author/afp-2" }).Source);
        Assert.Null(Enriched(new Article()).Source);
    }

    [Fact]
    public void AuthorAndTitleWhitespaceIsCollapsed()
    {
        Article a = Enriched(new Article { Title = "  A \t title\n", Author = "  Jane \u00A0 Doe " });
        Assert.Equal("A title", a.Title);
        Assert.Equal("Jane Doe", a.Author);
        Assert.Null(Enriched(new Article { Author = "   " }).Author);
    }

    [Fact]
    public void SectionFromFieldElseTopFolderLowerCased()
    {
        Assert.Equal("world news", Enriched(new Article { Section = " World News " }, new SourceFile("/r/Business/1.txt", "Business/1.txt", "/r")).Section);
        Assert.Equal("business", Enriched(new Article(), new SourceFile("/r/Business/1.txt", "Business/1.txt", "/r")).Section);
        Assert.Null(Enriched(new Article()).Section);
        Assert.Null(Enriched(new Article(), new SourceFile("/r/00012/1.txt", "00012/1.txt", "/r")).Section);
    }

    [Fact]
    public void FoldersOfPagesAndFormatNamedFoldersAreNotSections()
    {
        Assert.Null(Enriched(new Article(), new SourceFile("/r/html/1.html.gz", "html/1.html.gz", "/r")).Section);
        Assert.Null(Enriched(new Article(), new SourceFile("/r/Business/1.html", "Business/1.html", "/r")).Section);
        Assert.Null(Enriched(new Article(), new SourceFile("/r/saved/1.pdf", "saved/1.pdf", "/r")).Section);
        Assert.Null(Enriched(new Article(), new SourceFile("/r/txt/1.txt", "txt/1.txt", "/r")).Section);
        Assert.Equal("business", Enriched(new Article { Section = "Business" }, new SourceFile("/r/html/1.html", "html/1.html", "/r")).Section);
    }

    [Fact]
    public void PublishedFromStatedDateNormalised()
    {
        Assert.Equal("2019-01-04", Enriched(new Article { Published = "Fri, 04 Jan 2019 10:00:00 GMT", Url = "https://x.org/2020/01/01/a" }).Published);
    }

    [Fact]
    public void InvalidStatedDateFallsBackToUrlThenDatelineElseNull()
    {
        Assert.Equal("2020-01-01", Enriched(new Article { Published = "2019-13-45", Url = "https://x.org/2020/01/01/a" }).Published);
        Assert.Equal("2019-01-04", Enriched(new Article { Published = "soon", Body = "Friday, January 4, 2019\n\nText." }).Published);
        Assert.Null(Enriched(new Article { Published = "2019-13-45", Body = "Text." }).Published);
    }

    [Fact]
    public void DatelineParagraphIsRemovedFromTheBody()
    {
        Article a = Enriched(new Article { Published = "2019-01-04", Body = "Friday, January 4, 2019\n\nAn apartment building collapsed." });
        Assert.Equal("An apartment building collapsed.", a.Body);
        Assert.Equal("2019-01-04", a.Published);
    }

    [Fact]
    public void DatelineInsideAParagraphStays()
    {
        Article a = Enriched(new Article { Body = "January 4, 2019 — Rescuers worked through the night." });
        Assert.Equal("January 4, 2019 — Rescuers worked through the night.", a.Body);
        Assert.Equal("2019-01-04", a.Published);
    }

    [Fact]
    public void LinksAreDistinctDomainsInOrder()
    {
        Article a = Enriched(new Article
        {
            Links = ["WWW.Example.org"],
            LinkUrls = ["https://www.gov.kz/a", "https://gov.kz/b", "https://example.org/c", "not a url", "https://Tass.RU/x"],
        });
        Assert.Equal(["example.org", "gov.kz", "tass.ru"], a.Links);
    }

    [Fact]
    public void TagsTrimmedDistinctIgnoringCaseEmptiesRemoved()
    {
        Article a = Enriched(new Article { Tags = [" Politics ", "", "politics", "EU  summit", "  ", "Economy"] });
        Assert.Equal(["Politics", "EU summit", "Economy"], a.Tags);
    }

    [Fact]
    public void AStatedCountryIsNamedAsTheFacetNamesItSoOneCountryIsOneValue()
    {
        Article a = Enriched(new Article { Title = "Talks in London", Body = "Ministers met in London.", Places = ["UK", "DENMARK", "Aarhus"] });
        Assert.Equal(["United Kingdom", "Denmark", "Aarhus"], a.Places);
    }

    [Fact]
    public void AStatedCountryCodeIsTheCountryTheTextNamesToo()
    {
        // NewsAPI's lower-case "gb" and a spreadsheet's "DE; FR": before, they stayed codes beside
        // the "United Kingdom" the text gave, two values for one country.
        Article a = Enriched(new Article { Title = "Storm hits Britain", Body = "A storm hit the coast of Britain on Tuesday.", Places = ["gb", "DE", "Aarhus", "ZZ"] });
        Assert.Equal(["United Kingdom", "Germany", "Aarhus", "ZZ"], a.Places);
    }

    [Fact]
    public void StatedPlacesAreCleanedAndKeptBeforeRecognisedCountries()
    {
        Article a = Enriched(new Article { Places = [" Paris ", "paris"] });
        Assert.Equal(["Paris"], a.Places);
        Article b = Enriched(new Article { Title = "Floods in Kazakhstan", Body = "Rivers rose.", Places = ["Steppe"] });
        Assert.Equal(["Steppe", "Kazakhstan"], b.Places);
    }
}
