namespace Search.Core.Ingest.Mail;

/// <summary>
/// Plain text sent as <c>format=flowed</c> (RFC 3676), as Thunderbird and Apple Mail send it: a
/// line ending in a space is wrapped, not ended. With <c>delsp=yes</c> that space was added for the
/// wrap, which may fall inside a word ("the cli␠⏎ent"): it is taken out as the lines are joined,
/// or the word reads as two. Without it the space is the text's own, and the paragraph joining
/// every message's text goes through already reads such lines right.
/// </summary>
internal static class FlowedText
{
    /// <summary>Whether a part's Content-Type (<c>text/plain; format=flowed; delsp=yes</c>) wraps with added spaces.</summary>
    public static bool DeletesSpaces(string contentType) =>
        string.Equals(Mime.Parameter(contentType, "format"), "flowed", StringComparison.OrdinalIgnoreCase)
        && string.Equals(Mime.Parameter(contentType, "delsp"), "yes", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="text"/> with each wrapped line joined to the next, its added space taken out.</summary>
    public static string Unwrap(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var joined = new System.Text.StringBuilder(text.Length);
        foreach (string line in lines)
        {
            // The signature line "-- " ends in a space and is not wrapped.
            if (line.Length > 0 && line[^1] == ' ' && line != "-- ")
                joined.Append(line, 0, line.Length - 1);
            else
                joined.Append(line).Append('\n');
        }
        return joined.ToString();
    }
}
