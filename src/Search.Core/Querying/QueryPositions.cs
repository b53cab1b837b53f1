namespace Search.Core.Querying;

/// <summary>
/// Query error positions as the user counts them: in characters as seen (text elements, Unicode's
/// grapheme clusters), not in the UTF-16 units the parser counts, which put every position after an
/// emoji one too far. A letter and its accent, a flag or an emoji with its modifiers is one
/// character, written composed or not. Also moves a position when the text parsed is a part of
/// what was typed.
/// </summary>
public static class QueryPositions
{
    /// <summary><paramref name="e"/> with its position, and the "position N" its message names, in
    /// characters as seen in <paramref name="text"/> (the parser's positions count its UTF-16 units).</summary>
    public static QuerySyntaxException AsSeen(string text, QuerySyntaxException e) => Moved(e, p => Seen(text, p));

    public static QuerySyntaxException Moved(QuerySyntaxException e, Func<int, int> map)
    {
        if (e.Position <= 0)
            return e;
        int to = map(e.Position);
        if (to == e.Position)
            return e;
        string message = Regex.Replace(e.Message, $@"\bposition {e.Position}\b", $"position {to}");
        return new QuerySyntaxException(message, to, e);
    }

    /// <summary>The 1-based position, in characters as seen, of the UTF-16 position <paramref name="utf16"/>
    /// (1-based; past the end counts on one a unit).</summary>
    public static int Seen(string text, int utf16)
    {
        int index = utf16 - 1;
        var starts = StringInfo.ParseCombiningCharacters(text);
        if (index >= text.Length)
            return starts.Length + index - text.Length + 1;
        int seen = Array.BinarySearch(starts, index);
        return seen >= 0 ? seen + 1 : ~seen; // inside a character: that character
    }

    /// <summary>The 1-based UTF-16 position of the character as seen at <paramref name="seen"/> (1-based).</summary>
    public static int Utf16(string text, int seen)
    {
        var starts = StringInfo.ParseCombiningCharacters(text);
        return seen <= starts.Length ? starts[seen - 1] + 1 : text.Length + seen - starts.Length;
    }
}
