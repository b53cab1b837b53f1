namespace Search.Core.Enrich.Places;

/// <summary>A word of the text: letters/digits, or a dotted capital abbreviation such as "U.S.".</summary>
internal readonly record struct PlaceToken(int Start, int Length, bool AllCaps, bool Capitalised)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits text into the words the place matcher looks at, in one pass without allocating per word.
/// Possessive "'s" is dropped ("Russia's" -> "Russia"); other inner apostrophes stay part of the word
/// ("N'Djamena", "d'Ivoire"); hyphens separate words ("Guinea-Bissau" is two), so aliases are split the
/// same way when the gazetteer is loaded.
/// </summary>
internal static class PlaceTokenizer
{
    public static void Tokenize(string text, List<PlaceToken> tokens)
    {
        tokens.Clear();
        int n = text.Length, i = 0;
        while (i < n)
        {
            char c = text[i];
            if (!IsLetterOrDigit(c)) { i++; continue; }

            // "U.S.", "U.K.", "U.S.S.R.": single capitals each followed by a dot, at least two of them.
            int k = i;
            while (k + 1 < n && IsUpper(text[k]) && text[k + 1] == '.')
                k += 2;
            if ((k - i) / 2 >= 2 && (k >= n || !IsLetterOrDigit(text[k])))
            {
                tokens.Add(new PlaceToken(i, k - i, true, true));
                i = k;
                continue;
            }

            int start = i, letters = 0, lower = 0;
            while (i < n)
            {
                char ch = text[i];
                int kind = Kind(ch);
                if ((kind & Word) != 0)
                {
                    if ((kind & Letter) != 0) { letters++; if ((kind & Lower) != 0) lower++; }
                    i++;
                }
                else if ((ch == '\'' || ch == '\u2019') && i + 1 < n && char.IsLetter(text[i + 1]))
                {
                    bool possessive = (text[i + 1] == 's' || text[i + 1] == 'S') && (i + 2 >= n || !IsLetterOrDigit(text[i + 2]));
                    if (possessive) break;
                    i++;
                }
                else break;
            }
            tokens.Add(new PlaceToken(start, i - start, letters >= 2 && lower == 0, IsUpper(text[start])));
            if (i < n && (text[i] == '\'' || text[i] == '\u2019')) i += 2; // skip the possessive
        }
    }

    // What char.IsLetterOrDigit, IsLetter, IsLower and IsUpper say of a character, as bits, read
    // from a table for ASCII (most of the text; the tokenizer was a fifth of enrichment's time).
    internal const int Word = 1, Letter = 2, Lower = 4, Upper = 8;

    private static readonly byte[] Ascii = Enumerable.Range(0, 128).Select(c => (byte)KindOf((char)c)).ToArray();

    /// <summary>The bits of <paramref name="c"/> from char's own tests.</summary>
    internal static int KindOf(char c) =>
        (char.IsLetterOrDigit(c) ? Word : 0) | (char.IsLetter(c) ? Letter : 0) | (char.IsLower(c) ? Lower : 0) | (char.IsUpper(c) ? Upper : 0);

    /// <summary><see cref="Word"/> for a letter or digit (char.IsLetterOrDigit), with <see cref="Letter"/>,
    /// <see cref="Lower"/> and <see cref="Upper"/> as char says.</summary>
    internal static int Kind(char c) => c < 0x80 ? Ascii[c] : KindOf(c);

    private static bool IsLetterOrDigit(char c) => c < 0x80 ? (Ascii[c] & Word) != 0 : char.IsLetterOrDigit(c);

    private static bool IsUpper(char c) => c < 0x80 ? (Ascii[c] & Upper) != 0 : char.IsUpper(c);

    /// <summary>Whether two words may belong to one place name: only spaces, a line break, hyphens or
    /// an abbreviation dot between them ("New York", "Guinea-Bissau", "St. Helena").</summary>
    public static bool Joinable(string text, int from, int to)
    {
        if (to - from > 4) return false;
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            if (c != ' ' && c != '-' && c != '.' && c != '\n' && c != '\r' && c != '\t') return false;
        }
        return true;
    }

    /// <summary>Whether two words are adjacent inside one phrase: whitespace only between them (a
    /// single line break allowed, as wrapped text has them), no punctuation.</summary>
    public static bool Adjacent(string text, int from, int to)
    {
        int newlines = 0;
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            if (c == '\n') { if (++newlines > 1) return false; }
            else if (c != ' ' && c != '\r' && c != '\t') return false;
        }
        return to > from;
    }
}
