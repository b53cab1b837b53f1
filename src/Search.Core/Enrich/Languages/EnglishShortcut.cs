namespace Search.Core.Enrich.Languages;

/// <summary>
/// The check that settles a Latin-script sample as English without Lingua's models: enough of its
/// words are English function words (<see cref="EnglishWords"/>), or, failing that, English stop
/// words outnumber every other Latin-script language's (<see cref="OtherLatinStopWords"/>). Most
/// archives are mostly English, so this is what keeps their build fast; the thresholds are measured
/// in docs/languages.md.
/// </summary>
internal static class EnglishShortcut
{
    /// <summary>Share of a Latin sample's words that are English function words above which it is
    /// English. English news prose runs at 35–50 %; German, French, Spanish and Dutch stay under
    /// 10 % (docs/languages.md has the measured spread).</summary>
    public const double EnglishShare = 0.15;

    /// <summary>The lower share that settles English for text without accented letters (tables,
    /// lists of names and figures, headlines in title case): every other language measured has
    /// accents or fewer of these words (German at most 0.096, with umlauts).</summary>
    public const double PlainEnglishShare = 0.08;

    /// <summary>Share of English stop words above which a Latin text is English when no other
    /// Latin-script language's stop words are even half as frequent in it (wire copy in capitals,
    /// tables, interviews with accented names: see <see cref="OtherLatinStopWords"/>).</summary>
    public const double EnglishAmongLatin = 0.08;

    /// <summary>Whether <paramref name="sample"/>, whose letters are <paramref name="scripts"/>, is English.</summary>
    public static bool Applies(string sample, ScriptCounts scripts)
    {
        double share = scripts.MostlyLatin ? EnglishWords.Share(sample) : 0;
        return share >= EnglishShare || (share >= PlainEnglishShare && scripts.PlainLatin)
            || (scripts.Latin * 2 > scripts.Letters && OtherLatinStopWords.EnglishLeads(sample, EnglishAmongLatin));
    }
}
