using System.IO.Compression;
using System.Text;
using Search.Core.Ingest;
using Search.Core.Ingest.Office;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Office;

/// <summary>OpenDocument texts (LibreOffice, OpenOffice, Google Docs' download). They were ignored
/// as "not an article format".</summary>
public sealed class OdtArticleReaderTests
{
    /// <summary><c>Fixture/bridge.odt</c>, written by docutils' OpenDocument writer: a title, two
    /// paragraphs (one with emphasis and a footnote), a list and a table. The footnote was left
    /// out; it follows the body as a paragraph of its own, its mark's number nowhere.</summary>
    [Fact]
    public void A_document_reads_as_its_title_and_paragraphs_then_its_footnotes()
    {
        using var dir = new TempDir();
        byte[] odt = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests/Search.Core.Tests/Ingest/Office/Fixture/bridge.odt"));
        Article article = ReadOne(new OdtArticleReader(), WriteBytes(dir, "bridge.odt", odt));
        Assert.Equal("Council approves the new river bridge", article.Title);
        Assert.Null(article.Author);
        Assert.Equal(
            [
                "The city council voted on Monday to build a second bridge across the river, ending a debate that has lasted for more than ten years.",
                "Supporters said the bridge would cut journeys between the northern districts and the hospital by half, while opponents warned about the cost.",
                "Construction begins next spring.", "The old ferry keeps running every twenty minutes.",
                "Cost", "45 million euros", "Duration", "three years",
                "The first vote was held in 2011.",
            ],
            article.Body.Split("\n\n"));
    }

    private const string Content = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" office:version="1.3">
        <office:body><office:text>
          <text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>Tom Berg</dc:creator></office:change-info><text:p>to reject and</text:p></text:deletion></text:changed-region></text:tracked-changes>
          <text:h text:style-name="Heading_20_1" text:outline-level="1">Ferry keeps running</text:h>
          <text:p text:style-name="Text_20_body">The old<text:s text:c="2"/>ferry<text:tab/>will keep running <text:change text:change-id="ct1"/>every twenty<text:line-break/>minutes.<office:annotation><dc:creator>Editor</dc:creator><text:p>Check the timetable</text:p></office:annotation></text:p>
          <text:p text:style-name="Text_20_body"><draw:frame draw:name="Caption"><draw:text-box><text:p>Photo: the ferry</text:p></draw:text-box></draw:frame>The bridge opens in three years.</text:p>
        </office:text></office:body></office:document-content>
        """;

    private const string Meta = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">
        <office:meta><meta:initial-creator>Maria Keller</meta:initial-creator><meta:generator>LibreOffice/7.4</meta:generator></office:meta></office:document-meta>
        """;

    /// <summary>As LibreOffice writes them: a heading, spaces and tabs as elements, tracked
    /// deletions, a comment and a caption's text box, none of which is the running text.</summary>
    [Fact]
    public void Tracked_deletions_comments_and_frames_are_not_the_text()
    {
        using var dir = new TempDir();
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in (ReadOnlySpan<(string, string)>)[("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", Content), ("meta.xml", Meta)])
                using (var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false)))
                    writer.Write(text);
        }
        Article article = ReadOne(new OdtArticleReader(), WriteBytes(dir, "ferry.odt", zip.ToArray()));
        Assert.Equal("Ferry keeps running", article.Title);
        Assert.Equal("Maria Keller", article.Author);
        Assert.Equal("The old ferry will keep running every twenty minutes.\n\nThe bridge opens in three years.", article.Body);
    }

    [Fact]
    public void Ruby_readings_above_words_are_not_read_into_the_text()
    {
        // As for a .docx: the reading above a word (text:ruby-text) was read beside the word.
        using var dir = new TempDir();
        const string flat = """
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
            <office:body><office:text><text:p>会議は<text:ruby><text:ruby-base>東京</text:ruby-base><text:ruby-text>とうきょう</text:ruby-text></text:ruby>で開かれた。</text:p></office:text></office:body></office:document>
            """;
        Assert.Equal("会議は東京で開かれた。", ReadOne(new OdtArticleReader(), WriteText(dir, "tokyo.fodt", flat)).Body);
    }

    [Fact]
    public void A_flat_document_reads_the_same_and_a_damaged_one_is_skipped()
    {
        using var dir = new TempDir();
        string flat = Content.Replace("office:document-content", "office:document").Replace("<office:body>", Meta[(Meta.IndexOf("<office:meta>", StringComparison.Ordinal))..Meta.IndexOf("</office:document-meta>", StringComparison.Ordinal)] + "<office:body>")
            .Replace("xmlns:draw=", "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:draw=");
        Article article = ReadOne(new OdtArticleReader(), WriteText(dir, "ferry.fodt", flat));
        Assert.Equal(("Ferry keeps running", "Maria Keller"), (article.Title, article.Author));
        var problem = Assert.Single(new OdtArticleReader().Read(WriteBytes(dir, "x.odt", [(byte)'P', (byte)'K', 3, 4, 0, 0]))).Problem!;
        Assert.StartsWith("damaged OpenDocument file", problem.Reason);
    }
}
