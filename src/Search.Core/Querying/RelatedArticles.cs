using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;

namespace Search.Core.Querying;

/// <summary>
/// The "more like this" query for one article. Title and body are re-analysed from the stored
/// text with the stemmed analyser (the index keeps no term vectors), so the query's terms are the
/// stemmed terms the index holds, not the exact-form copies indexed beside them.
/// </summary>
public static class RelatedArticles
{
    private static readonly string[] Fields = { Schema.Title, Schema.Body };

    /// <summary>Null when the article has no term frequent enough to pick.</summary>
    public static Query? Query(IndexReader reader, ArticleAnalyzers analyzers, int doc)
    {
        var mlt = new MoreLikeThis(reader, new DefaultSimilarity())
        {
            Analyzer = analyzers.Stemmed,
            FieldNames = Fields,
        };
        var query = mlt.Like(doc);
        return query is BooleanQuery { Clauses.Count: 0 } ? null : query;
    }
}
