using System.Text.RegularExpressions;

namespace Search.Core.Ingest.Pdf;

/// <summary>
/// Mends the commonest damage to a PDF: a file cut short (a download or a copy interrupted) loses
/// its end first, where the cross-reference table and the trailer that names the document's root
/// are, while the pages' objects before them are whole. PdfPig finds objects without the table,
/// but not without a trailer. Here the file is cut after its last complete object and given a
/// trailer naming its last catalog, which PdfPig's lenient parsing then reads. Only objects written
/// out in the file can be found so (not the compressed object streams of PDF 1.5).
/// </summary>
public static partial class PdfRepair
{
    /// <summary>The bytes up to the last complete object with a new trailer, or null when no
    /// catalog object is found.</summary>
    public static byte[]? WithTrailer(byte[] bytes)
    {
        string text = Encoding.Latin1.GetString(bytes);
        int end = text.LastIndexOf("endobj", StringComparison.Ordinal);
        if (end < 0)
            return null;
        end += "endobj".Length;
        string whole = text[..end];
        Match? catalog = Catalog().Matches(whole).LastOrDefault();
        if (catalog == null)
            return null;
        int size = ObjectHeader().Matches(whole).Select(m => int.TryParse(m.Groups[1].ValueSpan, out int n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        string trailer = $"\ntrailer\n<< /Root {catalog.Groups[1].Value} {catalog.Groups[2].Value} R /Size {size} >>\n%%EOF\n";
        return [.. bytes.AsSpan(0, end), .. Encoding.Latin1.GetBytes(trailer)];
    }

    [GeneratedRegex(@"(?<!\d)(\d{1,9})\s+(\d{1,5})\s+obj\b(?:(?!endobj).){0,600}?/Type\s*/Catalog\b", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Catalog();

    [GeneratedRegex(@"(?<!\d)(\d{1,9})\s+\d{1,5}\s+obj\b", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectHeader();
}
