namespace Search.Core.Ingest.Mail;

/// <summary>
/// A part of a message that is a file of its own: its name when it gives one, its media type, its
/// transfer encoding, and where its (still encoded) bytes lie in the message's bytes; read by
/// <see cref="MailAttachments"/> only when its turn comes, so a message is held once.
/// </summary>
internal sealed record MailAttachment(string? Name, string Media, string? TransferEncoding, int Start, int End)
{
    /// <summary>A forwarded message, read as a message of its own.</summary>
    public bool IsMessage => Media is "message/rfc822" or "message/global";
}
