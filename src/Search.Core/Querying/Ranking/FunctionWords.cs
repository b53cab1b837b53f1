using System.Runtime.CompilerServices;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;

namespace Search.Core.Querying.Ranking;

/// <summary>
/// English function words (Snowball's English stop list, the one Xapian's query parser uses),
/// beyond the index's own stop words: words that say how something is asked ("what", "about",
/// "would", "which"), not what it is about. With <see cref="RankingSettings.QueryFunctionWords"/>
/// they are dropped from the free words of every query form alike; the index keeps them, so
/// phrases still find them.
/// </summary>
internal static class FunctionWords
{
    public static readonly IReadOnlyList<string> Words = """
        i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
        her hers herself it its itself they them their theirs themselves what which who whom this that
        these those am is are was were be been being have has had having do does did doing would should
        could ought a an the and but if or because as until while of at by for with about against between
        into through during before after above below to from up down in out on off over under again
        further then once here there when where why how all any both each few more most other some such
        no nor not only own same so than too very
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static readonly ConditionalWeakTable<Analyzer, HashSet<string>> Stemmed = new();

    /// <summary>The function words as <paramref name="analyzer"/> indexes them (stemmed; the index's
    /// stop words give no term at all).</summary>
    public static IReadOnlySet<string> For(Analyzer analyzer) => Stemmed.GetValue(analyzer, a =>
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (string w in Words)
            terms.UnionWith(AnalyzedTerms.Of(a, Schema.Body, w));
        return terms;
    });
}
