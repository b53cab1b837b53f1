using System.IO.Compression;
using System.Xml;
using Search.Core.Ingest.Html;

namespace Search.Core.Ingest.Office;

/// <summary>
/// Reads one article per Word document (<c>.docx</c>: press releases, drafts, transcripts): its
/// paragraphs as the body (<see cref="WordDocumentText"/>). The title is the document's first
/// paragraph styled as a title or heading among its first few, else its stated title
/// (<c>docProps/core.xml</c>), else a short first paragraph, else the start of the text; the author
/// is the one it states when that is a person's name, not an account (<c>Windows User</c>,
/// <c>admin</c>). A file that is not a Word document (an old <c>.doc</c> renamed, an encrypted
/// one, a damaged zip) or has no text is skipped with the reason.
/// </summary>
public sealed class DocxArticleReader : WholeFileReader
{
    /// <summary>Most bytes the document's text part may expand to (a zip bomb is not read).</summary>
    private const long MaxPartBytes = 256L << 20;

    /// <summary>A title or heading this far into the document is a section heading, not the title.</summary>
    private const int TitleWindow = 3;

    private static readonly HashSet<string> AccountNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "user", "windows user", "microsoft office user", "office user", "admin", "administrator", "owner", "author",
        "unknown", "guest", "pc", "home", "test", "python-docx", "apache poi", "openpyxl",
    };

    public override string Format => "docx";

    public override bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".docx" or ".docm";

    protected override ReadItem ReadOne(SourceFile file, ReadOnlyMemory<byte> bytes)
    {
        ReadOnlySpan<byte> head = bytes.Span[..Math.Min(bytes.Length, 8)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            return ReadItem.Skip(RecordProblem.WholeFile, "an encrypted or old-format (.doc) Word document: save it as .docx without a password to index it");
        if (!head.StartsWith("PK"u8))
            return ReadItem.Skip(RecordProblem.WholeFile, "not a Word document (not a zip archive)");
        List<WordParagraph> paragraphs;
        (string? Title, string? Creator) stated;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes.ToArray(), writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("word/document.xml") is not { } document)
                return ReadItem.Skip(RecordProblem.WholeFile, "not a Word document (no word/document.xml in the archive)");
            if (document.Length > MaxPartBytes)
                return ReadItem.Skip(RecordProblem.WholeFile, $"the document's text expands to more than {MaxPartBytes >> 20} MB");
            using (var stream = document.Open())
                paragraphs = WordDocumentText.Paragraphs(stream);
            stated = CorePart(zip) is { Length: < 1 << 20 } core ? CoreProperties(core) : (null, null);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException)
        {
            return ReadItem.Skip(RecordProblem.WholeFile, $"damaged Word document: {e.Message.ReplaceLineEndings(" ")}");
        }
        if (paragraphs.Count == 0)
            return ReadItem.Skip(RecordProblem.WholeFile, "no text in the document");
        int titleAt = TitleParagraph(paragraphs, stated.Title);
        string title = titleAt >= 0 ? paragraphs[titleAt].Text : stated.Title ?? "";
        string body = string.Join("\n\n", paragraphs.Where((_, i) => i != titleAt).Select(p => p.Text));
        if (body.Length == 0)
            (title, body) = ("", title);
        var article = Article.WholeFile(file, title, body);
        article.Author = Person(stated.Creator);
        return ReadItem.Of(article);
    }

    /// <summary>Which paragraph is the title: a title or heading style among the first few, else a
    /// short first paragraph when the document states no title; -1 for none.</summary>
    private static int TitleParagraph(List<WordParagraph> paragraphs, string? statedTitle)
    {
        for (int i = 0; i < Math.Min(TitleWindow, paragraphs.Count); i++)
        {
            string style = paragraphs[i].Style ?? "";
            if (style.Equals("Title", StringComparison.OrdinalIgnoreCase) || style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || style == "1")
                return i;
        }
        if (statedTitle != null && paragraphs[0].Text.Equals(statedTitle, StringComparison.OrdinalIgnoreCase))
            return 0;
        return statedTitle == null && paragraphs.Count > 1 && paragraphs[0].Text.Length <= TextArticleReader.MaxTitleLength && !paragraphs[0].Text.EndsWith('.')
            ? 0
            : -1;
    }

    /// <summary>The core properties part: where the package's relationships say (Word writes
    /// <c>docProps/core.xml</c>, .NET's packaging a <c>.psmdcp</c> file elsewhere).</summary>
    private static ZipArchiveEntry? CorePart(ZipArchive zip)
    {
        if (zip.GetEntry("_rels/.rels") is { Length: < 1 << 20 } rels)
        {
            using var xml = XmlReader.Create(rels.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship"
                    && xml.GetAttribute("Type")?.EndsWith("/metadata/core-properties", StringComparison.Ordinal) == true
                    && xml.GetAttribute("Target") is { } target)
                    return zip.GetEntry(target.TrimStart('/'));
            }
        }
        return zip.GetEntry("docProps/core.xml");
    }

    /// <summary>The title and creator a document states (<c>dc:title</c>, <c>dc:creator</c>).</summary>
    private static (string? Title, string? Creator) CoreProperties(ZipArchiveEntry core)
    {
        string? title = null, creator = null;
        using var xml = XmlReader.Create(core.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        xml.Read();
        while (!xml.EOF)
        {
            // Reading an element's content moves to the node after it: only read on otherwise.
            if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == "http://purl.org/dc/elements/1.1/" && xml.LocalName is "title" or "creator")
            {
                bool isTitle = xml.LocalName == "title";
                string value = xml.ReadElementContentAsString().Trim();
                if (isTitle)
                    title = value;
                else
                    creator = value;
            }
            else
                xml.Read();
        }
        return (string.IsNullOrEmpty(title) ? null : title, string.IsNullOrEmpty(creator) ? null : creator);
    }

    /// <summary>A stated creator when it reads as a person's name: letters, at least two words, not
    /// an account or program name.</summary>
    private static string? Person(string? creator)
    {
        if (creator == null || AccountNames.Contains(creator.Trim()))
            return null;
        string name = Bylines.Clean(creator);
        string[] words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 5 && words.All(w => char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c is '-' or '\'' or '.'))
            ? name
            : null;
    }
}
