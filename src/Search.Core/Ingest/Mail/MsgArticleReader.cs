using System.Buffers.Binary;
using Search.Core.Ingest.Office;

namespace Search.Core.Ingest.Mail;

/// <summary>
/// Reads Outlook messages (<c>.msg</c>, [MS-OXMSG]: what Outlook saves, and what leaks and
/// public-records releases of e-mail are made of) as <c>.eml</c> messages are read: one article
/// for the message (subject, sender, date, text: the plain body, else the HTML body's text) and
/// one for each attachment a reader takes, keyed under it (<c>memo.msg/report.pdf</c>), a message
/// attached inside it as a message of its own (<c>memo.msg/Budget.msg</c>), to
/// <see cref="MailAttachments.MaxDepth"/> messages deep. The message is a compound file
/// (<see cref="CompoundFile"/>): each property a stream (<c>__substg1.0_0037001F</c>, the subject
/// in UTF-16), the fixed-size ones (the dates) in <c>__properties_version1.0</c>. A message kept
/// only in Outlook's compressed RTF, without a plain or HTML body, gives its subject alone.
/// </summary>
public sealed class MsgArticleReader : StreamedFileReader
{
    private const int Subject = 0x0037, SenderName = 0x0C1A, SenderAddress = 0x0C1F, SenderSmtp = 0x5D01,
        PlainBody = 0x1000, HtmlBody = 0x1013, SubmitTime = 0x0039, DeliveryTime = 0x0E06, CodePage = 0x3FFD,
        AttachLongName = 0x3707, AttachShortName = 0x3704, AttachDisplayName = 0x3001, AttachData = 0x3701;

    public override string Format => "msg";

    public override bool CanRead(string extension, ReadOnlySpan<byte> head) =>
        extension == ".msg" && (head.IsEmpty || head.StartsWith(CompoundFile.Signature));

    protected override IEnumerable<ReadItem> Read(SourceFile file, Stream stream)
    {
        try
        {
            var compound = CompoundFile.Open(Whole(stream));
            var items = new List<ReadItem>();
            Message(file, file.RelativePath, compound.Root, MessageProperties.TopLevel, items, label: "");
            return items;
        }
        catch (Exception e) when (CompoundFile.IsDamage(e))
        {
            return [ReadItem.Skip(RecordProblem.WholeFile, $"damaged or unreadable Outlook message: {CompoundFile.Damage(e)}")];
        }
    }

    /// <summary>Adds the articles of the message in <paramref name="storage"/>, keyed <paramref name="id"/>, and of its attachments.</summary>
    private static void Message(SourceFile file, string id, CompoundFile.Storage storage, int header, List<ReadItem> items, string label)
    {
        var properties = new MessageProperties(storage, header);
        var article = new Article { Title = properties.Text(Subject)?.Trim() ?? "" };
        string? address = properties.Text(SenderSmtp) ?? properties.Text(SenderAddress);
        string? name = properties.Text(SenderName);
        (article.Author, article.Source) = MailMessage.Sender($"\"{name}\" <{(address?.Contains('@') == true ? address : "")}>");
        article.Published = properties.Time(SubmitTime) ?? properties.Time(DeliveryTime);
        string? html = properties.Text(HtmlBody) ?? (storage.Stream(MessageProperties.StreamName(HtmlBody, 0x0102)) is { } raw ? TextDecoding.Decode(raw, out _) : null);
        article.Body = MailMessage.Body(properties.Text(PlainBody), html);
        int at = items.Count;
        Attachments(file, id, storage, article, items, label);
        if (article.Title.Length > 0 || article.Body.Length > 0)
        {
            // A message attached is keyed as a file saved beside its message, as an attachment is.
            var source = id == file.RelativePath ? file : new SourceFile($"{file.FullPath}{id[file.RelativePath.Length..]}", id, file.Root);
            Article own = Article.WholeFile(source, article.Title, article.Body);
            (own.Author, own.Source, own.Published) = (article.Author, article.Source, article.Published);
            items.Insert(at, ReadItem.Of(own));
        }
        else if (!items.Skip(at).Any(item => item.Article != null))
        {
            items.Insert(at, ReadItem.Skip(RecordProblem.WholeFile, $"{label}a message without subject or text"));
        }
    }

