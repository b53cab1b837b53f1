using Lucene.Net.Index;
using Lucene.Net.Queries.Function;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;

namespace Search.Core.Querying;

/// <summary>
/// The "more like this" query for one article. MoreLikeThis picks the article's most telling terms
/// in title and body (re-analysed from the stored text with the stemmed analyser: the index keeps
/// no term vectors). Articles that share the seed's places count more, and so do those written
/// close in time to it (<see cref="DateCloseness"/>): news readers expect "related" to mean the
/// same story's follow-ups and background. Searching the terms in the ranking field
/// (<see cref="Schema.AllText"/>) instead was measured and is worse (P@10 0.873 vs 0.906 on BBC,
/// 0.636 vs 0.667 on Reuters), so it is off.
/// </summary>
/// <summary>What the related-articles query uses besides the seed's terms (the benchmark measures each).</summary>
/// <param name="RankingField">Search the terms in the ranking field rather than in title and body.</param>
/// <param name="PlaceWeight">Weight of each of the seed's places, as a share of the strongest term's; 0 = not used.</param>
/// <param name="DateWeight">Score factor 1 + this for the same day as the seed (<see cref="DateCloseness"/>); 0 = not used.</param>
public sealed record RelatedOptions(bool RankingField = false, float PlaceWeight = 0.2f, double DateWeight = DateCloseness.Weight)
{
    public static readonly RelatedOptions Default = new();

    /// <summary>MoreLikeThis as the library ships it: its terms in title and body, nothing else.</summary>
    public static readonly RelatedOptions Library = new(false, 0, 0);
}

public static class RelatedArticles
{
    private static readonly string[] Fields = { Schema.Title, Schema.Body };

    /// <summary>Null when the article has no term frequent enough to pick.</summary>
    public static Query? Query(IndexReader reader, ArticleAnalyzers analyzers, int doc, RelatedOptions? options = null)
    {
        options ??= RelatedOptions.Default;
        var mlt = new MoreLikeThis(reader, new DefaultSimilarity())
        {
            Analyzer = analyzers.Stemmed,
            FieldNames = Fields,
            ApplyBoost = options.RankingField,
        };
        if (mlt.Like(doc) is not BooleanQuery { Clauses.Count: > 0 } like)
            return null;
        if (!options.RankingField && options.PlaceWeight == 0 && options.DateWeight == 0)
            return like;
        BooleanQuery query = like;
        if (options.RankingField)
        {
            var terms = new Dictionary<string, float>(StringComparer.Ordinal);
            foreach (BooleanClause clause in like.Clauses)
                if (clause.Query is TermQuery tq)
                    terms[tq.Term.Text] = Math.Max(terms.GetValueOrDefault(tq.Term.Text), tq.Boost);
            float strongest = terms.Values.DefaultIfEmpty(1).Max();
            query = new BooleanQuery();
            foreach (var (text, boost) in terms)
                query.Add(new TermQuery(new Term(Schema.AllText, text)) { Boost = boost / strongest }, Occur.SHOULD);
        }
        var stored = reader.Document(doc, new HashSet<string> { Schema.Place, Schema.Published });
        if (options.PlaceWeight > 0)
            foreach (string place in stored.GetValues(Schema.Place).Distinct(StringComparer.OrdinalIgnoreCase))
                query.Add(new TermQuery(new Term(Schema.FacetPrefix + "place", ArticleDocument.FacetKey(place))) { Boost = options.PlaceWeight }, Occur.SHOULD);
        return options.DateWeight > 0 && DateCloseness.Days(stored.Get(Schema.Published)) is { } day
            ? new BoostedQuery(query, new DateCloseness(day, options.DateWeight))
            : query;
    }
}
