using Search.Core.Ingest;
using Xunit;

namespace Search.Core.Tests.Ingest;

public class UrlPartsTests
{
    [Theory]
    [InlineData("https://www.themoscowtimes.com/author/afp-2", "themoscowtimes.com")]
    [InlineData("http://WWW.BBC.co.uk/news", "bbc.co.uk")]
    [InlineData("https://gov.kz/x?lang=ru", "gov.kz")]
    [InlineData("https://edition.cnn.com/a", "edition.cnn.com")]
    [InlineData("ftp://example.com/a", null)]
    [InlineData("not a url", null)]
    [InlineData(null, null)]
    public void DomainIsLowerCaseWithoutWww(string? url, string? expected)
    {
        Assert.Equal(expected, UrlParts.Domain(url));
    }

    [Theory]
    [InlineData("afp-2", "AFP")]
    [InlineData("ap", "AP")]
    [InlineData("reuters", "Reuters")]
    [InlineData("anna-petrova", "Anna Petrova")]
    [InlineData("JOHN-SMITH-12", "John Smith")]
    [InlineData("li-wei", "Li Wei")]
    public void AuthorNamesFromSlugs(string slug, string expected)
    {
        Assert.Equal(expected, UrlParts.AuthorNameFromSlug(slug));
    }

    [Theory]
    [InlineData("https://www.themoscowtimes.com/author/afp-2", "afp-2")]
    [InlineData("https://site.org/Authors/jane-doe/", "jane-doe")]
    public void RecognisesAuthorPages(string url, string slug)
    {
        Assert.True(UrlParts.TryAuthorSlug(url, out string found));
        Assert.Equal(slug, found);
    }

    [Theory]
    [InlineData("https://site.org/author")]
    [InlineData("https://site.org/news/authority-report")]
    public void OtherUrlsAreNotAuthorPages(string url)
    {
        Assert.False(UrlParts.TryAuthorSlug(url, out _));
    }

    [Theory]
    [InlineData("https://www.bbc.co.uk/technology/1991/03/16/slug-1", true)]
    [InlineData("https://en.wikinews.org/wiki/Some_Title", true)]
    [InlineData("https://example.com/some-story", true)]
    [InlineData("https://example.com/", false)]
    [InlineData("https://example.com/news", false)]
    public void ArticleLikePaths(string url, bool expected)
    {
        Assert.Equal(expected, UrlParts.LooksLikeArticle(url));
    }

    [Theory]
    [InlineData("https://x.org/a", true)]
    [InlineData("  https://x.org/a", false)]
    [InlineData("https://x.org/a and more", false)]
    [InlineData("see https://x.org/a", false)]
    [InlineData("https://", false)]
    public void StandaloneUrls(string line, bool expected)
    {
        Assert.Equal(expected, UrlParts.IsStandaloneUrl(line));
    }

    [Theory]
    [InlineData("cnn.com", "edition.cnn.com", true)]
    [InlineData("bbc.co.uk", "bbc.co.uk", true)]
    [InlineData("themoscowtimes.com", "gov.kz", false)]
    [InlineData("notcnn.com", "cnn.com", false)]
    public void SameSite(string a, string b, bool expected)
    {
        Assert.Equal(expected, UrlParts.SameSite(a, b));
    }
}
