namespace Search.Core.Querying;

/// <summary>
/// What people type that Lucene's syntax would misread, quoted before parsing: a pasted URL
/// (<c>https://…</c>: its ':' read as a field, its '/' as a regular expression) is looked up in
/// the <c>url</c> field as written, and a word with a slash inside (<c>9/11</c>, <c>24/7</c>,
/// <c>and/or</c>) is the phrase it reads as, where the slash began an unclosed regular expression
/// ("the query cannot be read at position 4"), as is a name joined by '&' (<c>AT&amp;T</c>,
/// <c>M&amp;S</c>, <c>R&amp;D</c>), which the analyser splits in letters that were required
/// anywhere in the article; a date written with slashes in a date field
/// (<c>published:2020/03/01</c>) is the day it names. Anything quoted, escaped, inside a range or
/// a regular expression (<c>/vacc.*/</c>) is left as written.
/// </summary>
public static partial class TypedLiterals
{
    public static string Quote(string text)
    {
        if (text.AsSpan().IndexOfAny('/', '&') < 0 || text.Contains('\\', StringComparison.Ordinal))
            return text;
        var result = new StringBuilder(text.Length + 8);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                result.Append(c);
                i++;
                continue;
            }
            int end = TokenEnd(text, i);
            result.Append(Rewrite(text[i..end]));
            i = end;
        }
        return result.ToString();
    }

    /// <summary>Where the token starting at <paramref name="start"/> ends: at white space outside
    /// quotes, a range's brackets and a regular expression's slashes.</summary>
    internal static int TokenEnd(string text, int start)
    {
        char? closer = null;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (closer != null)
            {
                if (c == closer)
                    closer = null;
                continue;
            }
            if (char.IsWhiteSpace(c))
                return i;
            if (c == '"')
                closer = '"';
            else if (c is '[' or '{')
                closer = c == '[' ? ']' : '}';
            else if (c == '/' && QuerySyntaxChecks.StartsWord(text, i))
                closer = '/';
        }
        return text.Length;
    }

    /// <summary>A token with any of these is someone writing Lucene's syntax: left to it.</summary>
    private static readonly System.Buffers.SearchValues<char> Syntax = System.Buffers.SearchValues.Create("\"[]{}*?");

    private static string Rewrite(string token)
    {
        int start = 0;
        while (start < token.Length && token[start] is '(' or '+' or '-' or '!')
            start++;
        int end = token.Length;
        while (end > start && token[end - 1] == ')')
            end--;
        string core = token[start..end];
        string field = "";
        if (!IsUrl(core) && FieldPrefix().Match(core) is { Success: true } m)
        {
            field = m.Value;
            core = core[m.Length..];
        }
        // A URL's query string has '?', '=', '&' and sometimes '*' (`…/story?id=3&ref=rss`): still a URL.
        if (token.AsSpan().IndexOfAny(Syntax) >= 0 && !(IsUrl(core) && !core.Contains('"', StringComparison.Ordinal)))
            return token;
        if (DateFields.Contains(field))
            return token.Replace('/', '-'); // published:2020/03/01 is the day published:2020-03-01 names
        if (IsUrl(core))
            return $"{token[..start]}{(field.Length == 0 ? "url:" : field)}\"{core}\"{token[end..]}";
        if ((core.Length > 1 && core[0] != '/' && core.Contains('/', StringComparison.Ordinal) && !core.Contains(':', StringComparison.Ordinal))
            || JoinedByAmpersand().IsMatch(core))
            return $"{token[..start]}{field}\"{core}\"{token[end..]}";
        return token;
    }

    private static readonly HashSet<string> DateFields = new(["published:", "date:", "year:", "month:"], StringComparer.OrdinalIgnoreCase);

    private static bool IsUrl(string s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^[\p{L}\p{N}]+(?:&[\p{L}\p{N}]+)+$")]
    private static partial Regex JoinedByAmpersand();

    [GeneratedRegex(@"^[A-Za-z_]+:")]
    private static partial Regex FieldPrefix();
}
