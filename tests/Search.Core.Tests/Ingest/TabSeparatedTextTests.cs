using System.Text;
using Search.Core.Ingest;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Ingest;

/// <summary>A sheet of articles saved from Excel as "Unicode Text" (UTF-16, tab-separated, cells
/// with line breaks quoted) or "Text (Tab delimited)" (Windows-1252) is a <c>.txt</c> file: it
/// was indexed as one article made of the whole table.</summary>
public sealed class TabSeparatedTextTests
{
    private const string Sheet =
        "Headline\tDate\tAuthor\tText\r\n" +
        "Council approves the bridge\t11/05/2021\tMaria Keller\t\"The council voted on Monday.\n\nWork starts in spring; the café stays open.\"\r\n" +
        "Ferry keeps running\t12/05/2021\tTom Berg\tThe old ferry will keep running every twenty minutes.\r\n";

    [Theory]
    [InlineData("unicode")]
    [InlineData("windows-1252")]
    public void An_excel_sheet_saved_as_text_reads_as_one_article_a_row(string encoding)
    {
        using var dir = new TempDir();
        byte[] bytes = encoding == "unicode"
            ? [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sheet)]
            : CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(Sheet);
        string root = dir.Sub("sheets");
        Directory.CreateDirectory(root);
        File.WriteAllBytes(Path.Combine(root, "stories.txt"), bytes);
        var summary = RunBuild(dir.Sub("index"), root);
        Assert.Equal(2, summary.ArticlesAdded);
        Assert.Empty(summary.Skipped);
        var articles = Read(dir.Sub("index")).Articles;
        Assert.Equal(["stories.txt#1", "stories.txt#2"], articles.Keys.Select(k => k.Id).Order(StringComparer.Ordinal));
        Assert.Contains("the café stays open", articles[("stories.txt", "stories.txt#1")]);
    }

    [Theory]
    [InlineData("Council approves the bridge\n\nThe council voted on Monday.\n", "text")]
    [InlineData("Budget\t2021\tdraft\n\nThe tabs in this title are not a table's columns.\n", "text")]
    [InlineData("Title\tNotes\n\nOne field name is not a table.\n", "text")]
    [InlineData("title\tdate\nBridge approved\t2021-05-11\n", "csv")]
    [InlineData("summary\tsection\r\n", "csv")]
    public void A_text_article_stays_one_article_and_a_table_of_them_is_a_table(string text, string format)
    {
        Assert.Equal(format, ReaderRegistry.Default.Resolve("story.txt", Encoding.UTF8.GetBytes(text)).Reader!.Format);
    }
}
