using System.Text.RegularExpressions;

namespace Search.Core.Querying;

/// <summary>
/// The words of a typed query that a reader could have misspelt, for "did you mean": not the
/// operators, field names, words inside a range or a regular expression, or the letters of a
/// wildcard or fuzzy pattern, which are left as typed (`/regex/` was offered `/refer/`).
/// </summary>
internal static partial class RespellableWords
{
    private static readonly char[] RangeOpens = ['[', '{'];
    private static readonly char[] RangeCloses = [']', '}'];

    public static IEnumerable<Match> In(string query) =>
        Word().Matches(query).Where(m => m.Value is not ("AND" or "OR" or "NOT" or "TO")
            && !IsFieldName(query, m) && !IsPattern(query, m) && !InRange(query, m.Index) && !InRegex(query, m.Index));

    private static bool IsFieldName(string query, Match m) =>
        m.Index + m.Length < query.Length && query[m.Index + m.Length] == ':';

    /// <summary>A word a wildcard or fuzzy mark follows or a wildcard precedes (`protest*`, `te?t`, `blair~`).</summary>
    private static bool IsPattern(string query, Match m)
    {
        int end = m.Index + m.Length;
        return (end < query.Length && query[end] is '*' or '?' or '~') || (m.Index > 0 && query[m.Index - 1] is '*' or '?');
    }

    private static bool InRange(string query, int index)
    {
        int open = query.LastIndexOfAny(RangeOpens, Math.Max(0, index - 1));
        int close = query.LastIndexOfAny(RangeCloses, Math.Max(0, index - 1));
        return open >= 0 && open > close;
    }

    /// <summary>Whether <paramref name="index"/> is inside <c>/…/</c>; a slash inside a quoted
    /// phrase (a URL) opens no regular expression.</summary>
    private static bool InRegex(string query, int index)
    {
        bool quoted = false, regex = false;
        for (int i = 0; i < index; i++)
        {
            char c = query[i];
            if (c == '\\')
                i++;
            else if (c == '"' && !regex)
                quoted = !quoted;
            else if (c == '/' && !quoted)
                regex = !regex;
        }
        return regex;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])\p{L}[\p{L}\p{N}']*")]
    private static partial Regex Word();
}
