using System.IO.Compression;
using System.Xml;

namespace Search.Core.Ingest.Office;

/// <summary>
/// Reads Excel workbooks (<c>.xlsx</c>, <c>.xlsm</c>) of articles as CSV files are read, a row an
/// article (<see cref="SheetArticles"/>), streamed a row at a time (<see cref="SpreadsheetRows"/>).
/// </summary>
public sealed class XlsxArticleReader : StreamedFileReader
{
    public override string Format => "xlsx";

    public override bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".xlsx" or ".xlsm";

    protected override IEnumerable<ReadItem> Read(SourceFile file, Stream stream)
    {
        if (stream.Length >= 4 && IsCompoundFile(stream))
        {
            // An old .xls renamed, or an .xlsx encrypted (which Office keeps in a compound file).
            stream.Position = 0;
            foreach (ReadItem item in XlsArticleReader.Read(file, Whole(stream)))
                yield return item;
            yield break;
        }
        ZipArchive? package = null;
        string? problem = null;
        try
        {
            stream.Position = 0;
            package = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            problem = $"not an Excel workbook (not a zip archive: {e.Message})";
        }
        if (problem != null || package == null)
        {
            yield return ReadItem.Skip(RecordProblem.WholeFile, problem ?? "not an Excel workbook");
            yield break;
        }
        using (package)
        {
            var rows = new SpreadsheetRows(package);
            List<Worksheet> sheets = [];
            try
            {
                sheets = rows.Sheets();
            }
            catch (Exception e) when (e is XmlException or InvalidDataException)
            {
                problem = $"damaged Excel workbook: {e.Message.ReplaceLineEndings(" ")}";
            }
            if (problem != null)
            {
                yield return ReadItem.Skip(RecordProblem.WholeFile, problem);
                yield break;
            }
            var articles = new SheetArticles(file, rows.Dates1904);
            foreach (Worksheet sheet in sheets)
            {
                articles.StartSheet(sheet.Name);
                IEnumerator<(int Row, string[] Cells)> sheetRows = rows.Rows(sheet).GetEnumerator();
                while (!articles.SheetDone)
                {
                    (int Row, string[] Cells) row;
                    string? broken = null;
                    try
                    {
                        if (!sheetRows.MoveNext())
                            break;
                        row = sheetRows.Current;
                    }
                    catch (Exception e) when (e is XmlException or InvalidDataException)
                    {
                        row = (0, []);
                        broken = $"sheet '{sheet.Name}' is damaged ({e.Message.ReplaceLineEndings(" ")}); the rest of it is not read";
                    }
                    if (broken != null)
                    {
                        yield return ReadItem.Skip(Math.Max(1, row.Row), broken);
                        break;
                    }
                    if (articles.Row(row.Row, row.Cells) is { } item)
                        yield return item;
                }
                sheetRows.Dispose();
            }
        }
    }

    /// <summary>An OLE compound file: an .xls of Excel 97-2003, or an encrypted .xlsx.</summary>
    private static bool IsCompoundFile(Stream stream)
    {
        stream.Position = 0;
        Span<byte> magic = stackalloc byte[4];
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]);
    }
}
