using Lucene.Net.Queries.Function;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search.Similarities;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;

namespace Search.Core.Querying;

/// <summary>Where the related-articles query takes the seed's words from.</summary>
public enum RelatedTerms
{
    /// <summary>Lucene's MoreLikeThis with its defaults: the 25 terms of title and body with the
    /// highest tf·idf, each at least twice in the seed and in five articles, searched in title and body.</summary>
    MoreLikeThis,

    /// <summary>The seed's words in the ranking field (title twice and body, as the index scores
    /// them), each weighted by its BM25 weight in the seed, searched in the ranking field
    /// (<see cref="RelatedProfile"/>).</summary>
    RankingProfile,
}

/// <summary>What the related-articles query uses besides the seed's words (the benchmark measures each).</summary>
/// <param name="Terms">Where the seed's words come from and where they are searched.</param>
/// <param name="MaxTerms">How many of the seed's words a <see cref="RelatedTerms.RankingProfile"/> keeps.</param>
/// <param name="Boosted">Profile: each word's clause boosted by its tf·idf in the seed (measured worse, off).</param>
/// <param name="MinTermFrequency">Profile: how often a word must be in the seed to be picked.</param>
/// <param name="K1">BM25 k1 of the related search (Lucene's default 1.2: chosen on Reuters, better on BBC too).</param>
/// <param name="B">BM25 b of the related search (Lucene's 0.75, not the ranking's 0.5): a seed's fifty
/// words match long articles by chance more than short ones, so length counts for more than for a short query.</param>
/// <param name="PlaceWeight">Weight of each of the seed's places (a clause on the place facet); 0 = not used, the default: measured, it does not help (docs/relevance.md).</param>
/// <param name="DateWeight">Score factor 1 + this for the same day as the seed (<see cref="DateCloseness"/>); 0 = not used.</param>
/// <param name="SeedTermFrequency">Profile: a word the seed says more than once weighs as a repeated
/// query word does in the ranking (BM25's k3: twice 4/3, three times 3/2, never more than 2). On by
/// default: chosen on Reuters (P@10 0.750 → 0.756), better on BBC too (0.911 → 0.915, held out).</param>
public sealed record RelatedOptions(
    RelatedTerms Terms = RelatedTerms.RankingProfile,
    int MaxTerms = RelatedProfile.DefaultMaxTerms,
    float PlaceWeight = 0f,
    double DateWeight = DateCloseness.Weight,
    bool Boosted = false,
    int MinTermFrequency = 1,
    float K1 = 1.2f,
    float B = 0.75f,
    bool SeedTermFrequency = true)
{
    /// <summary>The similarity the related search ranks with: the ranking's BM25 with this k1 and b.</summary>
    public Similarity CreateSimilarity() => (RankingSettings.Default with { K1 = K1, B = B }).CreateSimilarity();

    public static readonly RelatedOptions Default = new();

    /// <summary>MoreLikeThis as the library ships it: its terms in title and body, nothing else.</summary>
    public static readonly RelatedOptions Library = new(RelatedTerms.MoreLikeThis, 25, 0, 0, Boosted: false, MinTermFrequency: 2);
}

/// <summary>
/// The "more like this" query for one article: the seed's most telling words
/// (<see cref="RelatedOptions.Terms"/>), optionally the seed's places (each a clause on the place
/// facet), and a score factor for articles written close in time to it (<see cref="DateCloseness"/>):
/// news readers expect "related" to mean the same story's follow-ups and background. Each part and
/// its weight is measured by `tests/Search.Benchmarks -- related --sweep`, chosen on one collection
/// and reported on the other (docs/relevance.md).
/// </summary>
public static class RelatedArticles
{
    private static readonly string[] Fields = { Schema.Title, Schema.Body };

    /// <summary>Null when the article has no word telling enough to pick.</summary>
    public static Query? Query(IndexReader reader, ArticleAnalyzers analyzers, int doc, RelatedOptions? options = null)
    {
        options ??= RelatedOptions.Default;
        BooleanQuery? query = options.Terms == RelatedTerms.RankingProfile
            ? RelatedProfile.Query(reader, analyzers, doc, options)
            : LibraryQuery(reader, analyzers, doc);
        if (query == null)
            return null;
        if (options.PlaceWeight == 0 && options.DateWeight == 0)
            return query;
        var stored = reader.Document(doc, new HashSet<string> { Schema.Place, Schema.Published });
        if (options.PlaceWeight > 0)
            foreach (string place in stored.GetValues(Schema.Place).Distinct(StringComparer.OrdinalIgnoreCase))
                query.Add(new TermQuery(new Term(Schema.FacetPrefix + "place", ArticleDocument.FacetKey(place))) { Boost = options.PlaceWeight }, Occur.SHOULD);
        return options.DateWeight > 0 && DateCloseness.Days(stored.Get(Schema.Published)) is { } day
            ? new BoostedQuery(query, new DateCloseness(day, options.DateWeight))
            : query;
    }

    private static BooleanQuery? LibraryQuery(IndexReader reader, ArticleAnalyzers analyzers, int doc)
    {
        var mlt = new MoreLikeThis(reader, new DefaultSimilarity()) { Analyzer = analyzers.Stemmed, FieldNames = Fields };
        if (mlt.Like(doc) is not BooleanQuery { Clauses.Count: > 0 } like)
            return null;
        // MoreLikeThis picks stems; in title and body a stem is all its indexed forms.
        var stems = new BooleanQuery(like.CoordDisabled) { Boost = like.Boost, MinimumNumberShouldMatch = like.MinimumNumberShouldMatch };
        foreach (var clause in like.Clauses)
            stems.Add(clause.Query is TermQuery t ? new StemQuery(t.Term, analyzers.Stemmed) { Boost = t.Boost } : clause.Query, clause.Occur);
        return stems;
    }
}
