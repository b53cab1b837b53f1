using System.IO.Compression;
using System.Xml;

namespace Search.Core.Ingest.Office;

/// <summary>A worksheet: its name and where its part is in the package.</summary>
internal sealed record Worksheet(string Name, string Part);

/// <summary>
/// The rows of an Excel workbook (<c>.xlsx</c>, SpreadsheetML) as text cells, streamed a row at a
/// time: sheets in the workbook's order, shared strings and inline strings resolved, each cell
/// placed by its reference (<c>C7</c>), so empty cells keep their column. Numbers are given as
/// written; a date column's serial number is turned into a date by the caller.
/// </summary>
internal sealed class SpreadsheetRows(ZipArchive package)
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };

    private List<string>? _shared;

    /// <summary>Where the workbook's relationships put its shared strings: Excel writes
    /// <c>xl/sharedStrings.xml</c>, some reporting tools <c>xl/SharedStrings.xml</c> or another name.</summary>
    private string _sharedPart = "xl/sharedStrings.xml";

    /// <summary>Whether the workbook's dates count from 1904 (<c>workbookPr date1904</c>: one made
    /// by Excel for the Mac before 2011), known once <see cref="Sheets"/> has read the workbook.</summary>
    public bool Dates1904 { get; private set; }

    /// <summary>The workbook's sheets, in its order.</summary>
    public List<Worksheet> Sheets()
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (package.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var xml = XmlReader.Create(rels.Open(), Settings);
            while (xml.Read())
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                    if (xml.GetAttribute("Type")?.EndsWith("/sharedStrings", StringComparison.Ordinal) == true)
                        _sharedPart = targets[id];
                }
        }
        var sheets = new List<Worksheet>();
        if (package.GetEntry("xl/workbook.xml") is not { } workbook)
            return sheets;
        using (var xml = XmlReader.Create(workbook.Open(), Settings))
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.GetAttribute("id", Relationships) is { } id && targets.TryGetValue(id, out string? part))
                    sheets.Add(new Worksheet(xml.GetAttribute("name") ?? part, part));
                else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "workbookPr")
                    Dates1904 = xml.GetAttribute("date1904") is "1" or "true";
            }
        return sheets;
    }

    /// <summary>The sheet's rows: their 1-based row number and cells (empty ones as "").</summary>
    public IEnumerable<(int Row, string[] Cells)> Rows(Worksheet sheet)
    {
        if (package.GetEntry(sheet.Part) is not { } part)
            yield break;
        List<string> shared = _shared ??= SharedStrings();
        using var xml = XmlReader.Create(part.Open(), Settings);
        var cells = new List<string>();
        int row = 0;
        string? type = null;
        int column = 0;
        while (xml.Read())
        {
            if (xml.NamespaceURI != Main)
                continue;
            if (xml.NodeType == XmlNodeType.Element)
            {
                switch (xml.LocalName)
                {
                    case "row":
                        cells.Clear();
                        row = int.TryParse(xml.GetAttribute("r"), out int r) ? r : row + 1;
                        if (xml.IsEmptyElement)
                            yield return (row, []);
                        break;
                    case "c":
                        type = xml.GetAttribute("t");
                        column = ColumnOf(xml.GetAttribute("r")) ?? cells.Count;
                        break;
                    case "v" when !xml.IsEmptyElement:
                        Put(cells, column, Value(xml.ReadElementContentAsString(), type, shared));
                        break;
                    case "is" when !xml.IsEmptyElement:
                        Put(cells, column, InlineText(xml));
                        break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "row")
                yield return (row, cells.ToArray());
        }
    }

    private static void Put(List<string> cells, int column, string value)
    {
        while (cells.Count <= column)
            cells.Add("");
        cells[column] = value;
    }

    private static string Value(string raw, string? type, List<string> shared) => type switch
    {
        "s" when int.TryParse(raw, out int i) && i >= 0 && i < shared.Count => shared[i],
        "b" => raw == "1" ? "TRUE" : "FALSE",
        _ => raw,
    };

    /// <summary>The 0-based column of a cell reference (<c>AB12</c> → 27).</summary>
    internal static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        int column = 0, i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return i == 0 ? null : column - 1;
    }

    /// <summary>The text of an inline or shared string (<c>t</c> elements, rich-text runs included;
    /// phonetic runs left out). Leaves the reader at the string's end element.</summary>
    private static string InlineText(XmlReader xml)
    {
        var text = new StringBuilder();
        int depth = xml.Depth;
        bool phonetic = false;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
                phonetic = !xml.IsEmptyElement;
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "rPh")
                phonetic = false;
            else if (xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace && !phonetic)
                text.Append(xml.Value);
        }
        return text.ToString();
    }

    private List<string> SharedStrings()
    {
        var strings = new List<string>();
        if (package.GetEntry(_sharedPart) is not { } part)
            return strings;
        using var xml = XmlReader.Create(part.Open(), Settings);
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si" && xml.NamespaceURI == Main)
                strings.Add(xml.IsEmptyElement ? "" : InlineText(xml));
        return strings;
    }
}
