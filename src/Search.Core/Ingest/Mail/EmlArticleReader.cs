namespace Search.Core.Ingest.Mail;

/// <summary>
/// Reads one article per saved e-mail message (<c>.eml</c>: a press release, a newsletter, a tip
/// saved from a mail program), as <see cref="MailMessage"/> reads it.
/// </summary>
public sealed class EmlArticleReader : WholeFileReader
{
    public override string Format => "eml";

    public override bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".eml" or ".eml.gz";

    protected override ReadItem ReadOne(SourceFile file, ReadOnlyMemory<byte> bytes)
    {
        if (Expand(bytes, out ReadOnlyMemory<byte> content) is { } notGzip)
            return notGzip;
        var article = new Article();
        if (MailMessage.Fill(article, content.Span) is { } problem)
            return ReadItem.Skip(RecordProblem.WholeFile, problem);
        if (article.Title.Length == 0 && article.Body.Length == 0)
            return ReadItem.Skip(RecordProblem.WholeFile, "a message without subject or text");
        var whole = Article.WholeFile(file, article.Title, article.Body);
        (whole.Author, whole.Source, whole.Published) = (article.Author, article.Source, article.Published);
        return ReadItem.Of(whole);
    }
}
