using System.Text;
using Search.Core.Ingest;

namespace Search.Benchmarks.Extraction;

/// <summary>
/// When an extracted field counts as the expected one. Titles and site names: equal after HTML
/// entities are decoded, case is folded, and punctuation and white space are collapsed (curly vs
/// straight quotes and doubled spaces are not errors). Bylines: the same, after a leading
/// "By"/"Par" on either side and with both cut at their first line break (Readability's bylines
/// often run on into the date on the next line: "By Nathan Willis\n March 25, 2015"); a byline that
/// lists the expected names plus more, or fewer of several names, does not count.
/// Dates: the same calendar day as written (<see cref="DateParsing.ToIsoDate"/> of each side).
/// </summary>
public static class MetadataMatch
{
    public static bool Title(string expected, string? actual) =>
        actual != null && Normal(expected) == Normal(actual) && Normal(expected).Length > 0;

    public static bool Byline(string expected, string? actual)
    {
        if (actual == null)
            return false;
        string e = Normal(FirstLine(expected)), a = Normal(FirstLine(actual));
        foreach (string prefix in (string[])["by ", "par "])
        {
            if (e.StartsWith(prefix, StringComparison.Ordinal)) e = e[prefix.Length..];
            if (a.StartsWith(prefix, StringComparison.Ordinal)) a = a[prefix.Length..];
        }
        return e.Length > 0 && e == a;
    }

    public static bool Date(string expected, string? actual) =>
        actual != null && DateParsing.ToIsoDate(expected) is { } e && e == DateParsing.ToIsoDate(actual);

    private static string FirstLine(string s)
    {
        s = s.Trim();
        int lineBreak = s.IndexOf('\n');
        return lineBreak > 0 ? s[..lineBreak] : s;
    }

    private static string Normal(string s)
    {
        s = System.Net.WebUtility.HtmlDecode(s);
        var b = new StringBuilder(s.Length);
        bool space = true;
        foreach (char c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                b.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                b.Append(' ');
                space = true;
            }
        }
        return b.ToString().TrimEnd();
    }
}
