namespace Search.Core.Querying;

/// <summary>How far apart two spellings are: in edits, and in sound (for "did you mean").</summary>
public static class WordDistance
{
    /// <summary>Damerau-Levenshtein distance (adjacent transpositions count one), as FuzzyTermsEnum counts.</summary>
    public static int Edits(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    /// <summary>American Soundex of a lower-case ASCII word: first letter and three digits for the
    /// consonant sounds that follow ("blare" and "blair" are B460, "blame" B450).</summary>
    internal static string Soundex(string word)
    {
        const string codes = "01230120022455012623010202"; // a..z
        var result = new StringBuilder(4);
        char last = '\0';
        foreach (char c in word)
        {
            if (c is < 'a' or > 'z')
                continue;
            char code = codes[c - 'a'];
            if (result.Length == 0)
                result.Append(char.ToUpperInvariant(c));
            else if (code != '0' && code != last)
                result.Append(code);
            if (c is not ('h' or 'w'))
                last = code;
            if (result.Length == 4)
                break;
        }
        return result.Length == 0 ? "" : result.ToString().PadRight(4, '0');
    }
}
