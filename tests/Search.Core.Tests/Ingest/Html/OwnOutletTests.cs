using Search.Core.Ingest.Html;
using Xunit;

namespace Search.Core.Tests.Ingest.Html;

/// <summary>A byline that is only the page's own outlet is not an author (issue 22): the page's
/// source already names the outlet. Each page below is how sites of that kind write their head.</summary>
public class OwnOutletTests
{
    private const string Body = """
        <p>The council voted on Tuesday night to close the town's only public pool at the end of the summer, citing repair costs that have doubled since the last inspection.</p>
        <p>Swimmers and parents who spoke at the meeting said the decision left children without a safe place to learn, and asked the council to look again at the figures.</p>
        <p>The mayor said the town would seek a grant from the state to reopen the pool within two years, but could not promise that the money would come.</p>
        """;

    private static string? AuthorOf(string head, string bodyBefore = "") =>
        HtmlExtractor.Extract(System.Text.Encoding.UTF8.GetBytes(
            $"<!DOCTYPE html><html><head><title>Council shuts the pool</title>{head}</head><body><article><h1>Council shuts the pool</h1>{bodyBefore}{Body}</article></body></html>"))
            .Metadata.Author;

    [Fact]
    public void TheSitesOwnNameIsNotItsAuthor()
    {
        Assert.Null(AuthorOf("""<meta property="og:site_name" content="BBC News"><meta name="author" content="BBC News"><link rel="canonical" href="https://www.bbc.co.uk/news/uk-1">"""));
        // JSON-LD typed as a Person on a Blogger template: the blog's own name.
        Assert.Null(AuthorOf("""
            <meta property="og:site_name" content="LinkNaija | Nigeria's popular news platform"><link rel="canonical" href="https://www.linknaija.com/2018/10/x.html">
            <script type="application/ld+json">{"@type":"BlogPosting","headline":"Council shuts the pool","author":{"@type":"Person","name":"LinkNaija"},"publisher":{"@type":"Organization","name":"Blogger"}}</script>
            """));
    }

    [Fact]
    public void AShortFormOfTheSitesNameOrDomainIsNotItsAuthor()
    {
        // "The Beachbody Blog" on beachbodyondemand.com signs as "Beachbody".
        Assert.Null(AuthorOf("""<meta property="og:site_name" content="The Beachbody Blog"><meta name="author" content="Beachbody"><link rel="canonical" href="https://www.beachbodyondemand.com/blog/x">"""));
        // No stated site name: the domain starts with the one-word account name.
        Assert.Null(AuthorOf("""<link rel="canonical" href="https://vortexcannon.org/about-bugs/">""",
            """<a href="https://vortexcannon.org/author/vortex/" rel="author"><span class="vcard author author_name"><span class="fn">Vortex</span></span></a>"""));
    }

    [Fact]
    public void TheSitesOwnDeskIsNotItsAuthor()
    {
        Assert.Null(AuthorOf("""<meta property="og:site_name" content="The Telegraph"><meta name="author" content="Telegraph Sport"><link rel="canonical" href="https://www.telegraph.co.uk/sport/x/">"""));
        Assert.Null(AuthorOf("""<meta property="og:site_name" content="India Post"><meta name="author" content="India Post News Weekly">"""));
        Assert.Null(AuthorOf("""<link rel="canonical" href="https://www.detroitnews.com/story/x/"><meta name="author" content="Detroit News wire services">"""));
    }

    [Fact]
    public void TheSitesSignatureInItsMetaTagsIsNotItsAuthor()
    {
        // A city hall's site: the IT department that made it signs every page as author and generator.
        Assert.Null(AuthorOf("""<meta name="author" content="PMJS - Coordenadoria de TI"><meta name="generator" content="PMJS - Coordenadoria de TI"><meta name="copyright" content="Copyright 2014">"""));
        Assert.Null(AuthorOf("""<meta name="author" content="Example Media Group"><meta name="publisher" content="Example Media Group">"""));
    }

