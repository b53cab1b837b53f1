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
    private const string WordMain = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
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

    [Fact]
    public void Hidden_text_and_text_moved_away_are_not_read_and_moved_text_is_read_where_it_now_stands()
    {
        // Word keeps a tracked move's old place in w:moveFrom with ordinary w:t runs (only
        // deletions use w:delText), and hidden text is a run formatted w:vanish.
        byte[] docx = Docx(body =>
        {
            body.Append(Paragraph(Title, style: "Title"));
            body.Append(new Paragraph(
                $"""<w:p xmlns:w="{WordMain}"><w:moveFrom w:id="1" w:author="Ed"><w:r><w:t xml:space="preserve">Second, the bridge. </w:t></w:r></w:moveFrom>"""
                + """<w:r><w:t xml:space="preserve">First, the vote. </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>check this with Tom</w:t></w:r>"""
                + """<w:moveTo w:id="2" w:author="Ed"><w:r><w:t>Second, the bridge.</w:t></w:r></w:moveTo>"""
                + """<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve"> Third, the cost.</w:t></w:r></w:p>"""));
        });
        Article article = Read("moved.docx", docx);
        Assert.Equal("First, the vote. Second, the bridge. Third, the cost.", article.Body);
    }

    [Fact]
    public void A_text_box_is_read_once_as_a_paragraph_of_its_own()
    {
        // Word writes a text box twice: as a drawing (mc:Choice) and again for older programs
        // (mc:Fallback, VML); both hold its paragraphs, inside a paragraph of the body.
        const string box = """<w:txbxContent><w:p><w:r><w:t>The bridge in figures</w:t></w:r></w:p></w:txbxContent>""";
        byte[] docx = Docx(body =>
        {
            body.Append(Paragraph(Title, style: "Title"));
            body.Append(new Paragraph(
                $"""<w:p xmlns:w="{WordMain}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml">"""
                + """<w:r><w:t xml:space="preserve">The council voted on Monday.</w:t></w:r>"""
                + $"""<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>"""
                + $"""<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""
                + """<w:r><w:t xml:space="preserve"> Work starts in May.</w:t></w:r></w:p>"""));
        });
        Article article = Read("box.docx", docx);
        Assert.Equal(["The bridge in figures", "The council voted on Monday. Work starts in May."], article.Body.Split("\n\n"));
    }

    [Fact]
    public void Ruby_readings_above_words_are_not_read_into_the_text()
    {
        // Japanese text carries its reading above a word (w:rt, furigana); it was read beside the
        // word, "東京とうきょう", a word no one searches for.
        byte[] docx = Docx(body => body.Append(new Paragraph(
            $"""<w:p xmlns:w="{WordMain}"><w:r><w:t>会議は</w:t></w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/></w:rubyPr>"""
            + """<w:rt><w:r><w:t>とうきょう</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>東京</w:t></w:r></w:rubyBase></w:ruby><w:r><w:t>で開かれた。</w:t></w:r></w:p>""")));
        Assert.Equal("会議は東京で開かれた。", Read("tokyo.docx", docx).Body);
    }

    [Fact]
    public void A_table_of_contents_is_not_read_into_the_text()
    {
        // Its entries (the headings again, with page numbers) were read as the first paragraphs
        // of the body, as an OpenDocument text's are not.
        static string Entry(string style, string text) =>
            $"""<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:hyperlink w:anchor="x"><w:r><w:t>{text}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>2</w:t></w:r></w:hyperlink></w:p>""";
        byte[] docx = Docx(body =>
        {
            body.Append(Paragraph(Title, style: "Title"));
            body.Append(new SdtBlock(
                $"""<w:sdt xmlns:w="{WordMain}"><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>"""
                + $"""<w:sdtContent><w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t>Contents</w:t></w:r></w:p>{Entry("TOC1", "The vote")}</w:sdtContent></w:sdt>"""));
            body.Append(new Paragraph($"""<w:p xmlns:w="{WordMain}">{Entry("TOC2", "The cost")[5..]}"""));
            body.Append(Paragraph("The vote", style: "Heading1"));
            body.Append(Paragraph(Paragraphs[0]));
        });
        Article article = Read("report.docx", docx);
        Assert.Equal(["The vote", Paragraphs[0]], article.Body.Split("\n\n"));
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

    /// <summary>Footnotes and endnotes (other parts of the package) were not read: a news
    /// document's sources and asides are text a user searches for. They follow the body as
    /// paragraphs of their own; the body's sentence keeps no trace of its marks.</summary>
    [Fact]
    public void Footnotes_and_endnotes_follow_the_body_as_paragraphs_of_their_own()
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(
                Paragraph(Title, style: "Title"),
                new Paragraph(
                    new Run(new Text("The council voted to build a second bridge.")),
                    new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReference { Id = 1 }),
                    new Run(new Text(" Work starts in spring.") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new EndnoteReference { Id = 1 }))));
            main.AddNewPart<FootnotesPart>().Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 },
                new Footnote(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }),
                    new Run(new FootnoteReferenceMark()), new Run(new Text(" The first vote was held in 2011.") { Space = SpaceProcessingModeValues.Preserve }))) { Id = 1 });
            main.AddNewPart<EndnotesPart>().Endnotes = new Endnotes(
                new Endnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Endnote(new Paragraph(new Run(new EndnoteReferenceMark()), new Run(new Text("Figures from the council's budget.")))) { Id = 1 });
        }
        Article article = Read("bridge.docx", stream.ToArray());
        Assert.Equal(Title, article.Title);
        Assert.Equal(
            ["The council voted to build a second bridge. Work starts in spring.", "The first vote was held in 2011.", "Figures from the council's budget."],
            article.Body.Split("\n\n"));
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
