namespace Search.Core.Ingest.Mail;

/// <summary>
/// A mailing list's subject tag (<c>[press] Harbour strike ends</c>, Mailman's subject prefix),
/// which is the list's name and not the story's: taken off the title of mail the list sent, where it
/// can be told from a subject that starts with brackets of its own (<c>[ANN] Version 2</c>, <c>[PATCH]
/// …</c>): the tag is the list's name its <c>List-Id</c> header gives, or, in a mailbox (a Mailman
/// archive keeps no <c>List-Id</c>), the same tag on every message at its start, two at least. A
/// reply keeps its <c>Re:</c> (<c>Re: [press] X</c> and <c>[press] Re: X</c> are <c>Re: X</c>).
/// </summary>
internal static partial class ListTag
{
    /// <summary>How much of a mailbox's start is looked at for a tag every message carries.</summary>
    public const int HeadChars = 64 * 1024;

    /// <summary><paramref name="subject"/> without its leading <paramref name="tag"/> (case aside),
    /// unless that would leave no title.</summary>
    public static string Strip(string subject, string? tag)
    {
        if (tag == null || Leading().Match(subject) is not { Success: true } m
            || !m.Groups["tag"].Value.Trim().Equals(tag, StringComparison.OrdinalIgnoreCase))
            return subject;
        string rest = subject[(m.Index + m.Length)..];
        return rest.Length == 0 ? subject : m.Groups["reply"].Value + rest;
    }

    /// <summary>The list's name in a <c>List-Id</c> header (<c>Press releases &lt;press.lists.example.org&gt;</c>: press).</summary>
    public static string? OfListId(string? listId)
    {
        if (listId == null)
            return null;
        int open = listId.LastIndexOf('<'), close = listId.LastIndexOf('>');
        string id = (open >= 0 && close > open ? listId[(open + 1)..close] : listId).Trim();
        int dot = id.IndexOf('.');
        return dot > 0 ? id[..dot] : id.Length > 0 ? id : null;
    }

    /// <summary>The tag every message's subject starts with among the lines of a mailbox's start,
    /// when it holds two messages or more; null otherwise.</summary>
    public static string? Common(IReadOnlyList<string> lines)
    {
        string? tag = null;
        int messages = 0;
        bool inHeaders = false, previousBlank = true;
        foreach (string line in lines)
        {
            if (previousBlank && line.StartsWith("From ", StringComparison.Ordinal))
                inHeaders = true;
            else if (inHeaders && line.Length == 0)
                inHeaders = false;
            else if (inHeaders && line.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase))
            {
                var m = Leading().Match(Mime.DecodeWords(line["Subject:".Length..]).Trim());
                string? own = m.Success ? m.Groups["tag"].Value.Trim() : null;
                if (own == null || (tag != null && !own.Equals(tag, StringComparison.OrdinalIgnoreCase)))
                    return null;
                tag = own;
                messages++;
            }
            previousBlank = line.Length == 0;
        }
        return messages >= 2 ? tag : null;
    }

    [GeneratedRegex(@"^(?<reply>(?:(?:Re|Fwd?|AW|WG|SV|VS|Antw)\s*(?:\[\d+\])?:\s*)*)\[(?<tag>[^\[\]]{1,60})\]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Leading();
}
