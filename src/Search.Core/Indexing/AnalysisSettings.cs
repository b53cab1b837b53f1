namespace Search.Core.Indexing;

/// <summary>
/// How full text is analysed. Recorded in every commit's user data: queries must analyse the way
/// the index was built, and an index built with other settings is reported instead of silently
/// returning wrong results.
/// </summary>
public sealed record AnalysisSettings(string Stemmer = "porter", bool StopWords = true)
{
    public static readonly AnalysisSettings Default = new();

    public static readonly string[] Stemmers = { "porter", "kstem", "minimal", "none" };

    public IDictionary<string, string> ToUserData() => new Dictionary<string, string>
    {
        ["analysis.stemmer"] = Stemmer,
        ["analysis.stopwords"] = StopWords ? "english" : "none",
    };

    public static AnalysisSettings FromUserData(IDictionary<string, string> data) => new(
        data.TryGetValue("analysis.stemmer", out var s) ? s : Default.Stemmer,
        !data.TryGetValue("analysis.stopwords", out var w) || w != "none");
}
