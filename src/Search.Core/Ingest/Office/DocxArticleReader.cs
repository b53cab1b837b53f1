using System.IO.Compression;
using System.Xml;

namespace Search.Core.Ingest.Office;

/// <summary>
/// Reads one article per Word document (<c>.docx</c>: press releases, drafts, transcripts): its
/// paragraphs as the body (<see cref="WordDocumentText"/>), its footnotes and endnotes after them, title and author as
/// <see cref="OfficeArticle"/> chooses them from the paragraphs' styles and the core properties
/// (<c>docProps/core.xml</c>, or wherever the package's relationships put them). An old <c>.doc</c>
/// renamed is read as one (<see cref="DocArticleReader"/>); an encrypted document, a damaged zip
/// or a file without text is skipped with the reason.
/// </summary>
public sealed class DocxArticleReader : WholeFileReader
{
    /// <summary>Most bytes the document's text part may expand to (a zip bomb is not read).</summary>
    private const long MaxPartBytes = 256L << 20;

    public override string Format => "docx";

    public override bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".docx" or ".docm";

    protected override ReadItem ReadOne(SourceFile file, ReadOnlyMemory<byte> bytes)
    {
        ReadOnlySpan<byte> head = bytes.Span[..Math.Min(bytes.Length, 8)];
        if (head.StartsWith(CompoundFile.Signature))
            return DocArticleReader.Read(file, bytes.ToArray()); // an old .doc renamed, or an encrypted .docx
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
            // Footnotes, then endnotes: text a reader searches for, after the body as paragraphs
            // of their own (their reference marks in the body are numbers, not text).
            foreach (string part in (string[])["word/footnotes.xml", "word/endnotes.xml"])
            {
                if (zip.GetEntry(part) is not { Length: <= MaxPartBytes } notes)
                    continue;
                using var stream = notes.Open();
                paragraphs.AddRange(WordDocumentText.Paragraphs(stream).Select(p => p with { Style = null }));
            }
            stated = CorePart(zip) is { Length: < 1 << 20 } core ? OfficeArticle.Stated(core.Open()) : (null, null);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException)
        {
            return ReadItem.Skip(RecordProblem.WholeFile, $"damaged Word document: {e.Message.ReplaceLineEndings(" ")}");
        }
        return OfficeArticle.From(file, paragraphs, stated.Title, stated.Creator);
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
}
