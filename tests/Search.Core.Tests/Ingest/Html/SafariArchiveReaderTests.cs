using Search.Core.Ingest;
using Search.Core.Ingest.Html;
using Search.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Html;

/// <summary>Pages saved by Safari as web archives (<c>Fixture/make-webarchive.py</c>: Python's own
/// binary property-list writer, laid out as Safari saves a page).</summary>
public sealed class SafariArchiveReaderTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests/Search.Core.Tests/Ingest/Html/Fixture", name));

    private static ReadItem Read(string name, byte[] bytes)
    {
        using var dir = new TempDir();
        return Assert.Single(new SafariArchiveReader().Read(WriteBytes(dir, name, bytes)));
    }

    [Fact]
    public void A_saved_wikinews_page_is_the_seed_article_at_the_address_it_was_saved_from()
    {
        const string Title = "Polish leader Jaroslaw Kaczynski promises stricter punishments for child abusers";
        Article seed = Articles(new CsvArticleReader().Read(SourceFor(RepoPaths.Seeds, "wikinews_2019.csv"))).Single(a => a.Title == Title);
        Article saved = Assert.IsType<Article>(Read("kaczynski.webarchive", Fixture("kaczynski.webarchive")).Article);
        Assert.Equal(Title, saved.Title);
        Assert.Equal("https://en.wikinews.org/wiki/Polish_leader_Jaroslaw_Kaczynski_promises_stricter_punishments_for_child_abusers", saved.Url);
        // The page's paragraphs are the seed's (its dateline aside); the menu, the image and the ad
        // frame saved with it are not text of the article.
        string[] paragraphs = saved.Body.Split("\n\n"), seedParagraphs = seed.Body.Split("\n\n");
        Assert.All(paragraphs, p => Assert.Contains(p, seedParagraphs));
        Assert.True(paragraphs.Length >= seedParagraphs.Length - 1, $"{paragraphs.Length} of the seed's {seedParagraphs.Length} paragraphs");
        Assert.DoesNotContain("Advertisement", saved.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Random article", saved.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_in_another_charset_is_read_in_the_one_safari_names()
    {
        // The page itself declares no charset: Windows-1252 read as UTF-8 would lose €, “ and é.
        Article saved = Assert.IsType<Article>(Read("cafe.webarchive", Fixture("cafe.webarchive")).Article);
        Assert.Equal("Café owners in Kraków protest over rents", saved.Title);
        Assert.Contains("\u201cWe cannot pay €9,000 a month", saved.Body, StringComparison.Ordinal);
        Assert.Equal("2019-10-01", saved.Published); // from the address it was saved from
    }

    [Fact]
    public void An_archive_of_an_image_is_skipped_saying_what_it_holds() =>
        Assert.Equal("a Safari web archive of image/png, not of a web page", Read("photo.webarchive", Fixture("photo.webarchive")).Problem?.Reason);

    [Fact]
    public void An_archive_cut_short_or_damaged_anywhere_is_one_problem_never_a_crash()
    {
        byte[] whole = Fixture("kaczynski.webarchive");
        for (int length = 0; length < whole.Length; length += 31)
        {
            ReadItem cut = Read("cut.webarchive", whole[..length]);
            Assert.Null(cut.Article);
            Assert.Matches("^(empty file|not a Safari web archive|damaged Safari web archive)", cut.Problem?.Reason);
        }
        // A byte changed anywhere in the object table's references, offsets and trailer: an article
        // or a problem, whatever it breaks.
        var random = new Random(11);
        for (int i = 0; i < 60; i++)
        {
            byte[] damaged = (byte[])whole.Clone();
            int at = whole.Length - 1 - random.Next(Math.Min(whole.Length, 400));
            damaged[at] = (byte)random.Next(256);
            ReadItem item = Read("damaged.webarchive", damaged);
            Assert.True(item.Article != null || item.Problem != null);
        }
    }

    [Fact]
    public void Web_archives_are_read_by_this_reader()
    {
        ReaderResolution resolution = ReaderRegistry.Default.Resolve("saved/page.webarchive", Fixture("cafe.webarchive").AsSpan(0, 64));
        Assert.IsType<SafariArchiveReader>(resolution.Reader);
    }
}
