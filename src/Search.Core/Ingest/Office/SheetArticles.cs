namespace Search.Core.Ingest.Office;

/// <summary>
/// The articles of a workbook's rows, the same for Excel 2007's <c>.xlsx</c> and Excel 97-2003's
/// <c>.xls</c>, as a CSV file's rows are read: on each sheet, the first row that is not empty is
/// the header, mapped by <see cref="FieldMapping"/>, and every row after it is an article. A date
/// kept as Excel's serial number is read as the date it stands for. Records are numbered across
/// the workbook's sheets in order (<c>stories.xlsx#12</c>), their line is their row; a sheet
/// without a title or body column (notes, a chart's data) is reported and passed over.
/// </summary>
internal sealed class SheetArticles(SourceFile file, bool dates1904 = false)
{
    /// <summary>Days between Excel's two date systems: a Mac workbook's serial 0 is 1904-01-01.</summary>
    private const int Days1904 = 1462;

    private int _record;
    private string _sheet = "";
    private ArticleField?[]? _columns;

    /// <summary>Whether the current sheet is done with: it has no title or body column.</summary>
    public bool SheetDone { get; private set; }

    /// <summary>Rows after this are of sheet <paramref name="name"/>, which starts with its header.</summary>
    public void StartSheet(string name) => (_sheet, _columns, SheetDone) = (name, null, false);

    /// <summary>Row <paramref name="row"/> (1-based) of the current sheet: its article, its problem,
    /// or null for a blank row or the header.</summary>
    public ReadItem? Row(int row, string[] cells)
    {
        if (SheetDone || cells.All(string.IsNullOrWhiteSpace))
            return null;
        if (_columns == null)
        {
            _columns = FieldMapping.MapHeader(cells.Select(c => c.Trim()).ToList());
            if (_columns.Any(f => f is { } field && FieldMapping.IsText(field)))
                return null;
            SheetDone = true;
            return ReadItem.Skip(row, $"sheet '{_sheet}' has no title or body column in its first row; not read");
        }
        _record++;
        var article = new Article();
        for (int i = 0; i < Math.Min(_columns.Length, cells.Length); i++)
        {
            if (_columns[i] is not ArticleField field || cells[i].Length == 0)
                continue;
            string value = field == ArticleField.Published && SerialDate(cells[i], dates1904) is { } date ? date : cells[i];
            FieldMapping.Apply(article, field, value);
        }
        string? problem = FieldMapping.Complete(article, file, _record, row);
        return problem == null ? ReadItem.Of(article) : ReadItem.Skip(row, $"sheet '{_sheet}' row {row}: {problem}");
    }

    /// <summary>A cell holding Excel's serial date (days since 1899-12-30, or since 1904-01-01 in a
    /// workbook of the 1904 system; a fraction for the time) as an ISO date; null for any other value.</summary>
    internal static string? SerialDate(string cell, bool dates1904 = false) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double serial) && serial is >= 1 and < 2958466
            ? DateTime.FromOADate(serial + (dates1904 ? Days1904 : 0)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
}
