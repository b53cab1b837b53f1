using System.Collections.Concurrent;

namespace Search.Core.Indexing.Analysis.Languages;

/// <summary>
/// The write path's choice of analyser per article: the writer's own (English) for English,
/// undetermined and unstated languages, so their documents are analysed exactly as before; the
/// article's language chain otherwise, built once per language and settings and shared by every
/// adding thread (analysers keep per-thread streams).
/// </summary>
public static class LanguageIndexAnalyzers
{
    private static readonly ConcurrentDictionary<(AnalysisSettings, string), ArticleAnalyzer> Cache = new();

    /// <summary>The analyser for <paramref name="doc"/> (its stored <see cref="Schema.Language"/>),
    /// or null when the writer's default (<paramref name="writerAnalyzer"/>) is the one.</summary>
    public static Analyzer? For(Analyzer writerAnalyzer, Document doc)
    {
        if (Enrich.Languages.LanguageStep.Off)
            return null;
        string key = LanguageChains.KeyOf(doc.Get(Schema.Language));
        if (key == LanguageChains.English || writerAnalyzer is not ArticleAnalyzer english)
            return null;
        return Cache.GetOrAdd((english.Settings, key), k => new ArticleAnalyzer(k.Item1, TextMode.Index, LanguageChains.Chain(k.Item2)));
    }
}
