using Search.Core.Ingest.Html;

namespace Search.Core.Ingest.Mail;

/// <summary>
/// One e-mail message (RFC 5322, MIME) as an article: the subject as title, the sender's name as
/// author and the sender's domain as source, the date, and the text: the first plain-text part
/// (hard-wrapped lines joined into paragraphs, the signature after <c>-- </c> left out), else the
/// first HTML part's text. Attachments are not read.
/// </summary>
internal static class MailMessage
{
    /// <summary>Fills <paramref name="article"/> from a message's bytes; the reason when they are not a message.</summary>
    public static string? Fill(Article article, ReadOnlySpan<byte> message)
    {
        var (headers, bodyStart) = Mime.Headers(message);
        if (!headers.ContainsKey("From") && !headers.ContainsKey("Subject"))
            return "not an e-mail message (no From or Subject header)";
        article.Title = Mime.DecodeWords(headers.GetValueOrDefault("Subject") ?? "").Trim();
        (article.Author, article.Source) = Sender(Mime.DecodeWords(headers.GetValueOrDefault("From") ?? ""));
        article.Published = headers.GetValueOrDefault("Date");
        article.Body = Text(headers, message[bodyStart..]) ?? "";
        return null;
    }

    /// <summary>The sender's display name (<c>"Maria Keller" &lt;maria@example.org&gt;</c>) and
    /// the domain of the address.</summary>
    private static (string? Name, string? Domain) Sender(string from)
    {
        int open = from.LastIndexOf('<');
        string address = open >= 0 ? from[(open + 1)..].TrimEnd('>', ' ') : from.Trim();
        string? name = open > 0 ? from[..open].Trim().Trim('"', '\'').Trim() : null;
        int at = address.LastIndexOf('@');
        string? domain = at >= 0 ? address[(at + 1)..].Trim().ToLowerInvariant() : null;
        return (string.IsNullOrEmpty(name) || name.Contains('@') ? null : name, string.IsNullOrEmpty(domain) ? null : domain);
    }

    /// <summary>The message's text: a plain part first, an HTML part's text else; null for none.</summary>
    private static string? Text(Dictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        (string? plain, string? html) = Parts(headers, body, depth: 0);
        if (plain != null)
            return ParagraphText.Normalize(WithoutSignature(plain.ReplaceLineEndings("\n")));
        return html == null ? null : MarkupInFields.BlockText(html);
    }

    private static (string? Plain, string? Html) Parts(Dictionary<string, string> headers, ReadOnlySpan<byte> body, int depth)
    {
        string type = headers.GetValueOrDefault("Content-Type") ?? "text/plain";
        string media = type.Split(';')[0].Trim().ToLowerInvariant();
        if (headers.GetValueOrDefault("Content-Disposition")?.TrimStart().StartsWith("attachment", StringComparison.OrdinalIgnoreCase) == true)
            return (null, null);
        if (media.StartsWith("multipart/", StringComparison.Ordinal) && depth < 8 && Mime.Parameter(type, "boundary") is { Length: > 0 } boundary)
        {
            string? plain = null, html = null;
            foreach (Range range in Mime.PartRanges(body, 0, Encoding.ASCII.GetBytes("--" + boundary)))
            {
                ReadOnlySpan<byte> part = body[range];
                var (partHeaders, partBody) = Mime.Headers(part);
                var (p, h) = Parts(partHeaders, part[partBody..], depth + 1);
                plain ??= p;
                html ??= h;
            }
            return (plain, html);
        }
        if (media is not ("text/plain" or "text/html"))
            return (null, null);
        byte[] bytes = Mime.Decode(body, headers.GetValueOrDefault("Content-Transfer-Encoding"));
        string text = Mime.Parameter(type, "charset") is { } charset && HtmlCharset.ByName(charset) is { } encoding
            ? encoding.GetString(bytes)
            : TextDecoding.Decode(bytes, out _);
        return media == "text/html" ? (null, text) : (text, null);
    }

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