    [Fact]
    public void WhenTheOutletSignsTheNextSourceNamesThePerson()
    {
        Assert.Equal("Lisa Kubota", AuthorOf("""<meta property="og:site_name" content="Hawaii News Now"><meta name="author" content="Hawaii News Now"><link rel="canonical" href="https://www.hawaiinewsnow.com/2019/x/">""",
            """<div class="byline">By Lisa Kubota</div>"""));
    }

    [Fact]
    public void TheSitesNameAfterThePersonIsDropped()
    {
        Assert.Equal("Jill Disis", AuthorOf("""<meta property="og:site_name" content="CNN"><meta name="author" content="Jill Disis, CNN Business"><link rel="canonical" href="https://edition.cnn.com/2019/x">"""));
    }

    [Fact]
    public void AnAgencyIsAnAuthorEvenOnItsOwnSite()
    {
        Assert.Equal("Reuters", AuthorOf("""<meta property="og:site_name" content="Reuters"><meta name="author" content="Reuters"><link rel="canonical" href="https://www.reuters.com/article/x">"""));
        Assert.Equal("The Associated Press", AuthorOf("""<meta property="og:site_name" content="CTV News"><meta name="author" content="The Associated Press">"""));
        // After the names, the site's own name is dropped even when it is an agency: the names are the authors.
        Assert.Equal("MEG KINNARD, ERRIN HAINES", AuthorOf("""<meta property="og:site_name" content="Associated Press"><meta name="author" content="MEG KINNARD, ERRIN HAINES, Associated Press"><link rel="canonical" href="https://apnews.com/x">"""));
    }

    [Fact]
    public void PeopleAndOtherOutletsStay()
    {
        // A one-word first name is a person (a blog's author).
        Assert.Equal("Regan", AuthorOf("""
            <meta property="og:site_name" content="The Anti-June Cleaver"><link rel="canonical" href="https://theantijunecleaver.com/2014/09/x/">
            <script type="application/ld+json">{"@type":"Article","headline":"Council shuts the pool","author":{"@type":"Person","name":"Regan"}}</script>
            """));
        // A person whose name is not the site's, on a site named after a word of it.
        Assert.Equal("Tom Davies", AuthorOf("""<meta property="og:site_name" content="Tom's Guide"><meta name="author" content="Tom Davies">"""));
        // A personal site: its writer holds the copyright and is its publisher in JSON-LD.
        Assert.Equal("Jane Doe", AuthorOf("""
            <meta name="author" content="Jane Doe"><meta name="copyright" content="Jane Doe"><link rel="canonical" href="https://example.org/2019/x/">
            <script type="application/ld+json">{"@type":"BlogPosting","headline":"Council shuts the pool","author":{"@type":"Person","name":"Jane Doe"},"publisher":{"@type":"Person","name":"Jane Doe"}}</script>
            """));
        // A person whose name begins with a short site name's letters.
        Assert.Equal("Skylar Brown", AuthorOf("""<meta property="og:site_name" content="Sky"><meta name="author" content="Skylar Brown"><link rel="canonical" href="https://news.sky.com/story/x">"""));
        Assert.Equal("Mick Jones", AuthorOf("""<meta property="og:site_name" content="Mic"><meta name="author" content="Mick Jones"><link rel="canonical" href="https://www.mic.com/p/x">"""));
        // A column named after its writer in the page's meta tags is not a site-wide signature.
        Assert.Equal("Jamelle Bouie", AuthorOf("""<meta name="byl" content="By Jamelle Bouie"><meta name="CN" content="jamelle-bouie"><link rel="canonical" href="https://www.nytimes.com/2019/11/19/opinion/x.html">"""));
        // Another outlet whose copy this site prints is where the story came from.
        Assert.Equal("Victor Tangermann, Futurism", AuthorOf("""<meta property="og:site_name" content="ScienceAlert"><meta name="author" content="Victor Tangermann, Futurism">"""));
    }
}
