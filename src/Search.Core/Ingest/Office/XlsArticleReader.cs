namespace Search.Core.Ingest.Office;

/// <summary>
/// Reads Excel 97-2003 workbooks (<c>.xls</c>: the exports of older newsroom and public-records
/// systems) of articles as <c>.xlsx</c> workbooks are read, a row an article
/// (<see cref="SheetArticles"/>), from the <c>Workbook</c> stream of the compound file
/// (<see cref="CompoundFile"/>, <see cref="XlsWorkbook"/>). A CSV or tab-separated text saved
/// under the name, as many exports are, is the CSV reader's; a web page saved so (an HTML table),
/// an encrypted, damaged or Excel 5/95 workbook is skipped with the reason.
/// </summary>
public sealed class XlsArticleReader : StreamedFileReader
{
    public override string Format => "xls";

    /// <summary>Any <c>.xls</c> the CSV reader leaves (it takes the text tables exports save under
    /// the name): a workbook, or a web page saved as one, reported.</summary>
    public override bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".xls" or ".xlt";

    protected override IEnumerable<ReadItem> Read(SourceFile file, Stream stream)
    {
        byte[] content = Whole(stream);
        if (!content.AsSpan().StartsWith(CompoundFile.Signature))
            return [ReadItem.Skip(RecordProblem.WholeFile, IsPage(content)
                ? "a web page saved as .xls (an HTML table, as many exports write): save it from Excel as .xlsx or .csv to index it"
                : "not an Excel workbook (nor a table of text)")];
        return Read(file, content);
    }

    private static bool IsPage(ReadOnlySpan<byte> content)
    {
        content = content[..Math.Min(content.Length, 1024)].TrimStart((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF, (byte)' ', (byte)'\r', (byte)'\n', (byte)'\t']);
        return content.StartsWith("<"u8);
    }

    /// <summary>The articles of a workbook in <paramref name="bytes"/>, whatever its name says (an
    /// <c>.xls</c> renamed <c>.xlsx</c> is one).</summary>
    internal static List<ReadItem> Read(SourceFile file, byte[] bytes)
    {
        XlsWorkbook workbook;
        try
        {
            var compound = CompoundFile.OpenDocument(bytes);
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
        catch (Exception e) when (CompoundFile.IsDamage(e))
        {
            return [ReadItem.Skip(RecordProblem.WholeFile, $"damaged or unreadable Excel 97-2003 workbook: {CompoundFile.Damage(e)}")];
        }
    }
}
