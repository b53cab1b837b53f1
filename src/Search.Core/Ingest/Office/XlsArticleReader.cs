namespace Search.Core.Ingest.Office;

/// <summary>
/// Reads Excel 97-2003 workbooks (<c>.xls</c>: the exports of older newsroom and public-records
/// systems) of articles as <c>.xlsx</c> workbooks are read, a row an article
/// (<see cref="SheetArticles"/>), from the <c>Workbook</c> stream of the compound file
/// (<see cref="CompoundFile"/>, <see cref="XlsWorkbook"/>). A <c>.xls</c> that is not a compound
/// file (a CSV or web page saved under the name, as many exports are) is no reader's here; an
/// encrypted, damaged or Excel 5/95 workbook is skipped with the reason.
/// </summary>
public sealed class XlsArticleReader : StreamedFileReader
{
    public override string Format => "xls";

    public override bool CanRead(string extension, ReadOnlySpan<byte> head) =>
        extension is ".xls" or ".xlt" && (head.IsEmpty || head.StartsWith(CompoundFile.Signature));

    protected override IEnumerable<ReadItem> Read(SourceFile file, Stream stream)
    {
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return Read(file, bytes.ToArray());
    }

    /// <summary>The articles of a workbook in <paramref name="bytes"/>, whatever its name says (an
    /// <c>.xls</c> renamed <c>.xlsx</c> is one).</summary>
    internal static List<ReadItem> Read(SourceFile file, byte[] bytes)
    {
        XlsWorkbook workbook;
        try
        {
            var compound = CompoundFile.Open(bytes);
            if (compound.Stream("EncryptedPackage") != null)
                throw new EncryptedDocumentException(); // an .xlsx under a password
            workbook = new XlsWorkbook(compound.Stream("Workbook") ?? throw new InvalidDataException(
                compound.Stream("Book") != null ? "an Excel 5 or Excel 95 workbook, which is not read" : "no Workbook stream"));
            var items = new List<ReadItem>();
            var articles = new SheetArticles(file, workbook.Dates1904);
            foreach (var (name, offset) in workbook.Sheets)
            {
                articles.StartSheet(name);
                foreach (var (row, cells) in workbook.Rows(offset))
                {
                    if (articles.Row(row, cells) is { } item)
                        items.Add(item);
                    if (articles.SheetDone)
                        break;
                }
            }
            return items;
        }
        catch (EncryptedDocumentException)
        {
            return [ReadItem.Skip(RecordProblem.WholeFile, "an encrypted Excel workbook: save it without a password to index it")];
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IndexOutOfRangeException)
        {
            string why = e is InvalidDataException ? e.Message : "an offset outside the file";
            return [ReadItem.Skip(RecordProblem.WholeFile, $"damaged or unreadable Excel 97-2003 workbook: {why}")];
        }
    }
}
