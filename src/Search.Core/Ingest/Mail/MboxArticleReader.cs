namespace Search.Core.Ingest.Mail;

/// <summary>
/// Reads mailbox files (mbox: <c>.mbox</c>, <c>.mbx</c>, Apple Mail's exported <c>mbox</c>, Google
/// Takeout's mail, Thunderbird's folders, which have no extension but start with a <c>From </c>
/// line): one article per message, as <see cref="MailMessage"/> reads it, and one per attachment
/// a reader takes (<see cref="MailAttachments"/>), streamed a message at a time. Messages are
/// numbered in file order (<c>inbox.mbox#12</c>, its attachment <c>inbox.mbox#12/report.pdf</c>),
/// their lines counted from the <c>From </c> line that starts them; <c>&gt;From </c> escapes are
/// undone. When the first <c>From </c> line carries a date, as every mail program writes one
/// (<c>From alice@example.org Mon Mar  2 10:00:00 2026</c>), only such lines start a message: a
/// paragraph of a message that begins with "From " and was not escaped (some programs leave it)
/// stays in its message.
/// </summary>
public sealed partial class MboxArticleReader : StreamedFileReader
{
    /// <summary>Most bytes one message may take: it is read in memory.</summary>
    private const long MaxMessageBytes = 64L << 20;

    public override string Format => "mbox";

    /// <summary>By extension, or a file without one whose start is a mailbox's (a <c>From </c> line,
    /// then headers), or a <c>.txt</c> that is a mailbox with dated <c>From </c> lines: a mailing
    /// list's archive as Mailman publishes it (<c>2026-March.txt</c>, gzipped as <c>.txt.gz</c>).</summary>
    public override bool CanRead(string extension, ReadOnlySpan<byte> head) =>
        extension is ".mbox" or ".mbx" || (extension.Length == 0 && LooksLikeMbox(head)) || IsMailingListArchive(extension, head);

    /// <summary>Gzipped mailboxes (<c>.mbox.gz</c>, <c>.txt.gz</c>) are read through gunzip: a mailbox is read front to back.</summary>
    public override bool ReadsGzipped => true;

    /// <summary>A <c>.txt</c> that is a mailbox, which the text reader leaves to this one.</summary>
    internal static bool IsMailingListArchive(string extension, ReadOnlySpan<byte> head)
    {
        if (extension is not (".txt" or ".text") || !LooksLikeMbox(head))
            return false;
        int end = head.IndexOf((byte)'\n');
        return SeparatorDate().IsMatch(Encoding.Latin1.GetString(end < 0 ? head : head[..end]));
    }

    private static bool LooksLikeMbox(ReadOnlySpan<byte> head)
    {
        if (!head.StartsWith("From "u8))
            return false;
        string start = Encoding.Latin1.GetString(head[..Math.Min(head.Length, 4096)]);
        return start.Contains("\nFrom:", StringComparison.OrdinalIgnoreCase) || start.Contains("\nSubject:", StringComparison.OrdinalIgnoreCase)
            || start.Contains("\nReturn-Path:", StringComparison.OrdinalIgnoreCase) || start.Contains("\nMessage-ID:", StringComparison.OrdinalIgnoreCase);
    }

    protected override IEnumerable<ReadItem> Read(SourceFile file, Stream stream)
    {
        // Latin-1 maps every byte to one character and back: lines are split without decoding.
        using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false);
        using var lines = Lines(reader).GetEnumerator();
        // The start read ahead: a tag every message there carries is the list's (ListTag).
        var head = new List<string>();
        for (int chars = 0; chars < ListTag.HeadChars && lines.MoveNext(); chars += lines.Current.Length + 1)
            head.Add(lines.Current);
        string? tag = ListTag.Common(head);
        var message = new MemoryStream();
        int number = 0, start = 0, lineNumber = 0;
        bool previousBlank = true, tooBig = false, dated = false;
        foreach (string read in head.Concat(Rest(lines)))
        {
            string line = read;
            lineNumber++;
            if (previousBlank && line.StartsWith("From ", StringComparison.Ordinal) && (number == 0 || !dated || SeparatorDate().IsMatch(line)))
            {
                if (number == 0)
                    dated = SeparatorDate().IsMatch(line);
                if (number > 0)
                    foreach (ReadItem item in Message(file, number, start, message, tooBig, tag))
                        yield return item;
                (number, start, tooBig, previousBlank) = (number + 1, lineNumber, false, false);
                message.SetLength(0);
                continue;
            }
            if (number == 0)
            {
                if (line.Length == 0)
                    continue;
                yield return ReadItem.Skip(RecordProblem.WholeFile, "not a mailbox: it does not start with a 'From ' line");
                yield break;
            }
            previousBlank = line.Length == 0;
            if (line.StartsWith('>') && line.TrimStart('>').StartsWith("From ", StringComparison.Ordinal))
                line = line[1..];
            if (message.Length + line.Length + 1 > MaxMessageBytes)
            {
                tooBig = true;
                continue;
            }
            message.Write(Encoding.Latin1.GetBytes(line));
            message.WriteByte((byte)'\n');
        }
        if (number > 0)
            foreach (ReadItem item in Message(file, number, start, message, tooBig, tag))
                yield return item;
    }

    /// <summary>The date of a <c>From </c> line after its sender: asctime's month, day and time
    /// (<c>Mar  2 10:00:00</c>), or day, month, year and time (<c>2 Mar 2026 10:00</c>).</summary>
    [GeneratedRegex(@"^From \S+\s.*\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{4})\s+\d{1,2}:\d{2}")]
    private static partial Regex SeparatorDate();

    private static IEnumerable<string> Lines(StreamReader reader)
    {
        string? line;
        while ((line = reader.ReadLine()) != null)
            yield return line;
    }

    private static IEnumerable<string> Rest(IEnumerator<string> lines)
    {
        while (lines.MoveNext())
            yield return lines.Current;
    }

    /// <summary>Message <paramref name="number"/>, starting at <paramref name="line"/>: its article
    /// (unless it has neither subject nor text and its attachments are its articles) and its
    /// attachments', read whole before the next message reuses <paramref name="bytes"/>.</summary>
    private static List<ReadItem> Message(SourceFile file, int number, int line, MemoryStream bytes, bool tooBig, string? tag)
    {
        if (tooBig)
            return [ReadItem.Skip(line, $"message {number} is over {MaxMessageBytes >> 20} MB (attachments); not read")];
        var article = new Article();
        var attachments = new List<MailAttachment>();
        ReadOnlySpan<byte> message = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
        if (MailMessage.Fill(article, message, attachments) is { } notMessage)
            return [ReadItem.Skip(line, $"message {number}: {notMessage}")];
        article.Title = ListTag.Strip(article.Title, tag);
        string id = $"{file.RelativePath}#{number}";
        List<ReadItem> items = MailAttachments.Read(file, id, article, message, attachments, line + 1, $"message {number}: ");
        if (FieldMapping.Complete(article, file, number, line) is not { } problem)
            items.Insert(0, ReadItem.Of(article));
        else if (!items.Any(item => item.Article != null))
            items.Insert(0, ReadItem.Skip(line, $"message {number}: {problem}"));
        return items;
    }
}