    private static void Attachments(SourceFile file, string id, CompoundFile.Storage storage, Article message, List<ReadItem> items, string label)
    {
        var names = storage.Storages().Where(n => n.StartsWith("__attach_version1.0_#", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0)
            return;
        if (MailAttachments.Depth(id) > MailAttachments.MaxDepth)
        {
            items.Add(ReadItem.Skip(RecordProblem.WholeFile, $"{label}a message forwarded more than {MailAttachments.MaxDepth} deep: its {names.Count} attachments are not read"));
            return;
        }
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string storageName in names)
        {
            if (storage.Child(storageName) is not { } attachment)
                continue;
            var properties = new MessageProperties(attachment, MessageProperties.Attachment);
            if (attachment.Child(MessageProperties.StreamName(AttachData, 0x000D)) is { } embedded)
            {
                // A message attached: read as a message, named after its subject as Outlook saves it.
                string subject = new MessageProperties(embedded, MessageProperties.Embedded).Text(Subject) ?? "message";
                string name = AttachmentName.Unique((AttachmentName.Safe(subject.Replace(':', ' ')) ?? "message") + ".msg", taken);
                string inner = $"{id}/{name}";
                Message(file, inner, embedded, MessageProperties.Embedded, items, $"{label}{name}: ");
                continue;
            }
            if (attachment.Stream(MessageProperties.StreamName(AttachData, 0x0102)) is not { } data)
                continue;
            string? fileName = AttachmentName.Safe(properties.Text(AttachLongName) ?? properties.Text(AttachShortName) ?? properties.Text(AttachDisplayName));
            if (fileName != null)
                items.AddRange(MailAttachments.ReadDecoded(file, id, message, fileName, data, taken, label));
        }
    }

    /// <summary>A message's or attachment's properties: variable-length ones as streams of their own,
    /// fixed-size ones in the properties stream.</summary>
    private sealed class MessageProperties(CompoundFile.Storage storage, int header)
    {
        /// <summary>Bytes before the properties stream's entries: a message saved alone, one attached, an attachment.</summary>
        public const int TopLevel = 32, Embedded = 24, Attachment = 8;

        private const ushort Unicode = 0x001F, String8 = 0x001E, SystemTime = 0x0040;

        public static string StreamName(int id, int type) => $"__substg1.0_{id:X4}{type:X4}";

        public string? Text(int id)
        {
            if (storage.Stream(StreamName(id, Unicode)) is { } wide)
                return Clean(Encoding.Unicode.GetString(wide));
            if (storage.Stream(StreamName(id, String8)) is { } narrow)
                return Clean(CodePageOf().GetString(narrow));
            return null;
        }

        /// <summary>A time property (a FILETIME) as an ISO date and time, or null.</summary>
        public string? Time(int id)
        {
            if (Fixed(id, SystemTime) is not { } ticks || ticks <= 0 || ticks > DateTime.MaxValue.ToFileTimeUtc())
                return null;
            return DateTime.FromFileTimeUtc(ticks).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }

        private Encoding CodePageOf() =>
            (Fixed(CodePage, 0x0003) is { } page && page is > 0 and < 65536 ? TextDecoding.Numbered((int)page) : null) ?? TextDecoding.Windows1252;

        /// <summary>The 8-byte value of a fixed-size property, after the stream's header.</summary>
        private long? Fixed(int id, ushort type)
        {
            if (storage.Stream("__properties_version1.0") is not { } stream)
                return null;
            for (int at = header; at + 16 <= stream.Length; at += 16)
            {
                uint tag = BinaryPrimitives.ReadUInt32LittleEndian(stream.AsSpan(at));
                if (tag == (uint)((id << 16) | type))
                    return type == 0x0003 ? BinaryPrimitives.ReadInt32LittleEndian(stream.AsSpan(at + 8)) : BinaryPrimitives.ReadInt64LittleEndian(stream.AsSpan(at + 8));
            }
            return null;
        }

        private static string? Clean(string value)
        {
            value = value.TrimEnd('\0');
            return value.Length == 0 ? null : value;
        }
    }
}
