using System.Text;
using Search.Core.Ingest;
using Search.Core.Ingest.Office;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Office;

/// <summary>Excel 97-2003 workbooks (<c>.xls</c>), as LibreOffice saves them
/// (<c>Fixture/make-xls.sh</c>). They were ignored as "not an article format".</summary>
public sealed class XlsArticleReaderTests
{
    private static readonly byte[] Stories = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests/Search.Core.Tests/Ingest/Office/Fixture/stories.xls"));

    private static string Collapsed(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The first 40 seed articles of 2019, as a sheet of a workbook: each row reads as the
    /// same record of the seed CSV (its long bodies run the shared strings over many CONTINUE
    /// records; its dates are Excel's serial numbers; the spreadsheet's cells keep no line breaks).</summary>
    [Fact]
    public void A_workbook_of_the_seed_articles_reads_as_the_seed_csv()
    {
        using var dir = new TempDir();
        var items = ReadAll(new XlsArticleReader(), WriteBytes(dir, "stories.xls", Stories));
        var articles = Articles(items);
        var seeds = Articles(new CsvArticleReader().Read(SourceFor(Path.Combine(RepoPaths.Root, "seeds"), "wikinews_2019.csv"))).Take(40).ToList();
        Assert.Equal(41, articles.Count);
        for (int i = 0; i < seeds.Count; i++)
        {
            Assert.Equal($"stories.xls#{i + 1}", articles[i].Id);
            Assert.Equal(i + 2, articles[i].Line);
            Assert.Equal((seeds[i].Title, seeds[i].Published, seeds[i].Url), (articles[i].Title, articles[i].Published, articles[i].Url));
            Assert.Equal(Collapsed(seeds[i].Body), Collapsed(articles[i].Body));
        }
        Assert.Equal(("Ferry timetable", "2019-03-01"), (articles[40].Title, articles[40].Published));
        Assert.Equal(
            [(1, "sheet 'Notes' has no title or body column in its first row; not read"), (43, "sheet 'Stories' row 43: no title or body")],
            Problems(items).Select(p => (p.Line, p.Reason)).Order());
        Assert.Equal("xls", ReaderRegistry.Default.Resolve("stories.xls", Stories).Reader!.Format);
    }

    [Fact]
    public void An_xls_renamed_xlsx_is_read_as_what_it_is()
    {
        using var dir = new TempDir();
        var renamed = Articles(ReadAll(new XlsxArticleReader(), WriteBytes(dir, "stories.xlsx", Stories)));
        Assert.Equal(41, renamed.Count);
        Assert.Equal(Articles(ReadAll(new XlsArticleReader(), WriteBytes(dir, "stories.xls", Stories))).Select(a => a.Body), renamed.Select(a => a.Body));
    }

    [Fact]
    public void A_workbook_cut_short_or_a_web_page_saved_as_xls_is_skipped_with_the_reason()
    {
        using var dir = new TempDir();
        var cut = Assert.Single(ReadAll(new XlsArticleReader(), WriteBytes(dir, "cut.xls", Stories[..4000])));
        Assert.StartsWith("damaged or unreadable Excel 97-2003 workbook", cut.Problem!.Reason);
        var page = Assert.Single(ReaderRegistry.Default.Resolve("export.xls", "<table><tr><td>Title</td></tr></table>"u8).Reader!
            .Read(WriteText(dir, "export.xls", "<table><tr><td>Title</td></tr></table>")));
        Assert.StartsWith("a web page saved as .xls", page.Problem!.Reason);
    }

    /// <summary>Exports write CSV and tab-separated text under .xls for Excel to open: read as the
    /// tables they are, their commas in a tab-separated text kept.</summary>
    [Theory]
    [InlineData("Title\tDate\tBody\nQuay, north\t2019-03-01\tDivers checked the quay, the wall and the steps.\n")]
    [InlineData("Title,Date,Body\n\"Quay, north\",2019-03-01,\"Divers checked the quay, the wall and the steps.\"\n")]
    [InlineData("Title;Date;Body\nQuay, north;2019-03-01;Divers checked the quay, the wall and the steps.\n")]
    public void Text_tables_saved_as_xls_are_read_as_tables(string text)
    {
        using var dir = new TempDir();
        Assert.IsType<CsvArticleReader>(ReaderRegistry.Default.Resolve("export.xls", Encoding.UTF8.GetBytes(text)).Reader);
        var article = Assert.Single(Articles(new CsvArticleReader().Read(WriteText(dir, "export.xls", text))));
        Assert.Equal(("Quay, north", "2019-03-01", "Divers checked the quay, the wall and the steps."), (article.Title, article.Published, article.Body));
    }
}
