namespace Search.Core.Indexing.Analysis;

/// <summary>The three modes of <see cref="ArticleAnalyzer"/> for one index, built once and shared:
/// analysers keep per-thread token streams, so reusing them across queries saves that work.</summary>
public sealed class ArticleAnalyzers
{
    public ArticleAnalyzers(AnalysisSettings settings)
    {
        Settings = settings;
        Index = new ArticleAnalyzer(settings, TextMode.Index);
        Stemmed = new ArticleAnalyzer(settings, TextMode.Stemmed);
        Exact = new ArticleAnalyzer(settings, TextMode.Exact);
    }

    public AnalysisSettings Settings { get; }
    public ArticleAnalyzer Index { get; }
    public ArticleAnalyzer Stemmed { get; }
    public ArticleAnalyzer Exact { get; }
}
