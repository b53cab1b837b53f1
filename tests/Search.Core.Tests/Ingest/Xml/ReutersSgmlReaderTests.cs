using Search.Core.Ingest;
using Search.Core.Ingest.Xml;
using Search.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Xml;

/// <summary>Reuters' newswire archive in SGML (Reuters-21578's format): each story an article. It
/// was ignored as "not an article format".</summary>
public sealed class ReutersSgmlReaderTests
{
    private static readonly string Fixture = Path.Combine(RepoPaths.Root, "tests", "Search.Core.Tests", "Ingest", "Xml", "Fixture", "wire.sgm");

    [Fact]
    public void Each_story_is_an_article_with_its_parts_and_a_story_cut_short_is_reported()
    {
        var file = new SourceFile(Fixture, "wire.sgm", Path.GetDirectoryName(Fixture)!);
        Assert.Equal(FileDisposition.Read, ReaderRegistry.Default.Resolve(file).Disposition);
        var items = ReaderRegistry.Default.Resolve(file).Reader!.Read(file).ToList();

        var articles = Articles(items);
        Assert.Equal(["101", "102", "103"], articles.Select(a => a.Id));
        var wheat = articles[0];
        Assert.Equal("WHEAT EXPORTS RISE <WKLY> IN WEEK", wheat.Title);
        Assert.Equal("KANSAS CITY, March 3 - Wheat exports rose in the week to February 26, the grain trade said, as buyers in Egypt & Algeria came back to the market.\n\nTraders expect another rise next week.", wheat.Body);
        Assert.Equal(("1987-03-03", "Anna Field", "Reuters"), (wheat.Published, wheat.Author, wheat.Source));
        Assert.Equal(["grain", "wheat"], wheat.Tags);
        Assert.Equal((1, 2), (wheat.Record!.Value, wheat.Line));
        Assert.Equal("PORT OF ROTTERDAM CLOSED BY FOG", articles[1].Title);
        Assert.Equal("Shipping at Rotterdam stopped until noon as fog closed the port, the port authority said.", articles[1].Body);
        Assert.Equal(("ACME CORP SEES HIGHER FIRST QUARTER PROFIT", ""), (articles[2].Title, articles[2].Body));
        var problem = Assert.Single(Problems(items));
        Assert.Equal(55, problem.Line);
        Assert.Equal("a <REUTERS> story without its end tag at the end of the file", problem.Reason);
    }

    [SharedFact]
    public void The_reuters_21578_archive_reads_as_its_stories()
    {
        string folder = SharedCorpus.Path("corpora", "reuters21578");
        var files = Directory.GetFiles(folder, "*.sgm").Order(StringComparer.Ordinal).ToList();
        var items = files.SelectMany(path =>
        {
            var file = new SourceFile(path, Path.GetFileName(path), folder);
            return ReaderRegistry.Default.Resolve(file).Reader!.Read(file);
        }).ToList();
        var articles = Articles(items);
        // Every story is read: an article, or skipped for having neither title nor body.
        Assert.Equal(21_578, items.Count);
        Assert.All(Problems(items), p => Assert.Equal("no title or body", p.Reason));
        Assert.Equal(21_578, articles.Select(a => a.Id).Distinct().Count() + Problems(items).Count);
        Assert.All(articles, a => Assert.DoesNotContain('\u0003', a.Body));
        Assert.Empty(articles.Where(a => a.Body.EndsWith("Reuter", StringComparison.Ordinal)).Select(a => a.Id + ": " + a.Body[^Math.Min(50, a.Body.Length)..]).Take(5));
        var first = articles.Single(a => a.Id == "1");
        Assert.Equal(("BAHIA COCOA REVIEW", "1987-02-26"), (first.Title, first.Published));
        Assert.Equal(["cocoa"], first.Tags);
        Assert.StartsWith("SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone", first.Body, StringComparison.Ordinal);
    }
}
