using Search.Core.Querying.Ranking;

namespace Search.Core.Querying;

/// <summary>Keyword queries of which any word may match (<see cref="SearchRequest.MatchAny"/>).</summary>
public sealed partial class ArticleQueryParser
{
    /// <summary>The words as keywords (no query syntax), each <c>field:value</c> term among them
    /// (<see cref="AnyWordsFields"/>) as the query language reads it, all alternatives.</summary>
    private Query AnyWords(string text)
    {
        var (words, fields) = AnyWordsFields.Split(text);
        var terms = KeywordQuery.Terms(Analyzer, words, _ranking);
        Query? keywords = terms.Count == 0 ? null
            : _ranking.CombinedField ? FreeTextRanking.Keywords(terms, _ranking, Analyzer)
            : WithProximity(KeywordQuery.Build(terms, _ranking, Analyzer), terms);
        if (fields.Count == 0)
            return keywords ?? (text.Trim() is "" or "*" or "*:*" ? new MatchAllDocsQuery() : new BooleanQuery());
        var any = new BooleanQuery(disableCoord: true);
        if (keywords != null)
            any.Add(keywords, Occur.SHOULD);
        foreach (var (term, position) in fields)
        {
            try
            {
                any.Add(ParseQuery(term), Occur.SHOULD);
            }
            catch (QuerySyntaxException e)
            {
                throw QueryPositions.Moved(e, p => p + position - 1);
            }
        }
        return any;
    }
}
