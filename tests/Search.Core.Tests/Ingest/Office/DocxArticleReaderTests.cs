using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Search.Core.Ingest;
using Search.Core.Ingest.Office;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Office;

/// <summary>Word documents (press releases, drafts), written here by Microsoft's Open XML SDK as
/// Word writes them. They were ignored as "not an article format".</summary>
public sealed class DocxArticleReaderTests
{
    private const string Title = "Council approves the new river bridge";
    private static readonly string[] Paragraphs = [.. ArticlePdf.Paragraphs.Take(3)];

    [Fact]
    public void A_press_release_reads_as_its_title_and_paragraphs_without_deleted_text_or_field_codes()
    {
        byte[] docx = Docx(body =>
        {
            body.Append(Paragraph(Title, style: "Title"));
            body.Append(new Paragraph(
                new Run(new Text("The city council voted on Monday ")),
                new DeletedRun(new Run(new DeletedText("to reject and "))),
                new Run(new FieldCode(" HYPERLINK \"https://council.example\" ")),
                new Run(new Text("to build a second bridge"), new Break(), new Text("across the river."))));
            foreach (string p in Paragraphs.Skip(1))
                body.Append(Paragraph(p));
            body.Append(new Table(new TableRow(new TableCell(Paragraph("Cost")), new TableCell(Paragraph("45 million euros")))));
        }, creator: "Maria Keller", statedTitle: "Draft 3");
        Article article = Read("bridge.docx", docx);
        Assert.Equal(Title, article.Title);
        Assert.Equal("Maria Keller", article.Author);
        string[] body = article.Body.Split("\n\n");
        Assert.Equal("The city council voted on Monday to build a second bridge across the river.", body[0]);
        Assert.Equal(Paragraphs.Skip(1), body[1..3]);
        Assert.Equal(["Cost", "45 million euros"], body[3..]);
    }

    [Theory]
    [InlineData("Windows User", null)]
    [InlineData("admin", null)]
    [InlineData("jsmith2", null)]
    [InlineData("Tom Berg", "Tom Berg")]
    public void The_stated_author_counts_only_when_it_is_a_persons_name(string creator, string? author)
    {
        Article article = Read("memo.docx", Docx(body => body.Append(Paragraph(Paragraphs[0])), creator: creator));
        Assert.Equal(author, article.Author);
    }

    [Fact]
    public void Without_a_title_style_the_stated_title_or_a_short_first_line_is_the_title()
    {
        Article stated = Read("a.docx", Docx(body => { body.Append(Paragraph(Paragraphs[0])); body.Append(Paragraph(Paragraphs[1])); }, statedTitle: "Bridge vote"));
        Assert.Equal("Bridge vote", stated.Title);
        Assert.StartsWith(Paragraphs[0], stated.Body);
        Article firstLine = Read("b.docx", Docx(body => { body.Append(Paragraph("Bridge vote on Monday")); body.Append(Paragraph(Paragraphs[0])); }));
        Assert.Equal("Bridge vote on Monday", firstLine.Title);
        Assert.Equal(Paragraphs[0], firstLine.Body);
    }

    [Theory]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "damaged or unreadable Word 97-2003 document")]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 3, 4, 0, 0 }, "damaged Word document")]
    [InlineData(new byte[] { (byte)'<', (byte)'h', (byte)'t', (byte)'m', (byte)'l', (byte)'>' }, "not a Word document")]
    public void What_is_not_a_readable_word_document_is_skipped_with_the_reason(byte[] bytes, string reason)
    {
        using var dir = new TempDir();
        var problem = Assert.Single(new DocxArticleReader().Read(WriteBytes(dir, "x.docx", bytes))).Problem!;
        Assert.StartsWith(reason, problem.Reason);
    }

    [Fact]
    public void A_document_without_text_is_skipped()
    {
        using var dir = new TempDir();
        var problem = Assert.Single(new DocxArticleReader().Read(WriteBytes(dir, "empty.docx", Docx(_ => { })))).Problem!;
        Assert.Equal("no text in the document", problem.Reason);
    }

    private static Article Read(string name, byte[] bytes)
    {
        using var dir = new TempDir();
        return ReadOne(new DocxArticleReader(), WriteBytes(dir, name, bytes));
    }

    private static Paragraph Paragraph(string text, string? style = null)
    {
        var paragraph = new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (style != null)
            paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        return paragraph;
    }

    private static byte[] Docx(Action<Body> fill, string? creator = null, string? statedTitle = null)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            fill(body);
            document.AddMainDocumentPart().Document = new Document(body);
            document.PackageProperties.Creator = creator;
            document.PackageProperties.Title = statedTitle;
        }
        return stream.ToArray();
    }
}
