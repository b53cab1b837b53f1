namespace Search.Core.Indexing;

/// <summary>
/// How full text is analysed. Recorded in every commit's user data: queries must analyse the way
/// the index was built, and an index built with other settings is reported instead of silently
/// returning wrong results.
/// </summary>
public sealed record AnalysisSettings(string Stemmer = "porter2", bool StopWords = true)
{
    public static readonly AnalysisSettings Default = new();

    /// <summary>porter: Lucene's Porter (1980); porter2: Snowball English (Porter2); kstem: Krovetz;
    /// minimal: plurals only; none.</summary>
    public static readonly string[] Stemmers = { "porter", "porter2", "kstem", "minimal", "none" };

    public IDictionary<string, string> ToUserData() => new Dictionary<string, string>
    {
        ["analysis.stemmer"] = Stemmer,
        ["analysis.stopwords"] = StopWords ? "english" : "none",
    };

    public static AnalysisSettings FromUserData(IDictionary<string, string> data) => new(
        data.TryGetValue("analysis.stemmer", out var s) ? s : Default.Stemmer,
        !data.TryGetValue("analysis.stopwords", out var w) || w != "none");
}
