using System.Buffers.Binary;

namespace Search.Core.Ingest.Office;

/// <summary>
/// An Excel 97-2003 workbook's sheets and their cells as text ([MS-XLS], BIFF8): the globals give
/// the worksheets (<c>BOUNDSHEET</c>), the shared strings (<c>SST</c>) and the date system; each
/// worksheet's substream gives its cells, strings resolved, numbers written as numbers (a date
/// column's serial number is turned into a date by <see cref="SheetArticles"/>), a formula as its
/// cached result. Charts and macro sheets are passed over.
/// </summary>
internal sealed class XlsWorkbook
{
    private const ushort BoundSheet = 0x0085, Sst = 0x00FC, FilePass = 0x002F, DateMode = 0x0022,
        LabelSst = 0x00FD, Label = 0x0204, RString = 0x00D6, Number = 0x0203, Rk = 0x027E, MulRk = 0x00BD,
        Formula = 0x0006, FormulaString = 0x0207, BoolErr = 0x0205;
    private const ushort Biff8 = 0x0600;
    /// <summary>Rows and columns a sheet of Excel 97-2003 can hold.</summary>
    private const int MaxRows = 65536, MaxColumns = 256;

    private readonly byte[] _stream;
    private readonly List<string> _shared = [];

    public List<(string Name, int Offset)> Sheets { get; } = [];

    /// <summary>Whether dates count from 1904 (a workbook made on a Mac).</summary>
    public bool Dates1904 { get; }

    /// <summary>Reads the globals of the <c>Workbook</c> stream; <see cref="InvalidDataException"/>
    /// for an older version, and <see cref="EncryptedDocumentException"/> under a password.</summary>
    public XlsWorkbook(byte[] stream)
    {
        _stream = stream;
        if (stream.Length < 8 || BinaryPrimitives.ReadUInt16LittleEndian(stream) != BiffRecords.Bof)
            throw new InvalidDataException("not an Excel workbook stream");
        if (BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(4)) != Biff8)
            throw new InvalidDataException("an Excel 5 or Excel 95 workbook, which is not read");
        List<BiffRecord>? sst = null;
        foreach (BiffRecord record in BiffRecords.From(stream, 0))
        {
            ReadOnlySpan<byte> data = stream.AsSpan(record.Offset, record.Length);
            switch (record.Type)
            {
                case FilePass:
                    throw new EncryptedDocumentException();
                case DateMode when data.Length >= 2:
                    Dates1904 = BinaryPrimitives.ReadUInt16LittleEndian(data) == 1;
                    break;
                case BoundSheet when data.Length >= 8 && data[5] == 0: // a worksheet, not a chart or macros
                    Sheets.Add((BiffStrings.Single(stream, record, 6, wideCount: false), BinaryPrimitives.ReadInt32LittleEndian(data)));
                    break;
                case Sst:
                    sst = [record];
                    break;
                case BiffRecords.Continue when sst != null && sst[^1].Offset + sst[^1].Length + 4 == record.Offset:
                    sst.Add(record);
                    break;
            }
        }
        if (sst != null)
            _shared = BiffStrings.Table(stream, sst);
    }

    /// <summary>The rows of the sheet whose substream starts at <paramref name="offset"/>: their
    /// 1-based number and cells (empty ones as ""), in order.</summary>
    public List<(int Row, string[] Cells)> Rows(int offset)
    {
        var rows = new SortedDictionary<int, SortedDictionary<int, string>>();
        void Set(int row, int column, string value)
        {
            if (row < MaxRows && column < MaxColumns && value.Length > 0)
            {
                if (!rows.TryGetValue(row, out var cells))
                    rows[row] = cells = [];
                cells[column] = value;
            }
        }
        (int Row, int Column)? pendingFormula = null;
        foreach (BiffRecord record in BiffRecords.From(_stream, offset))
        {
            ReadOnlySpan<byte> data = _stream.AsSpan(record.Offset, record.Length);
            if (record.Type == FormulaString && pendingFormula is var (fr, fc))
                Set(fr, fc, BiffStrings.Single(_stream, record, 0, wideCount: true));
            pendingFormula = null;
            if (data.Length < 6)
                continue;
            int row = BinaryPrimitives.ReadUInt16LittleEndian(data), column = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
            switch (record.Type)
            {
                case LabelSst when data.Length >= 10:
                    int index = BinaryPrimitives.ReadInt32LittleEndian(data[6..]);
                    if (index >= 0 && index < _shared.Count)
                        Set(row, column, _shared[index]);
                    break;
                case Label or RString when data.Length >= 9:
                    Set(row, column, BiffStrings.Single(_stream, record, 6, wideCount: true));
                    break;
                case Number when data.Length >= 14:
                    Set(row, column, Text(BinaryPrimitives.ReadDoubleLittleEndian(data[6..])));
                    break;
                case Rk when data.Length >= 10:
                    Set(row, column, Text(RkValue(BinaryPrimitives.ReadUInt32LittleEndian(data[6..]))));
                    break;
                case MulRk:
                    for (int at = 4; at + 6 <= data.Length - 2; at += 6, column++)
                        Set(row, column, Text(RkValue(BinaryPrimitives.ReadUInt32LittleEndian(data[(at + 2)..]))));
                    break;
                case Formula when data.Length >= 14:
                    // The cached result: a number, or a marker (0xFFFF in its last two bytes)
                    // whose first byte says a string follows in the next record (0) or a
                    // boolean (1), error (2) or empty string (3) is held.
                    if (BinaryPrimitives.ReadUInt16LittleEndian(data[12..]) != 0xFFFF)
                        Set(row, column, Text(BinaryPrimitives.ReadDoubleLittleEndian(data[6..])));
                    else if (data[6] == 0)
                        pendingFormula = (row, column);
                    else if (data[6] == 1)
                        Set(row, column, data[8] != 0 ? "TRUE" : "FALSE");
                    break;
                case BoolErr when data.Length >= 8 && data[7] == 0:
                    Set(row, column, data[6] != 0 ? "TRUE" : "FALSE");
                    break;
            }
        }
        return [.. rows.Select(r => (r.Key + 1, Cells(r.Value)))];
    }

    private static string[] Cells(SortedDictionary<int, string> cells)
    {
        var array = new string[cells.Keys.Max() + 1];
        Array.Fill(array, "");
        foreach (var (column, value) in cells)
            array[column] = value;
        return array;
    }

    /// <summary>A number as Excel shows it unformatted: <c>45</c>, <c>0.25</c>.</summary>
    private static string Text(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    /// <summary>An <c>RkNumber</c>: a 30-bit integer or the high bits of a double, either over a hundred.</summary>
    private static double RkValue(uint rk)
    {
        double value = (rk & 0x02) != 0
            ? (int)rk >> 2
            : BitConverter.Int64BitsToDouble((long)(rk & 0xFFFFFFFC) << 32);
        return (rk & 0x01) != 0 ? value / 100 : value;
    }
}
