namespace Search.Core.Ingest.Mail;

/// <summary>
/// Reads a saved e-mail message (<c>.eml</c>: a press release, a newsletter, a tip saved from a mail
/// program) as <see cref="MailMessage"/> reads it: one article for the message, keyed by the file's
/// path, and one for each attachment a reader takes (<see cref="MailAttachments"/>,
/// <c>tip.eml/report.pdf</c>). A message with neither subject nor text is no article itself, but
/// its attachments are: a tip that is only a document is the document.
/// </summary>
public sealed class EmlArticleReader : IBinaryArticleReader
{
    public string Format => "eml";

    public bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".eml" or ".eml.gz";

    public IEnumerable<ReadItem> Read(SourceFile file) => Read(file, File.ReadAllBytes(file.FullPath));

    /// <summary>Not used for this format (binary: attachments are bytes): the file is read again as bytes.</summary>
    public IEnumerable<ReadItem> Read(SourceFile file, string text) => Read(file);

    public IEnumerable<ReadItem> Read(SourceFile file, ReadOnlyMemory<byte> bytes)
    {
        if (WholeFileReader.Expand(bytes, out ReadOnlyMemory<byte> content) is { } notGzip)
            return [notGzip];
        var message = new Article();
        var attachments = new List<MailAttachment>();
        if (MailMessage.Fill(message, content.Span, attachments) is { } problem)
            return [ReadItem.Skip(RecordProblem.WholeFile, problem)];
        List<ReadItem> attached = MailAttachments.Read(file, file.RelativePath, message, content.Span, attachments, firstLine: 1, label: "");
        if (message.Title.Length > 0 || message.Body.Length > 0)
        {
            var whole = Article.WholeFile(file, message.Title, message.Body);
            (whole.Author, whole.Source, whole.Published) = (message.Author, message.Source, message.Published);
            attached.Insert(0, ReadItem.Of(whole));
        }
        else if (!attached.Any(item => item.Article != null))
            attached.Insert(0, ReadItem.Skip(RecordProblem.WholeFile, attachments.Count == 0
                ? "a message without subject or text"
                : "a message without subject or text, and no attachment of it holds an article"));
        return attached;
    }
}
