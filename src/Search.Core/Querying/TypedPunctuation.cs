namespace Search.Core.Querying;

/// <summary>
/// Punctuation of ordinary writing that Lucene's syntax would read as its own, made plain before
/// parsing; each character is replaced in place, so error positions stay the user's:
/// <list type="bullet">
/// <item>A colon after a word that is no field, followed by a space or the end (a pasted headline,
/// "Brexit: what next"), or after a number ("10:30", "a 3:1 win"), is a space: it was "unknown
/// field 'Brexit'". An unknown name joined to its value (<c>titel:russia</c>) stays an error that
/// lists the fields.</item>
/// <item>A field name in capitals (<c>Title:russia</c>, <c>PLACE:uk</c>) is the field.</item>
/// <item>A question mark that ends a word without other wildcards ("what is covid?") is a
/// question mark: as the wildcard of one more character, "covid?" found nothing that "covid"
/// finds. <c>te?ror</c> and <c>colo?r?</c> stay wildcards; a word ending in any one more character
/// is <c>/covid./</c>.</item>
/// </list>
/// A colon or question mark standing alone ("Brexit : quoi ?") is a space. Quoted phrases, ranges
/// and regular expressions are left as written.
/// </summary>
public static class TypedPunctuation
{
    public static string Plain(string text)
    {
        if (text.AsSpan().IndexOfAny(':', '?') < 0)
            return text;
        char[] chars = text.ToCharArray();
        bool hasWords = text.Any(char.IsLetterOrDigit);
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            int end = TypedLiterals.TokenEnd(text, i);
            if (hasWords && text.AsSpan(i, end - i).IndexOfAnyExcept(':', '?') < 0)
                Array.Fill(chars, ' ', i, end - i); // French spacing: "Brexit : quoi ?"
            else
                PlainToken(text, i, end, chars);
            i = end;
        }
        return text.AsSpan().SequenceEqual(chars) ? text : new string(chars);
    }

    private static void PlainToken(string text, int start, int end, char[] chars)
    {
        while (start < end && text[start] is '(' or '+' or '-' or '!')
            start++;
        if (start == end || text[start] is '"' or '[' or '{' or '/')
            return;
        int colon = NameEnd(text, start, end);
        if (colon > start && colon < end && text[colon] == ':')
        {
            string name = text[start..colon];
            string? field = ArticleQueryParser.KnownFields.Concat(ArticleQueryParser.FieldAliases)
                .FirstOrDefault(f => f.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (field != null)
                field.CopyTo(0, chars, start, field.Length);
            else if (colon + 1 == end || name.All(char.IsAsciiDigit))
                chars[colon] = ' ';
        }
        int last = end;
        while (last > start && text[last - 1] == ')')
            last--;
        int marks = last;
        while (marks > start && text[marks - 1] == '?')
            marks--;
        if (marks == last || marks == start || text[marks - 1] == '\\')
            return;
        var word = text.AsSpan(start, marks - start);
        if (word.IndexOfAny('*', '?') >= 0 || word.IndexOfAny('"', '[', '{') >= 0 || !word.ToString().Any(char.IsLetterOrDigit))
            return;
        for (int q = marks; q < last; q++)
            chars[q] = ' ';
    }

    /// <summary>Where a field name starting at <paramref name="start"/> would end: after letters,
    /// digits, '_', '.' and '-'.</summary>
    private static int NameEnd(string text, int start, int end)
    {
        int i = start;
        while (i < end && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-'))
            i++;
        return i;
    }
}
