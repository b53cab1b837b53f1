using Search.Core.Ingest.Archives;

namespace Search.Core.Ingest.Mail;

/// <summary>
/// Reads a message's attachments as files saved beside it would be: each through the reader its
/// name and bytes choose (<see cref="ArchiveMember"/>, as the files inside a zip are), a forwarded
/// message (<c>message/rfc822</c>) as a message with attachments of its own, up to
/// <see cref="MaxDepth"/> messages deep. Each is keyed under its message:
/// <c>tip.eml/report.pdf</c>, <c>inbox.mbox#12/report.pdf</c>, <c>tip.eml/Fwd budget.eml/table.csv#3</c>;
/// a second attachment of the same name in one message is <c>report (2).pdf</c>. What no reader
/// takes (pictures, programs) is passed over, as in a folder; a reader's problem is one line naming
/// the attachment, at the line of the file where its part starts.
/// </summary>
/// <remarks>
/// An attachment's document keeps what it states of itself; where it states nothing, it takes its
/// message's date (when the document came in, which is what a newsroom files it under) and, as its
/// source, the sender's domain (who sent it, as the message itself is sourced), but never the sender
/// as its author: a press officer who attaches a report did not write it. Records of a data file
/// (a CSV's rows) and documents with an address of their own take nothing: their fields, or their
/// address, say where and when they are from.
/// </remarks>
internal static class MailAttachments
{
    /// <summary>Messages nested deepest whose attachments are read: a forward of a forward of a
    /// forward is common; deeper is a loop or a crafted file.</summary>
    public const int MaxDepth = 5;

    /// <summary>The articles and problems of the <paramref name="attachments"/> of the message whose
    /// bytes are <paramref name="message"/> and whose own article is <paramref name="article"/>,
    /// keyed under <paramref name="messageId"/>. <paramref name="firstLine"/> is the line of the file
    /// where the message's bytes start; <paramref name="label"/> names the message in problems
    /// (<c>message 12: </c> in a mailbox, empty for a file of one message).</summary>
    public static List<ReadItem> Read(SourceFile file, string messageId, Article article, ReadOnlySpan<byte> message,
        List<MailAttachment> attachments, int firstLine, string label)
    {
        var items = new List<ReadItem>();
        if (attachments.Count == 0)
            return items;
        if (Depth(messageId) > MaxDepth)
        {
            items.Add(ReadItem.Skip(firstLine, $"{label}a message forwarded more than {MaxDepth} deep: its {attachments.Count} attachments are not read"));
            return items;
        }
        // The message's own path stands for a folder its attachments were saved in.
        var folder = new SourceFile($"{file.FullPath}{messageId[file.RelativePath.Length..]}", messageId, file.Root) { Csv = file.Csv };
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int line = firstLine, counted = 0;
        foreach (MailAttachment attachment in attachments)
        {
            line += message[counted..attachment.Start].Count((byte)'\n');
            counted = attachment.Start;
            foreach (ReadItem item in ReadOne(folder, attachment, message[attachment.Start..attachment.End], taken, line, label))
            {
                if (item.Article is { } read)
                    Inherit(read, article, folder.RelativePath);
                items.Add(item);
            }
        }
        return items;
    }

    private static List<ReadItem> ReadOne(SourceFile folder, MailAttachment attachment, ReadOnlySpan<byte> encoded, HashSet<string> taken, int line, string label)
    {
        string shownName = attachment.Name ?? $"a {attachment.Media} attachment";
        long size = IsBase64(attachment.TransferEncoding) ? encoded.Length / 4L * 3 : encoded.Length;
        if (size > ArchiveMember.MaxBytes)
            return [ReadItem.Skip(line, $"{label}{shownName}: {size >> 20} MB, more than the {ArchiveMember.MaxBytes >> 20} MB read of an attachment; save it to index it")];
        byte[] bytes = IsBase64(attachment.TransferEncoding) ? Base64(encoded) : Mime.Decode(encoded, attachment.TransferEncoding);
        if (Name(attachment, bytes) is not { } name)
            return []; // a part that is a file of a kind no reader takes, without a name to tell it by
        name = AttachmentName.Unique(name, taken);
        return ArchiveMember.Read(folder, line, name, bytes)
            .Select(item => item.Problem is { } problem ? ReadItem.Skip(problem.Line, label + problem.Reason) : item)
            .ToList();
    }

