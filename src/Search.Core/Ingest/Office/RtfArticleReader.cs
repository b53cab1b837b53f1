namespace Search.Core.Ingest.Office;

/// <summary>
/// Reads one article per RTF document (<c>.rtf</c>, also gzipped: press offices' releases, old
/// wire systems, Word's "Save as RTF"; and Word's RTF saved under <c>.doc</c>, told by its first
/// bytes): its paragraphs (<see cref="RtfDocumentText"/>), title and author as
/// <see cref="OfficeArticle"/> chooses them for Word and OpenDocument, from the paragraphs' styles
/// and the stated properties (<c>\info</c>'s <c>\title</c> and <c>\author</c>). Like theirs, the
/// creation time the properties state is not taken as the publication date. A file that is not
/// RTF or has no text is skipped with the reason.
/// </summary>
public sealed class RtfArticleReader : WholeFileReader
{
    public override string Format => "rtf";

    /// <summary>An <c>.rtf</c>; a <c>.doc</c> only when it is RTF (a binary Word document is
    /// <see cref="DocArticleReader"/>'s).</summary>
    public override bool CanRead(string extension, ReadOnlySpan<byte> head) =>
        extension is ".rtf" or ".rtf.gz" || (extension == ".doc" && IsRtf(head));

    protected override ReadItem ReadOne(SourceFile file, ReadOnlyMemory<byte> bytes)
    {
        if (Expand(bytes, out ReadOnlyMemory<byte> content) is { } notGzip)
            return notGzip;
        if (!IsRtf(content.Span))
            return ReadItem.Skip(RecordProblem.WholeFile, @"not RTF (it does not start with {\rtf)");
        RtfDocument document = RtfDocumentText.Read(content.Span);
        return OfficeArticle.From(file, document.Paragraphs, document.Title, document.Author);
    }

    /// <summary>Whether the bytes start as RTF does, <c>{\rtf</c> (after a byte-order mark or
    /// blank space some tools leave).</summary>
    public static bool IsRtf(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            head = head[3..];
        return head.TrimStart(" \t\r\n"u8).StartsWith(@"{\rtf"u8);
    }
}
