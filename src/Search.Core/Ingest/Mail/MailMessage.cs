using Search.Core.Ingest.Html;

namespace Search.Core.Ingest.Mail;

/// <summary>
/// One e-mail message (RFC 5322, MIME) as an article: the subject as title, the sender's name as
/// author and the sender's domain as source, the date, and the text: the first plain-text part
/// without a file name (hard-wrapped lines joined into paragraphs, the signature after <c>-- </c>
/// left out), else the first such HTML part's text. Its attachments (a part sent as one, or with a
/// file name of its own, and every forwarded message, <c>message/rfc822</c>) are listed, for
/// <see cref="MailAttachments"/> to read as files of their own.
/// </summary>
internal static partial class MailMessage
{
    /// <summary>Deepest multipart nesting read (mail programs nest three or four deep).</summary>
    private const int MaxPartDepth = 8;

    /// <summary>Fills <paramref name="article"/> from a message's bytes, and lists its attachments in
    /// <paramref name="attachments"/> when given; the reason when the bytes are not a message.</summary>
    public static string? Fill(Article article, ReadOnlySpan<byte> message, List<MailAttachment>? attachments = null)
    {
        var (headers, bodyStart) = Mime.Headers(message);
        if (!headers.ContainsKey("From") && !headers.ContainsKey("Subject"))
            return "not an e-mail message (no From or Subject header)";
        article.Title = ListTag.Strip(Mime.DecodeWords(headers.GetValueOrDefault("Subject") ?? "").Trim(), ListTag.OfListId(headers.GetValueOrDefault("List-Id")));
        (article.Author, article.Source) = Sender(Mime.DecodeWords(headers.GetValueOrDefault("From") ?? ""));
        article.Published = Date(headers.GetValueOrDefault("Date"));
        var text = new BodyText();
        Parts(headers, message, bodyStart, message.Length, depth: 0, text, attachments);
        article.Body = Body(text.Plain, text.Html);
        return null;
    }

    /// <summary>A message's text from its plain form (hard-wrapped lines joined into paragraphs,
    /// the signature left out), else its HTML form's text; "" for neither.</summary>
    internal static string Body(string? plain, string? html) => plain != null
        ? ParagraphText.Normalize(WithoutSignature(plain.ReplaceLineEndings("\n")))
        : html == null ? "" : MarkupInFields.BlockText(html);

    /// <summary>The <c>Date</c> header without its comments: mail servers and programs write the
    /// zone's name after the offset (<c>Tue, 3 Mar 2026 10:00:00 +0100 (CET)</c>), which RFC 5322
    /// allows anywhere and no date reader expects.</summary>
    internal static string? Date(string? header) =>
        header == null ? null : ParagraphText.CollapseWhitespace(Comment().Replace(header, " ")).Trim();

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^\s*(?<address>[^\s()]+(?: at [^\s()]+)?)\s*\((?<name>[^()]*)\)\s*$")]
    private static partial Regex NameInComment();

    /// <summary>The sender's display name (<c>"Maria Keller" &lt;maria@example.org&gt;</c>, or in
    /// the older form <c>maria@example.org (Maria Keller)</c>) and the domain of the address.</summary>
    internal static (string? Name, string? Domain) Sender(string from)
    {
        // The older form is what mailing-list archives keep; Mailman's write the address
        // "maria at example.org". Read as it was, the comment became part of the domain.
        if (!from.Contains('<') && NameInComment().Match(from) is { Success: true } old)
            from = $"\"{old.Groups["name"].Value}\" <{old.Groups["address"].Value.Replace(" at ", "@", StringComparison.Ordinal)}>";
        int open = from.LastIndexOf('<');
        string address = open >= 0 ? from[(open + 1)..].TrimEnd('>', ' ') : from.Trim();
        string? name = open > 0 ? from[..open].Trim().Trim('"', '\'').Trim() : null;
        int at = address.LastIndexOf('@');
        string? domain = at >= 0 ? address[(at + 1)..].Trim().ToLowerInvariant() : null;
        return (string.IsNullOrEmpty(name) || name.Contains('@') ? null : name, string.IsNullOrEmpty(domain) ? null : domain);
    }

    /// <summary>The first plain and the first HTML part of a message's own text.</summary>
    private sealed class BodyText
    {
        public string? Plain { get; set; }
        public string? Html { get; set; }
    }

    /// <summary>Walks the part whose headers are <paramref name="headers"/> and whose body is
    /// <paramref name="message"/>[<paramref name="start"/>..<paramref name="end"/>]: a multipart's
    /// parts in order, a text part without a file name as the message's text, any part that is a
    /// file as an attachment.</summary>
    private static void Parts(Dictionary<string, string> headers, ReadOnlySpan<byte> message, int start, int end, int depth, BodyText text, List<MailAttachment>? attachments)
    {
        string type = headers.GetValueOrDefault("Content-Type") ?? "text/plain";
        string media = type.Split(';')[0].Trim().ToLowerInvariant();
        if (media.StartsWith("multipart/", StringComparison.Ordinal))
        {
            if (depth < MaxPartDepth && Mime.Parameter(type, "boundary") is { Length: > 0 } boundary)
                foreach (Range range in Mime.PartRanges(message[start..end], 0, Encoding.ASCII.GetBytes("--" + boundary)))
                {
                    var (partStart, partEnd) = (start + range.Start.GetOffset(end - start), start + range.End.GetOffset(end - start));
                    var (partHeaders, partBody) = Mime.Headers(message[partStart..partEnd]);
                    Parts(partHeaders, message, partStart + partBody, partEnd, depth + 1, text, attachments);
                }
            return;
        }
        string? name = AttachmentName.Of(headers);
        bool attached = headers.GetValueOrDefault("Content-Disposition")?.TrimStart().StartsWith("attachment", StringComparison.OrdinalIgnoreCase) == true;
        if (name != null || attached || media is "message/rfc822" or "message/global")
        {
            attachments?.Add(new MailAttachment(name, media, headers.GetValueOrDefault("Content-Transfer-Encoding"), start, end));
            return;
        }
        if (media is not ("text/plain" or "text/html") || (media == "text/plain" ? text.Plain : text.Html) != null)
            return;
        byte[] bytes = Mime.Decode(message[start..end], headers.GetValueOrDefault("Content-Transfer-Encoding"));
        string decoded = Mime.Parameter(type, "charset") is { } charset && HtmlCharset.ByName(charset) is { } encoding && !NotUtf8(encoding, bytes)
            ? encoding.GetString(bytes)
            : TextDecoding.Decode(bytes, out _);
        if (media == "text/html")
            text.Html = decoded;
        else
            text.Plain = FlowedText.DeletesSpaces(type) ? FlowedText.Unwrap(decoded) : decoded;
    }

    /// <summary>Whether a text declared UTF-8 is not: mail programs and list servers label Latin-1
    /// and Windows-1252 texts utf-8, whose accented letters then read as replacement characters;
    /// such a text is decoded as if it declared nothing.</summary>
    private static bool NotUtf8(Encoding declared, byte[] bytes) =>
        declared.CodePage == Encoding.UTF8.CodePage && !System.Text.Unicode.Utf8.IsValid(bytes);

    /// <summary>The text before a signature (a line that is <c>-- </c>).</summary>
    private static string WithoutSignature(string text)
    {
        foreach (string marker in (string[])["\n-- \n", "\n--\n"])
        {
            int at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
                return text[..at].TrimEnd();
        }
        return text;
    }
}
