using System.Buffers.Binary;
using System.Text;
using Search.Core.Ingest;
using Search.Core.Ingest.Office;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Office;

/// <summary>Word 97-2003 documents (<c>.doc</c>), as LibreOffice saves them (<c>Fixture/make-doc.sh</c>).
/// They were ignored as "not an article format".</summary>
public sealed class DocArticleReaderTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests/Search.Core.Tests/Ingest/Office/Fixture", name));

    private static Article Read(TempDir dir, string name, byte[]? bytes = null) =>
        ReadOne(new DocArticleReader(), WriteBytes(dir, name, bytes ?? Fixture(name)));

    /// <summary>The same document as <c>bridge.odt</c>, saved as .doc: the same title and paragraphs,
    /// its footnote's mark and text left out (the .odt's footnote follows its body; a .doc's
    /// footnotes, a subdocument of its own, are not read yet).</summary>
    [Fact]
    public void A_document_reads_as_the_same_document_saved_as_OpenDocument_does()
    {
        using var dir = new TempDir();
        Article doc = Read(dir, "bridge.doc");
        Article odt = ReadOne(new OdtArticleReader(), WriteBytes(dir, "bridge.odt", Fixture("bridge.odt")));
        Assert.Equal("Council approves the new river bridge", doc.Title);
        Assert.Equal(odt.Title, doc.Title);
        Assert.Equal(odt.Body[..odt.Body.LastIndexOf("\n\nThe first vote was held in 2011.", StringComparison.Ordinal)], doc.Body);
    }

    /// <summary>A seed article with its stated title and author, Unicode text (UTF-16 pieces), a
    /// table, a footnote and a link (a field: its text shown, not its code).</summary>
    [Fact]
    public void A_seed_article_reads_with_its_stated_author_its_paragraphs_table_and_link_text()
    {
        using var dir = new TempDir();
        Article article = Read(dir, "wire.doc");
        var seed = Articles(new CsvArticleReader().Read(SourceFor(Path.Combine(RepoPaths.Root, "seeds"), "wikinews_2020.csv")))
            .Single(a => a.Title == "First foreigners die from coronavirus in Wuhan, China");
        Assert.Equal(seed.Title, article.Title);
        Assert.Equal("Anna Nowak", article.Author);
        string[] paragraphs = article.Body.Split("\n\n");
        foreach (string paragraph in seed.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            Assert.Contains(paragraph, paragraphs);
        Assert.Equal(["City", "Wuhan (武汉), Hubei", "Reported by", "Gazeta Wyborcza, Łódź", "Source: Wikinews"], paragraphs[^5..]);
        Assert.DoesNotContain("Footnote text", article.Body);
        Assert.DoesNotContain("HYPERLINK", article.Body);
        Assert.DoesNotContain("wikinews.org", article.Body);
    }

    [Fact]
    public void A_doc_renamed_docx_is_read_as_what_it_is()
    {
        using var dir = new TempDir();
        Article renamed = ReadOne(new DocxArticleReader(), WriteBytes(dir, "bridge.docx", Fixture("bridge.doc")));
        Assert.Equal("Council approves the new river bridge", renamed.Title);
        Assert.Equal(Read(dir, "bridge.doc").Body, renamed.Body);
    }

    [Fact]
    public void Text_deleted_with_tracked_changes_and_hidden_text_are_not_read()
    {
        using var dir = new TempDir();
        Article article = Read(dir, "changes.doc");
        Assert.Equal("Ferry keeps running", article.Title);
        Assert.Equal("The council voted to keep the ferry running every twenty minutes.", article.Body);
    }

    [Fact]
    public void An_encrypted_document_is_skipped_with_the_reason()
    {
        using var dir = new TempDir();
        byte[] bytes = Fixture("wire.doc");
        // The WordDocument stream starts a sector with its identifier, 0xA5EC; its flags are at 0x0A.
        int stream = Enumerable.Range(1, bytes.Length / 512 - 1).Select(s => s * 512).First(at => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at)) == 0xA5EC);
        bytes[stream + 0x0B] |= 0x01;
        var problem = Assert.Single(Problems(new DocArticleReader().Read(WriteBytes(dir, "locked.doc", bytes))));
        Assert.StartsWith("an encrypted Word document", problem.Reason);
    }

    [Fact]
    public void A_doc_that_is_not_a_Word_file_is_no_readers_and_one_cut_short_is_skipped()
    {
        // A search index's postings are .doc files too (Lucene's): not a compound file, so ignored.
        Assert.Equal(FileDisposition.Ignored, ReaderRegistry.Default.Resolve("_0_Lucene41_0.doc", [0x3F, 0xD7, 0x6C, 0x17, 0x12]).Disposition);
        Assert.IsType<DocArticleReader>(ReaderRegistry.Default.Resolve("memo.doc", Fixture("wire.doc")).Reader);
        using var dir = new TempDir();
        byte[] cut = Fixture("wire.doc")[..3000];
        Assert.StartsWith("damaged or unreadable Word 97-2003 document", Assert.Single(Problems(new DocArticleReader().Read(WriteBytes(dir, "cut.doc", cut)))).Reason);
    }
}
