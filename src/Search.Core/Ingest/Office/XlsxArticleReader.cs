using System.IO.Compression;
using System.Xml;

namespace Search.Core.Ingest.Office;

/// <summary>
/// Reads Excel workbooks (<c>.xlsx</c>, <c>.xlsm</c>) of articles as CSV files are read: on each
/// sheet, the first row that is not empty is the header, mapped by <see cref="FieldMapping"/>, and
/// every row after it is an article (<see cref="SpreadsheetRows"/>, streamed a row at a time). A
/// date kept as Excel's serial number is read as the date it stands for. Records are numbered
/// across the workbook's sheets in order (<c>stories.xlsx#12</c>), their line is their row; a
/// sheet without a title or body column (notes, a chart's data) is reported and passed over.
/// </summary>
public sealed class XlsxArticleReader : StreamedFileReader
{
    public override string Format => "xlsx";

    public override bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".xlsx" or ".xlsm";

    protected override IEnumerable<ReadItem> Read(SourceFile file, Stream stream)
    {
        ZipArchive? package = null;
        string? problem = null;
        try
        {
            package = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            problem = stream.Length >= 4 && IsOldFormat(stream)
                ? "an encrypted or old-format (.xls) workbook: save it as .xlsx without a password to index it"
                : $"not an Excel workbook (not a zip archive: {e.Message})";
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
            int record = 0;
            foreach (Worksheet sheet in sheets)
            {
                IEnumerator<(int Row, string[] Cells)> sheetRows = rows.Rows(sheet).GetEnumerator();
                ArticleField?[]? columns = null;
                while (true)
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
                    if (row.Cells.All(string.IsNullOrWhiteSpace))
                        continue;
                    if (columns == null)
                    {
                        columns = FieldMapping.MapHeader(row.Cells.Select(c => c.Trim()).ToList());
                        if (!columns.Any(f => f is { } field && FieldMapping.IsText(field)))
                        {
                            yield return ReadItem.Skip(row.Row, $"sheet '{sheet.Name}' has no title or body column in its first row; not read");
                            break;
                        }
                        continue;
                    }
                    record++;
                    yield return Article(file, sheet, columns, row.Row, row.Cells, record);
                }
                sheetRows.Dispose();
            }
        }
    }

    private static ReadItem Article(SourceFile file, Worksheet sheet, ArticleField?[] columns, int row, string[] cells, int record)
    {
        var article = new Article();
        for (int i = 0; i < Math.Min(columns.Length, cells.Length); i++)
        {
            if (columns[i] is not ArticleField field || cells[i].Length == 0)
                continue;
            string value = field == ArticleField.Published && SerialDate(cells[i]) is { } date ? date : cells[i];
            FieldMapping.Apply(article, field, value);
        }
        string? problem = FieldMapping.Complete(article, file, record, row);
        return problem == null ? ReadItem.Of(article) : ReadItem.Skip(row, $"sheet '{sheet.Name}' row {row}: {problem}");
    }

    /// <summary>A cell holding Excel's serial date (days since 1899-12-30, a fraction for the time)
    /// as an ISO date; null for any other value.</summary>
    internal static string? SerialDate(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double serial) && serial is >= 1 and < 2958466
            ? DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    /// <summary>An OLE compound file: an .xls of Excel 97-2003, or an encrypted .xlsx.</summary>
    private static bool IsOldFormat(Stream stream)
    {
        stream.Position = 0;
        Span<byte> magic = stackalloc byte[4];
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]);
    }
}
