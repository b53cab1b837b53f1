namespace Search.Core.Querying;

/// <summary>
/// A wildcard inside a phrase (<c>"russ* putin"</c>): the phrase is matched word for word as
/// analysed, where the '*' or '?' is dropped or splits the word, so it silently found nothing (or
/// only the word as far as the wildcard). Said as an error with the wildcard's position instead.
/// A '?' that ends a word is a question mark (<c>"what is covid?"</c>), not a wildcard; a URL and
/// the literal fields (url:, file:, related:, id:) keep their '*' and '?' as written.
/// </summary>
public static class PhraseWildcards
{
    /// <summary>Fields whose phrases are analysed words, where a wildcard cannot work.</summary>
    private static readonly string[] WordFields = ["title", "body", "author", "tags", "tag"];

    public static void Check(string text)
    {
        int open = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\') { i++; continue; }
            if (c == '"')
            {
                open = open < 0 ? i : -1;
                if (open >= 0 && !OfWordField(text, open))
                    i = Math.Max(i, Closing(text, open) - 1); // a literal field's value, as written
                continue;
            }
            if (open < 0 || !IsWildcard(text, i) || InUrl(text, open))
                continue;
            int close = Closing(text, open);
            string phrase = text[open..(close < 0 ? text.Length : close + 1)];
            throw new QuerySyntaxException(
                $"a wildcard cannot be used inside a phrase: '{c}' at position {i + 1} in {phrase}; write the word in full, or drop the quotes to search the words anywhere", i + 1);
        }
    }

    /// <summary>A '*' after a letter or digit; a '?' between two (a '?' that ends a word is a question mark).</summary>
    private static bool IsWildcard(string text, int i) =>
        (text[i] == '*' || text[i] == '?')
        && i > 0 && char.IsLetterOrDigit(text[i - 1])
        && (text[i] == '*' || (i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])));

    /// <summary>Whether the phrase opening at <paramref name="open"/> has no field or a field of words.</summary>
    private static bool OfWordField(string text, int open)
    {
        if (open == 0 || text[open - 1] != ':')
            return true;
        int start = open - 1;
        while (start > 0 && char.IsLetter(text[start - 1]))
            start--;
        string field = text[start..(open - 1)];
        return WordFields.Contains(field, StringComparer.OrdinalIgnoreCase);
    }

    private static int Closing(string text, int open)
    {
        for (int i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == '"') return i;
        }
        return -1;
    }

    private static bool InUrl(string text, int open)
    {
        int close = Closing(text, open);
        return text.AsSpan(open, (close < 0 ? text.Length : close) - open).Contains("://", StringComparison.Ordinal);
    }
}
