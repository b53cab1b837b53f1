namespace Search.Core.Enrich.Languages;

/// <summary>How many letters of a text are in each script that decides a language on its own, and
/// how many are Latin or Cyrillic (scripts many languages share).</summary>
internal readonly record struct ScriptCounts(int Letters, int Latin, int Cyrillic, int Han, int Kana, int Hangul, int Greek, int Hebrew, int Thai, int Other, int AccentedLatin = 0)
{
    public static ScriptCounts Of(string text)
    {
        int accented = 0;
        int letters = 0, latin = 0, cyrillic = 0, han = 0, kana = 0, hangul = 0, greek = 0, hebrew = 0, thai = 0, other = 0;
        foreach (char c in text)
        {
            if (c < 0x80)
            {
                if (char.IsAsciiLetter(c)) { letters++; latin++; }
                continue;
            }
            if (!char.IsLetter(c))
                continue;
            letters++;
            switch (c)
            {
                case <= '\u024F': latin++; accented++; break;
                case >= '\u0370' and <= '\u03FF': greek++; break;
                case >= '\u0400' and <= '\u052F': cyrillic++; break;
                case >= '\u0590' and <= '\u05FF': hebrew++; break;
                case >= '\u0E00' and <= '\u0E7F': thai++; break;
                case >= '\u1E00' and <= '\u1EFF': latin++; accented++; break;
                case >= '\u3040' and <= '\u30FF': kana++; break;
                case >= '\u3400' and <= '\u9FFF': han++; break;
                case >= '\uAC00' and <= '\uD7AF': hangul++; break;
                case >= '\u1100' and <= '\u11FF': hangul++; break;
                default: other++; break;
            }
        }
        return new(letters, latin, cyrillic, han, kana, hangul, greek, hebrew, thai, other, accented);
    }

    /// <summary>Latin letters with no accent at all but for one in 200 or fewer: English writes
    /// none, while German, French, Spanish, Italian, Polish… prose has one in 100 or more.</summary>
    public bool PlainLatin => MostlyLatin && AccentedLatin * 200 <= Latin;

    /// <summary>Latin letters are at least nine in ten of all letters.</summary>
    public bool MostlyLatin => Latin * 10 >= Letters * 9;

    /// <summary>The language a script settles alone when it holds most of the letters: Korean
    /// (Hangul), Japanese (kana, or Han with kana), Chinese (Han without kana), Greek, Hebrew, Thai.</summary>
    public string? SingleLanguage()
    {
        int half = Letters / 2;
        int cjk = Han + Kana + Hangul;
        if (cjk > half)
            return Hangul > Han + Kana ? "ko" : Kana * 20 >= cjk ? "ja" : "zh";
        if (Greek > half) return "el";
        if (Hebrew > half) return "he";
        if (Thai > half) return "th";
        return null;
    }
}
