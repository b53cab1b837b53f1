namespace Search.Core.Indexing;

/// <summary>
/// How full text is analysed. Recorded in every commit's user data: queries must analyse the way
/// the index was built, and an index built with other settings is reported instead of silently
/// returning wrong results.
/// </summary>
/// <param name="Letters">Which letters are made one before stemming: 0, as lower case leaves them
/// (indexes built before the rules were recorded); 1, also the capital dotted I as i
/// (<see cref="Analysis.InvariantLowerCase"/>), subscript digits as digits (<see cref="Analysis.SubscriptDigits"/>) and
/// each language's letters written two ways as one (<see cref="Analysis.Languages.LanguageChain.Letters"/>).</param>
public sealed record AnalysisSettings(string Stemmer = "porter2", bool StopWords = true, string LanguageStemmer = Analysis.Languages.LanguageStemming.Snowball, int Letters = AnalysisSettings.LatestLetters)
{
    public const int LatestLetters = 1;

    public static readonly AnalysisSettings Default = new();

    /// <summary>Whether the letter rules of <see cref="Letters"/> 1 apply.</summary>
    public bool FoldsLetters => Letters >= 1;

    /// <summary>The languages' analysis as the index records it (null for an index from before).</summary>
    public static string? RecordedLanguages(IDictionary<string, string> data) =>
        data.TryGetValue("analysis.languages", out var v) ? v : null;

    /// <summary>porter: Lucene's Porter (1980); porter2: Snowball English (Porter2); kstem: Krovetz;
    /// minimal: plurals only; none.</summary>
    public static readonly string[] Stemmers = { "porter", "porter2", "kstem", "minimal", "none" };

    public IDictionary<string, string> ToUserData() => new Dictionary<string, string>
    {
        ["analysis.stemmer"] = Stemmer,
        ["analysis.stopwords"] = StopWords ? "english" : "none",
        ["analysis.language-stemmer"] = LanguageStemmer,
        ["analysis.letters"] = Letters.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // What each other language's analysis is, so a change of it is seen (docs/languages.md).
        ["analysis.languages"] = string.Join("; ", Analysis.Languages.LanguageChains.ByCode.Values.Select(c => $"{c.Code}: {c.Describe(this)}")),
    };

    public static AnalysisSettings FromUserData(IDictionary<string, string> data) => new(
        data.TryGetValue("analysis.stemmer", out var s) ? s : Default.Stemmer,
        !data.TryGetValue("analysis.stopwords", out var w) || w != "none",
        data.TryGetValue("analysis.language-stemmer", out var l) ? l : Default.LanguageStemmer,
        data.TryGetValue("analysis.letters", out var letters) && int.TryParse(letters, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : 0);
}
