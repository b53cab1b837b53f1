using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Search.Core.Ingest;
using Search.Core.Ingest.Office;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Office;

/// <summary>Excel workbooks of articles, written here by Microsoft's Open XML SDK as Excel writes
/// them (shared strings, inline strings, dates as serial numbers, gaps between cells). They were
/// ignored as "not an article format".</summary>
public sealed class XlsxArticleReaderTests
{
    private static Cell Text(string reference, string text, bool shared, SharedStringTablePart? strings)
    {
        if (!shared || strings == null)
            return new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
        strings.SharedStringTable!.Append(new SharedStringItem(new Text(text)));
        return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.SharedStringTable.Count() - 1) };
    }

    private static Cell Number(string reference, double value) => new() { CellReference = reference, CellValue = new CellValue(value) };

    private static byte[] Workbook()
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            WorkbookPart book = document.AddWorkbookPart();
            book.Workbook = new Workbook(new Sheets());
            SharedStringTablePart strings = book.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            void Sheet(string name, uint id, params Row[] rows)
            {
                WorksheetPart part = book.AddNewPart<WorksheetPart>();
                part.Worksheet = new DocumentFormat.OpenXml.Spreadsheet.Worksheet(new SheetData(rows));
                book.Workbook.Sheets!.Append(new Sheet { Name = name, SheetId = id, Id = book.GetIdOfPart(part) });
            }
            Sheet("Notes", 1, new Row(Text("A1", "Read me: the stories are on the next sheet.", true, strings)) { RowIndex = 1 });
            Sheet("Stories", 2,
                new Row(Text("A2", "Headline", true, strings), Text("B2", "Date", true, strings), Text("D2", "Text", true, strings)) { RowIndex = 2 },
                new Row(Text("A3", "Council approves the bridge", true, strings), Number("B3", 44327), Text("D3", "The council voted to build a second bridge.", false, null)) { RowIndex = 3 },
                new Row(Text("A5", "Ferry keeps running", true, strings), Text("B5", "2021-05-12", true, strings), Text("D5", "The old ferry keeps running every twenty minutes.", true, strings)) { RowIndex = 5 });
        }
        return stream.ToArray();
    }

    [Fact]
    public void A_workbook_reads_one_article_a_row_and_reports_a_sheet_that_holds_none()
    {
        using var dir = new TempDir();
        var items = ReadAll(new XlsxArticleReader(), WriteBytes(dir, "stories.xlsx", Workbook()));
        var articles = Articles(items);
        Assert.Equal([("stories.xlsx#1", 3), ("stories.xlsx#2", 5)], articles.Select(a => (a.Id, a.Line)));
        Assert.Equal(("Council approves the bridge", "The council voted to build a second bridge."), (articles[0].Title, articles[0].Body));
        Assert.Equal(["2021-05-11", "2021-05-12"], articles.Select(a => a.Published));
        var problem = Assert.Single(Problems(items));
        Assert.Equal((1, "sheet 'Notes' has no title or body column in its first row; not read"), (problem.Line, problem.Reason));
        Assert.Equal("xlsx", ReaderRegistry.Default.Resolve("stories.xlsx", Workbook()).Reader!.Format);
    }

    private const string SheetMain = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    private const string RelationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    /// <summary>A workbook of one sheet, "Stories", its parts written by hand as other programs
    /// than Excel write them: <paramref name="workbookProperties"/> in the workbook, the shared
    /// strings as <paramref name="sharedPart"/>, and the rows given.</summary>
    private static byte[] HandWritten(string workbookProperties, string sharedPart, string[] strings, string rows)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in (ReadOnlySpan<(string, string)>)[
                ("xl/workbook.xml", $"<workbook {SheetMain}>{workbookProperties}<sheets><sheet name=\"Stories\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
                ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + $"<Relationship Id=\"rId1\" Type=\"{RelationshipType}worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
                    + $"<Relationship Id=\"rId2\" Type=\"{RelationshipType}sharedStrings\" Target=\"{sharedPart}\"/></Relationships>"),
                ("xl/worksheets/sheet1.xml", $"<worksheet {SheetMain}><sheetData>{rows}</sheetData></worksheet>"),
                ($"xl/{sharedPart}", $"<sst {SheetMain}>{string.Concat(strings.Select(t => $"<si><t>{t}</t></si>"))}</sst>"),
            ])
                using (var writer = new StreamWriter(zip.CreateEntry(name).Open()))
                    writer.Write(xml);
        }
        return stream.ToArray();
    }

    [Fact]
    public void Shared_strings_are_read_where_the_workbook_relationships_put_them()
    {
        // Reporting tools write the shared strings as xl/SharedStrings.xml (the name is the
        // relationships' to give); every text cell read as empty, so the sheet "had no title or
        // body column".
        byte[] workbook = HandWritten("", "SharedStrings.xml", ["Title", "Body", "Council approves the bridge", "The council voted on Monday."],
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"s\"><v>3</v></c></row>");
        using var dir = new TempDir();
        var items = ReadAll(new XlsxArticleReader(), WriteBytes(dir, "report.xlsx", workbook));
        Assert.Empty(Problems(items));
        Article article = Assert.Single(Articles(items));
        Assert.Equal(("Council approves the bridge", "The council voted on Monday."), (article.Title, article.Body));
    }

    [Fact]
    public void Dates_of_a_workbook_of_the_1904_date_system_are_read_as_their_dates()
    {
        // A workbook made by Excel for the Mac counts its serial dates from 1904: 44685 is
        // 2026-05-05 there, and was read as 2022-05-04, four years and a day early.
        byte[] workbook = HandWritten("<workbookPr date1904=\"1\"/>", "sharedStrings.xml", ["Title", "Date", "Council approves the bridge"],
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" s=\"1\"><v>44685</v></c></row>");
        using var dir = new TempDir();
        Article article = Assert.Single(Articles(ReadAll(new XlsxArticleReader(), WriteBytes(dir, "mac.xlsx", workbook))));
        Assert.Equal("2026-05-05", article.Published);
    }

    [Theory]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "damaged or unreadable Excel 97-2003 workbook")]
    [InlineData(new byte[] { (byte)'n', (byte)'o', (byte)'t', (byte)'e', (byte)'s' }, "not an Excel workbook")]
    public void What_is_not_a_workbook_is_skipped_with_the_reason(byte[] bytes, string reason)
    {
        using var dir = new TempDir();
        Assert.StartsWith(reason, Assert.Single(ReadAll(new XlsxArticleReader(), WriteBytes(dir, "x.xlsx", bytes))).Problem!.Reason);
    }
}
