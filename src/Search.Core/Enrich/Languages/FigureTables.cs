using System.Text.RegularExpressions;

namespace Search.Core.Enrich.Languages;

/// <summary>
/// Text that is mostly figures (a table of results, prices, scores) is no language's prose: its
/// words are labels and abbreviations ("Shr 45 cts vs 40 cts Net 1.2 mln"), and an n-gram model
/// names a language for them at random (Reuters' earnings tables came out as French, Welsh, Latin,
/// Yoruba…). A language other than English named for such a text counts only when that language's
/// function words back it; otherwise the text is undetermined, analysed as English like any other.
/// </summary>
internal static partial class FigureTables
{
    /// <summary>Share of a sample's words that are figures (one in five) from which it is read as a
    /// table. Latin-script prose in every language measured stays below 0.15 (German news,
    /// translated manual pages in 17 Latin-script languages: docs/languages.md); a wire table that
    /// writes some figures as words ("one ct vs nil") comes to 0.18–0.24.</summary>
    public const double FigureShare = 0.2;

    /// <summary>Share of a table's words that must be the named language's function words (its
    /// stop list) for the name to count: prose runs at 30–50 %.</summary>
    public const double FunctionWordShare = 0.10;

    /// <summary>Whether <paramref name="language"/>, named for <paramref name="sample"/>, is a guess
    /// about a table that nothing in it supports.</summary>
    public static bool Unsupported(string sample, string language)
    {
        var words = Words().Matches(sample);
        if (words.Count == 0 || words.Count(w => Figure().IsMatch(w.Value)) < FigureShare * words.Count)
            return false;
        var stop = StopWordLists.Of(language is "nb" or "nn" ? "no" : language);
        if (stop == null)
            return true;
        int letters = 0, function = 0;
        foreach (Match word in Letters().Matches(sample))
        {
            letters++;
            if (stop.Contains(word.Value.ToLowerInvariant()))
                function++;
        }
        return function < FunctionWordShare * letters;
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();

    /// <summary>A number as tables write it, with its sign, separators, percent and a unit of up
    /// to three letters: 45, 1,025,000, -0.5%, 3.2bn, (12).</summary>
    [GeneratedRegex(@"^[\p{P}\p{S}]*\d[\d.,:/%-]*[\p{P}\p{S}\p{L}]{0,3}$")]
    private static partial Regex Figure();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Letters();
}
