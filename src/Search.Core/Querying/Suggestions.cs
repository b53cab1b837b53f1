using Search.Core.Indexing.Analysis;

namespace Search.Core.Querying;

/// <summary>"Did you mean": a respelling of the query (<see cref="SpellingSuggester"/>) offered
/// only when it finds more than the query as typed, under the same filters.</summary>
internal static class Suggestions
{
    public static string? Better(ArticleIndexSearcher searcher, string text, int total, Filter? filter, ArticleAnalyzers analyzers, RankingSettings ranking)
    {
        string? suggestion = SpellingSuggester.Suggest(searcher.IndexReader, text);
        if (suggestion == null)
            return null;
        try
        {
            // In every language of the index, as the query itself was searched.
            var parsed = LanguageQueries.Parse(suggestion, false, analyzers, 10_000, ranking, searcher.IndexReader);
            return searcher.Count(parsed, filter) > total ? suggestion : null;
        }
        catch (SearchException)
        {
            return null;
        }
    }
}
