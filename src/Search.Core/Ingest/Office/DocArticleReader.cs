namespace Search.Core.Ingest.Office;

/// <summary>
/// Reads one article per Word 97–2003 document (<c>.doc</c>: the archives of newsrooms and press
/// offices before 2007): its paragraphs (<see cref="WordBinaryText"/>) in its compound file
/// (<see cref="CompoundFile"/>), title and author as <see cref="OfficeArticle"/> chooses them,
/// from the text and from what the file states (<see cref="SummaryInformation"/>). A <c>.doc</c>
/// that is not a compound file (a search index's postings, a text renamed) is no reader's; an
/// encrypted, damaged or Word 6/95 document is skipped with the reason.
/// </summary>
public sealed class DocArticleReader : WholeFileReader
{
    public override string Format => "doc";

    public override bool CanRead(string extension, ReadOnlySpan<byte> head) =>
        extension is ".doc" or ".dot" && (head.IsEmpty || head.StartsWith(CompoundFile.Signature));

    protected override ReadItem ReadOne(SourceFile file, ReadOnlyMemory<byte> bytes) => Read(file, bytes.ToArray());

    /// <summary>The article of a Word 97-2003 document in <paramref name="bytes"/>, whatever its
    /// name says (a <c>.doc</c> renamed <c>.docx</c> is one).</summary>
    internal static ReadItem Read(SourceFile file, byte[] bytes)
    {
        List<WordParagraph> paragraphs;
        (string? Title, string? Author) stated;
        try
        {
            var compound = CompoundFile.OpenDocument(bytes);
            paragraphs = WordBinaryText.Paragraphs(compound);
            stated = SummaryInformation.Of(compound);
        }
        catch (EncryptedDocumentException)
        {
            return ReadItem.Skip(RecordProblem.WholeFile, "an encrypted Word document: save it without a password to index it");
        }
        catch (Exception e) when (CompoundFile.IsDamage(e))
        {
            return ReadItem.Skip(RecordProblem.WholeFile, $"damaged or unreadable Word 97-2003 document: {CompoundFile.Damage(e)}");
        }
        return OfficeArticle.From(file, paragraphs, stated.Title, stated.Author);
    }
}
