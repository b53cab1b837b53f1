namespace Search.Core.Ingest;

/// <summary>
/// Which code page a Latin-script text that is not UTF-8 and declares none was written in:
/// Windows-1252 (Western Europe and the Americas), Windows-1250 or ISO-8859-2 (Central Europe:
/// Polish, Czech, Slovak, Hungarian, Slovene, Croatian, Romanian). The three agree on ASCII and on
/// many accented letters, and each reads the others' bytes as letters or symbols without error, so
/// the bytes alone do not tell them apart. The languages do: a text is written in one language, and
/// each language uses a small set of letters beyond ASCII. Each code page's reading of the text's
/// bytes is scored by the largest number of its non-ASCII letters that one language of its region
/// writes, less those it reads as letters that language does not write (Czech read as
/// Windows-1252 gives <c>pøes</c>, <c>mùže</c>: letters that no one Western language uses
/// together); the best reading wins, Windows-1252 on a tie (English with curly
/// quotes, German, which the Central European pages also hold). The sets are the languages'
/// alphabets, not fitted to any collection.
/// </summary>
internal static class LatinCodePages
{
    private sealed record Page(Encoding Encoding, string[] Alphabets)
    {
        /// <summary>Lower-cased reading of each byte from 0x80 up.</summary>
        public char[] Letters { get; } = Enumerable.Range(0x80, 0x80)
            .Select(b => char.ToLowerInvariant(Encoding.GetString([(byte)b])[0]))
            .ToArray();
    }

    /// <summary>Non-ASCII lower-case letters of the languages Windows-1252 serves.</summary>
    private static readonly string[] Western =
    [
        "àâæçéèêëîïôœùûüÿ", // French
        "äöüß", // German
        "áéíñóúü", // Spanish
        "áâãàçéêíóôõú", // Portuguese
        "àèéìíòóù", // Italian
        "éëïóöü", // Dutch
        "æøåé", // Danish, Norwegian
        "åäöé", // Swedish, Finnish
        "áéíóúýþæöð", // Icelandic
        "àçèéíïòóúü", // Catalan
    ];

    /// <summary>Non-ASCII lower-case letters of the languages Windows-1250 and ISO-8859-2 serve.</summary>
    private static readonly string[] CentralEuropean =
    [
        "ąćęłńóśźż", // Polish
        "áčďéěíňóřšťúůýž", // Czech
        "áäčďéíĺľňóôŕšťúýž", // Slovak
        "áéíóöőúüű", // Hungarian
        "čšž", // Slovene
        "čćđšž", // Croatian, Bosnian
        "ăâîşţșț", // Romanian
    ];

    private static readonly Page[] Pages =
    [
        new(TextDecoding.Windows1252, Western),
        new(CodePagesEncodingProvider.Instance.GetEncoding(1250)!, CentralEuropean),
        new(CodePagesEncodingProvider.Instance.GetEncoding(28592)!, CentralEuropean),
    ];

    /// <summary>The code page of a text whose bytes from 0x80 up occur <paramref name="counts"/>
    /// times each inside its words (index 0 for byte 0x80).</summary>
    public static Encoding Of(ReadOnlySpan<int> counts)
    {
        Page best = Pages[0];
        int bestScore = Score(best, counts);
        foreach (Page page in Pages.AsSpan(1))
        {
            int score = Score(page, counts);
            if (score > bestScore)
                (best, bestScore) = (page, score);
        }
        return best.Encoding;
    }

    /// <summary>The best reading of the text's non-ASCII bytes by one language of
    /// <paramref name="page"/>: the bytes read as its letters, less those read as letters it does
    /// not write (symbols count for neither).</summary>
    private static int Score(Page page, ReadOnlySpan<int> counts)
    {
        int best = int.MinValue;
        foreach (string alphabet in page.Alphabets)
        {
            int score = 0;
            for (int i = 0; i < counts.Length; i++)
            {
                if (counts[i] == 0 || !char.IsLetter(page.Letters[i]))
                    continue;
                score += alphabet.Contains(page.Letters[i], StringComparison.Ordinal) ? counts[i] : -counts[i];
            }
            best = Math.Max(best, score);
        }
        return best;
    }
}
