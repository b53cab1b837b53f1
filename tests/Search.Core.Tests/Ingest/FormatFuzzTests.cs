using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Search.Core.Ingest;
using Search.Core.Tests.Support;
using Search.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Ingest;

/// <summary>
/// Damaged files of every container format a reader takes apart (web archives, saved pages,
/// messages and mailboxes with their attachments, office documents (RTF and Word 97-2003's
/// compound files among them), zip and tar archives, feeds, .json arrays): cut short anywhere or
/// with bytes changed, each must read as articles and problems, never throw. (A reader that
/// throws costs the user the whole file as "could not be read", or the build.)
/// </summary>
public sealed class FormatFuzzTests
{
    private static readonly string Fixtures = Path.Combine(RepoPaths.Root, "tests/Search.Core.Tests/Ingest");

    public static TheoryData<string> Samples => new(Files.Value.Keys);

    /// <summary>Damaged copies of each file, of each kind: cut short, and with bytes changed. More
    /// in the long run (<see cref="LongTests"/>), which CI makes.</summary>
    private static int Variants => LongTests.Enabled ? 80 : 24;

    private static readonly Lazy<Dictionary<string, byte[]>> Files = new(Build);

    private static Dictionary<string, byte[]> Build()
    {
        byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in (ReadOnlySpan<(string, string)>)[("a/1.txt", "Quay repairs\n\nDivers checked the quay wall on Sunday.\n"), ("rows.csv", "title,body\nBridge vote,The council voted.\n")])
                using (var writer = new StreamWriter(archive.CreateEntry(name).Open()))
                    writer.Write(text);
        }
        var tar = new MemoryStream();
        using (var gzip = new GZipStream(tar, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax))
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "rows.csv") { DataStream = new MemoryStream(Utf8("title,body\nBridge vote,The council voted.\nBridge cost,45 million euros.\n")) });
        var docx = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(docx, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Bridge vote"))),
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("The council voted to build a second bridge.")))));
            document.PackageProperties.Creator = "Maria Keller";
        }
        var xlsx = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(xlsx, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var book = document.AddWorkbookPart();
            book.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
            var part = book.AddNewPart<DocumentFormat.OpenXml.Packaging.WorksheetPart>();
            DocumentFormat.OpenXml.Spreadsheet.Cell Inline(string r, string t) => new() { CellReference = r, DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString, InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(t)) };
            part.Worksheet = new DocumentFormat.OpenXml.Spreadsheet.Worksheet(new DocumentFormat.OpenXml.Spreadsheet.SheetData(
                new DocumentFormat.OpenXml.Spreadsheet.Row(Inline("A1", "title"), Inline("B1", "body")) { RowIndex = 1 },
                new DocumentFormat.OpenXml.Spreadsheet.Row(Inline("A2", "Bridge vote"), Inline("B2", "The council voted.")) { RowIndex = 2 }));
            book.Workbook.Sheets!.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Name = "Stories", SheetId = 1, Id = book.GetIdOfPart(part) });
        }
        return new()
        {
            ["memo.docx"] = docx.ToArray(),
            ["stories.xlsx"] = xlsx.ToArray(),
            ["crawl.warc.gz"] = File.ReadAllBytes(Path.Combine(Fixtures, "Warc/Fixture/crawl.warc.gz")),
            ["bridge.odt"] = File.ReadAllBytes(Path.Combine(Fixtures, "Office/Fixture/bridge.odt")),
            ["wire.doc"] = File.ReadAllBytes(Path.Combine(Fixtures, "Office/Fixture/wire.doc")),
            ["stories.xls"] = File.ReadAllBytes(Path.Combine(Fixtures, "Office/Fixture/stories.xls")),
            ["nested.msg"] = File.ReadAllBytes(Path.Combine(Fixtures, "Mail/Fixture/nested.msg")),
            ["harbour.rtf"] = Utf8(Office.RtfArticleReaderTests.WordLike),
            ["seoul.rtf"] = File.ReadAllBytes(Path.Combine(Fixtures, "Office/Fixture/seoul.rtf")),
            ["export.zip"] = zip.ToArray(),
            ["export.tar.gz"] = tar.ToArray(),
            ["inbox.mbox"] = Utf8("From a@b.example Mon May 10 01:00:00 2021\nFrom: Desk <a@b.example>\nSubject: =?UTF-8?Q?Tip_=C3=A9?=\nContent-Type: multipart/alternative; boundary=x\n\n--x\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nThe ferry=\n crew sent a tip.\n--x--\n\nFrom c@d.example Mon May 10 02:00:00 2021\nSubject: Second\n\nBody.\n"),
            ["leak.eml"] = File.ReadAllBytes(Path.Combine(Fixtures, "Mail/Fixture/leak.eml")),
            ["tips.mbox"] = File.ReadAllBytes(Path.Combine(Fixtures, "Mail/Fixture/tips.mbox")),
            ["page.mhtml"] = Utf8("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n" + Convert.ToBase64String(Utf8("<html><body><article><h1>Bridge</h1><p>The council voted to build a second bridge across the river on Monday.</p></article></body></html>")) + "\n--b--\n"),
            ["feed.xml"] = Utf8("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>Harbour &eacute;</title><description><![CDATA[<p>The harbour reopened.</p>]]></description><pubDate>Mon, 03 Oct 2022 07:00:00 GMT</pubDate></item><item><title>Ferry</title><description>The ferry runs.</description></item></channel></rss>"),
            ["wire.sgm"] = File.ReadAllBytes(Path.Combine(Fixtures, "Xml/Fixture/wire.sgm")),
            ["array.json"] = Utf8("[\n  {\"title\": \"Dock 1\", \"body\": \"Cargo unloaded.\"},\n  {\"title\": \"Dock 2\", \"body\": \"Cargo late.\", \"tags\": [\"port\"]}\n]\n"),
        };
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_damaged_file_reads_as_articles_and_problems_and_never_throws(string name)
    {
        byte[] original = Files.Value[name];
        IArticleReader reader = ReaderRegistry.Default.Resolve(name, original).Reader!;
        var random = new Random(name.Length * 7919 + original.Length);
        var damaged = new List<byte[]> { original };
        for (int i = 0; i < Variants; i++)
            damaged.Add(original[..random.Next(original.Length)]);
        for (int i = 0; i < Variants; i++)
        {
            byte[] copy = (byte[])original.Clone();
            for (int flips = random.Next(1, 4); flips > 0; flips--)
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
            damaged.Add(copy);
        }
        using var dir = new TempDir();
        var failures = new List<string>();
        foreach (var (bytes, i) in damaged.Select((b, i) => (b, i)))
        {
            string path = Path.Combine(dir.Path, name);
            File.WriteAllBytes(path, bytes);
            var file = new SourceFile(path, name, dir.Path);
            try
            {
                _ = (reader is IBinaryArticleReader binary ? binary.Read(file, bytes) : reader.Read(file, TextDecoding.Decode(bytes, out _))).ToList();
                _ = reader.Read(file).ToList(); // streamed, as a big file is read
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add($"variant {i} ({bytes.Length} bytes): {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }
}
