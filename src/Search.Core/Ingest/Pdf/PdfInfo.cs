using System.Xml.Linq;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Search.Core.Ingest.Pdf;

/// <summary>The document's own metadata, the fallback when the first page's layout shows no title
/// or byline: the Info dictionary's Title and Author, else XMP <c>dc:title</c> and <c>dc:creator</c>.
/// File names and tool names that writers put there ("Microsoft Word - draft.docx", "untitled")
/// are not titles. The language the document declares: the catalog's <c>/Lang</c> (PDF 1.4, what
/// browsers and word processors write when they print), else XMP <c>dc:language</c>.</summary>
public sealed record PdfInfo(string? Title, string? Author, string? Language = null)
{
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static PdfInfo Read(PdfDocument document)
    {
        string? title = Usable(document.Information.Title);
        string? author = Usable(document.Information.Author);
        string? language = CatalogLanguage(document);
        if ((title == null || author == null || language == null) && document.TryGetXmpMetadata(out var xmp))
        {
            try
            {
                XDocument x = xmp.GetXDocument();
                title ??= Usable(x.Descendants(Dc + "title").FirstOrDefault()?.Value);
                author ??= Usable(string.Join(", ", x.Descendants(Dc + "creator").SelectMany(c => c.Descendants()).Where(e => !e.HasElements).Select(e => e.Value.Trim()).Where(v => v.Length > 0)));
                language ??= x.Descendants(Dc + "language").SelectMany(l => l.DescendantsAndSelf()).Where(e => !e.HasElements)
                    .Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0);
            }
            catch (System.Xml.XmlException)
            {
                // Broken XMP: the Info dictionary and the layout still count.
            }
        }
        return new(title, author, language);
    }

    private static string? CatalogLanguage(PdfDocument document)
    {
        var catalog = document.Structure.Catalog.CatalogDictionary;
        return catalog.TryGet(NameToken.Lang, out IToken? token) && token is StringToken lang && lang.Data.Trim() is { Length: > 0 } value ? value : null;
    }

    private static string? Usable(string? value)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value) || value.Equals("untitled", StringComparison.OrdinalIgnoreCase))
            return null;
        string lower = value.ToLowerInvariant();
        if (lower.EndsWith(".doc") || lower.EndsWith(".docx") || lower.EndsWith(".pdf") || lower.EndsWith(".indd") || lower.StartsWith("microsoft word"))
            return null;
        return ParagraphText.CollapseWhitespace(value);
    }
}
