using Search.Core.Querying;

namespace Search.Core.Evaluation;

/// <summary>The search that relevance evaluation measures: the query text as keywords of which any
/// may match (<see cref="SearchRequest.MatchAny"/>), ranked by the searcher's <see cref="RankingSettings"/>.
/// `search eval` and the relevance benchmark both use it, so they measure the same thing.</summary>
public static class EvaluationSearch
{
    public static IReadOnlyList<(string DocId, float Score)> Run(ArticleSearcher searcher, string text, int depth, bool expand = false) =>
        searcher.Search(new SearchRequest { Query = text, Limit = depth, MatchAny = true, Expand = expand, Snippets = false, Suggest = false })
            .Hits.Select(h => (h.Id, h.Score)).ToList();

    /// <summary>Evaluates every judged query against <paramref name="searcher"/>; with
    /// <paramref name="expand"/>, searching with pseudo-relevance feedback (<see cref="SearchRequest.Expand"/>).</summary>
    public static EvaluationReport Evaluate(ArticleSearcher searcher, IReadOnlyList<EvaluationQuery> queries, Qrels qrels, int depth = 100, bool expand = false) =>
        RelevanceEvaluator.Evaluate(queries, qrels, (string text, int n) => Run(searcher, text, n, expand), depth);
}
