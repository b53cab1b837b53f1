using System.Text;
using Search.Core.Enrich;

namespace Search.Benchmarks.Extraction;

/// <summary>
/// When an extracted field counts as the expected one. Titles and site names: equal after HTML
/// entities are decoded, case is folded, and punctuation and white space are collapsed (curly vs
/// straight quotes and doubled spaces are not errors). Bylines: the same, after a leading "By"; a
/// byline that lists the expected names plus more, or fewer of several names, does not count.
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
        string e = Normal(expected), a = Normal(actual);
        if (e.StartsWith("by ", StringComparison.Ordinal)) e = e[3..];
        if (a.StartsWith("by ", StringComparison.Ordinal)) a = a[3..];
        return e.Length > 0 && e == a;
    }

    public static bool Date(string expected, string? actual) =>
        actual != null && DateParsing.ToIsoDate(expected) is { } e && e == DateParsing.ToIsoDate(actual);

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
