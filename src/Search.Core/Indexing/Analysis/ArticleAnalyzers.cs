namespace Search.Core.Indexing.Analysis;

/// <summary>The modes of <see cref="ArticleAnalyzer"/> for one index, built once and shared:
/// analysers keep per-thread token streams, so reusing them across queries saves that work.</summary>
public sealed class ArticleAnalyzers
{
    public ArticleAnalyzers(AnalysisSettings settings, string languageKey = Languages.LanguageChains.English)
    {
        Settings = settings;
        LanguageKey = languageKey;
        var chain = Languages.LanguageChains.Chain(languageKey);
        Index = new ArticleAnalyzer(settings, TextMode.Index, chain);
        Stemmed = new ArticleAnalyzer(settings, TextMode.Stemmed, chain);
        Exact = new ArticleAnalyzer(settings, TextMode.Exact, chain);
        Pairs = new ArticleAnalyzer(settings, TextMode.Pairs, chain);
    }

    /// <summary>The analysis key these analysers are of (<see cref="Languages.LanguageChains.KeyOf"/>).</summary>
    public string LanguageKey { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ArticleAnalyzers> _byLanguage = new(StringComparer.Ordinal);

    /// <summary>The analysers of another analysis key (this set for its own), built once.</summary>
    public ArticleAnalyzers For(string languageKey) =>
        languageKey == LanguageKey ? this : _byLanguage.GetOrAdd(languageKey, k => new ArticleAnalyzers(Settings, k));

    public AnalysisSettings Settings { get; }
    public ArticleAnalyzer Index { get; }
    public ArticleAnalyzer Stemmed { get; }
    public ArticleAnalyzer Exact { get; }
    public ArticleAnalyzer Pairs { get; }
}