    /// <summary>The articles and problems of one attachment already decoded (an Outlook message's),
    /// named <paramref name="name"/> (made unique among <paramref name="taken"/>), keyed under
    /// <paramref name="messageId"/>, taking from <paramref name="message"/> what it does not state.</summary>
    public static List<ReadItem> ReadDecoded(SourceFile file, string messageId, Article message, string name, byte[] bytes, HashSet<string> taken, string label)
    {
        if (bytes.Length > ArchiveMember.MaxBytes)
            return [ReadItem.Skip(RecordProblem.WholeFile, $"{label}{name}: {bytes.Length >> 20} MB, more than the {ArchiveMember.MaxBytes >> 20} MB read of an attachment; save it to index it")];
        var folder = new SourceFile($"{file.FullPath}{messageId[file.RelativePath.Length..]}", messageId, file.Root) { Csv = file.Csv };
        var items = ArchiveMember.Read(folder, RecordProblem.WholeFile, AttachmentName.Unique(name, taken), bytes);
        foreach (ReadItem item in items)
            if (item.Article is { } read)
                Inherit(read, message, messageId);
        return [.. items.Select(item => item.Problem is { } problem ? ReadItem.Skip(problem.Line, label + problem.Reason) : item)];
    }

    /// <summary>The attachment's file name: its own; for a forwarded message without one, its
    /// subject (<c>Budget leak.eml</c>, as mail programs save it); for any other part without one, a
    /// name of its media type's extension (<c>attachment.pdf</c>); null for a kind no reader takes.</summary>
    private static string? Name(MailAttachment attachment, byte[] bytes)
    {
        if (attachment.IsMessage)
        {
            string name = attachment.Name
                ?? AttachmentName.Safe(Mime.DecodeWords(Mime.Headers(bytes).Headers.GetValueOrDefault("Subject") ?? "").Replace(':', ' '))
                ?? "message";
            return name.EndsWith(".eml", StringComparison.OrdinalIgnoreCase) ? name : name + ".eml";
        }
        if (attachment.Name != null)
            return attachment.Name;
        return ExtensionOf(attachment.Media) is { } extension ? "attachment" + extension : null;
    }

    /// <summary>The extension of the media types of article formats mail programs attach.</summary>
    private static string? ExtensionOf(string media) => media switch
    {
        "application/pdf" => ".pdf",
        "text/plain" => ".txt",
        "text/html" => ".html",
        "text/csv" => ".csv",
        "application/json" => ".json",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => ".docx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => ".xlsx",
        "application/vnd.oasis.opendocument.text" => ".odt",
        "application/zip" => ".zip",
        _ => null,
    };

    /// <summary>What the attachment's document takes from its message where it states nothing
    /// itself (see the remarks above): the date and the sender's domain, for a document of its own
    /// without an address.</summary>
    private static void Inherit(Article attached, Article message, string messageId)
    {
        if (attached.Record != null || attached.Url != null || attached.Id.Length <= messageId.Length || attached.Id.IndexOf('/', messageId.Length + 1) >= 0)
            return;
        attached.Published ??= message.Published;
        attached.Source ??= message.Source;
    }

    /// <summary>How many messages deep a path lies: <c>tip.eml</c> and <c>inbox.mbox#3</c> are 1,
    /// <c>tip.eml/Fwd budget.eml</c> is 2.</summary>
    public static int Depth(string path) => path.Split('/').Count(IsMessageName);

    /// <summary>Whether one segment of a path names a message: a saved one (<c>tip.eml</c>,
    /// <c>tip.eml.gz</c>, Outlook's <c>memo.msg</c>) or one of a mailbox (<c>inbox.mbox#12</c>, <c>Inbox#3</c>).</summary>
    public static bool IsMessageName(string segment)
    {
        if (segment.EndsWith(".eml", StringComparison.OrdinalIgnoreCase) || segment.EndsWith(".eml.gz", StringComparison.OrdinalIgnoreCase)
            || segment.EndsWith(".msg", StringComparison.OrdinalIgnoreCase))
            return true;
        int hash = segment.LastIndexOf('#');
        return hash > 0 && hash < segment.Length - 1 && segment.AsSpan(hash + 1).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    private static bool IsBase64(string? transferEncoding) => transferEncoding?.Trim().Equals("base64", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Base64 as far as it goes: an attachment cut short (a message saved half-sent, a
    /// mailbox truncated) keeps the bytes before the cut, which a reader then judges; never the
    /// letters of the encoding as if they were the file.</summary>
    private static byte[] Base64(ReadOnlySpan<byte> encoded)
    {
        var clean = new byte[encoded.Length + 3];
        int length = 0;
        foreach (byte b in encoded)
        {
            if (b == '=')
                break; // padding ends the data
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'+' or (byte)'/')
                clean[length++] = b;
        }
        if (length % 4 == 1)
            length--; // a lone letter holds no whole byte
        while (length % 4 != 0)
            clean[length++] = (byte)'=';
        var bytes = new byte[length / 4 * 3];
        System.Buffers.Text.Base64.DecodeFromUtf8(clean.AsSpan(0, length), bytes, out _, out int written);
        return bytes[..written];
    }
}
