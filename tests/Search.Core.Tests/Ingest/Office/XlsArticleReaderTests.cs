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
    public void A_workbook_cut_short_is_skipped_and_an_xls_that_is_not_a_workbook_is_no_readers()
    {
        using var dir = new TempDir();
        var cut = Assert.Single(ReadAll(new XlsArticleReader(), WriteBytes(dir, "cut.xls", Stories[..4000])));
        Assert.StartsWith("damaged or unreadable Excel 97-2003 workbook", cut.Problem!.Reason);
        // Exports that write a web page or text under .xls are not compound files.
        Assert.Equal(FileDisposition.Ignored, ReaderRegistry.Default.Resolve("export.xls", "<table><tr><td>1</td></tr></table>"u8).Disposition);
    }
}
