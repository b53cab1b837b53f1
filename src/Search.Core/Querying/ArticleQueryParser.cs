using Lucene.Net.QueryParsers.Classic;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Querying.Ranking;

namespace Search.Core.Querying;

/// <summary>
/// Lucene's classic query syntax, adapted to articles: words are ANDed and stemmed, scored on the
/// combined title-and-body field (<see cref="Schema.AllText"/>; title counted twice); quoted phrases match exact, unstemmed words; `published`
/// ranges accept years and months; unknown fields, leading wildcards and over-broad patterns are
/// errors with a position instead of silent empty results.
/// </summary>
public sealed partial class ArticleQueryParser : MultiFieldQueryParser
{
    /// <summary>Fields a query may name; <see cref="FieldAliases"/> are other names of published, place and tags.</summary>
    public static readonly IReadOnlyList<string> KnownFields =
        Schema.TextFields.Concat(Schema.MetadataFields).Concat(Schema.WholeValueFields).Concat(new[] { Schema.Id, Schema.Published }).ToArray();
    public static readonly IReadOnlyList<string> FieldAliases = ["date", "places", "tag"];

    private readonly ArticleAnalyzer _exact;
    private readonly RankingSettings _ranking;
    private readonly int _maxExpansions;

    public ArticleQueryParser(AnalysisSettings analysis, int maxExpansions, RankingSettings? ranking = null)
        : this(new ArticleAnalyzers(analysis), maxExpansions, ranking) { }

    public ArticleQueryParser(ArticleAnalyzers analyzers, int maxExpansions, RankingSettings? ranking = null)
        : base(ArticleAnalyzer.Version, Schema.DefaultFields.Keys.ToArray(),
            analyzers.Stemmed, (ranking ?? RankingSettings.Default).FieldWeights.ToDictionary(kv => kv.Key, kv => kv.Value))
    {
        _exact = analyzers.Exact;
        _ranking = ranking ?? RankingSettings.Default;
        DefaultOperator = AND_OPERATOR;
        AllowLeadingWildcard = false;
        AutoGeneratePhraseQueries = false;
        MultiTermRewriteMethod = new LimitedRewrite(_maxExpansions = maxExpansions);
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="QuerySyntaxException"/> with a
    /// 1-based position on any error. Empty text and `*` match every article.</summary>
    public Query ParseQuery(string text, bool matchAny = false)
    {
        if (matchAny)
            return AnyWords(text);
        text = TypedPunctuation.Plain(TypographicQuotes.Straighten(text));
        string trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed == "*" || trimmed == "*:*")
            return new MatchAllDocsQuery();
        QuerySyntaxChecks.Check(text);
        PhraseWildcards.Check(text);
        text = TypedLiterals.Quote(text);
        Query query;
        try
        {
            query = PlainWords(text) ?? Parse(text);
        }
        catch (ParseException e)
        {
            throw QuerySyntaxChecks.Explain(text, e);
        }
        catch (ArgumentException e)
        {
            throw QuerySyntaxChecks.Explain(text, e);
        }
        return FreeTextRanking.Rank(MatchAllIfOnlyNegative(query), _ranking, Analyzer);
    }

    /// <summary>
    /// Adds the proximity clauses of <see cref="RankingSettings.ProximityBoost"/> to a keyword query:
    /// for each pair of neighbouring words (after stop words are dropped), a sloppy phrase of their
    /// stemmed terms in each default field. They only add to the score of articles that match
    /// anyway, so the set of hits is unchanged.
    /// </summary>
    private Query WithProximity(Query query, List<string> terms)
    {
        if (_ranking.ProximityBoost <= 0)
            return query;
        var near = FreeTextRanking.Proximity(terms, _ranking, Analyzer);
        return near == null ? query : new BooleanQuery { { query, Occur.MUST }, { near, Occur.SHOULD } };
    }

    /// <summary>A plain word over the default fields (a clause per field) is combined as
    /// <see cref="RankingSettings.FieldTieBreaker"/> says, as keyword queries do.</summary>
    private Query CombineFields(string? field, Query query)
    {
        if (field != null || _ranking.FieldTieBreaker >= 1 || query is not BooleanQuery bq
            || bq.Clauses.Count < 2 || !bq.Clauses.All(c => c.Occur == Occur.SHOULD && c.Query is TermQuery or StemQuery))
            return query;
        var max = new DisjunctionMaxQuery(_ranking.FieldTieBreaker);
        foreach (var c in bq.Clauses) max.Add(c.Query);
        return max;
    }

    /// <summary>`-russia` alone, or a group of exclusions only (`russia (-putin)`), means "everything
    /// but russia", not nothing (Lucene's default).</summary>
    private static Query MatchAllIfOnlyNegative(Query query)
    {
        if (query is BooleanQuery bq && bq.Clauses.Count > 0 && bq.Clauses.All(c => c.Occur == Occur.MUST_NOT))
            bq.Add(new MatchAllDocsQuery(), Occur.MUST);
        return query;
    }

    protected override Query GetFieldQuery(string field, string queryText, bool quoted)
    {
        field = CheckField(field);
        if (DateQueries.ForField(field, queryText) is { } date)
            return date;
        if (!quoted && field == null && _ranking.CombinedField)
        {
            var word = base.GetFieldQuery(Schema.AllText, queryText, quoted);
            // A word split in parts (non-users) is scored as its parts, as keywords are.
            return word is BooleanQuery parts && parts.Clauses.All(c => c.Query is TermQuery) ? new WordParts(parts) : word;
        }
        if (!quoted)
            return CombineFields(field, base.GetFieldQuery(field, queryText, quoted));
        // Quoted: exact words.
        return WithExactAnalyzer(() => base.GetFieldQuery(field, queryText, quoted));
    }

    protected override Query GetFieldQuery(string field, string queryText, int slop)
    {
        field = CheckField(field);
        return DateQueries.ForField(field, queryText) ?? WithExactAnalyzer(() => base.GetFieldQuery(field, queryText, slop));
    }

    /// <summary>Runs <paramref name="parse"/> with the exact (unstemmed) analyser. Swapping the
    /// analyser for the call, rather than parsing apart, keeps the base parser's multi-field expansion.</summary>
    private Query WithExactAnalyzer(Func<Query> parse)
    {
        var stemmed = Analyzer;
        Analyzer = _exact;
        try
        {
            return parse();
        }
        finally
        {
            Analyzer = stemmed;
        }
    }

    /// <summary>A term of the stemming analyser in title or body is a stem: all the terms it is
    /// indexed as (<see cref="StemQuery"/>). One of the exact analyser (quoted) is the very term
    /// indexed for its word.</summary>
    protected override Query NewTermQuery(Term term) =>
        Analyzer != _exact && Array.IndexOf(Schema.TextFields, term.Field) >= 0 ? new StemQuery(term, Analyzer)
        : term.Field == Schema.AllText ? new LentTermQuery(term)
        : base.NewTermQuery(term);

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        field = CheckField(field);
        if (field == Schema.Published)
            return DateQueries.PublishedRange(part1, part2, startInclusive, endInclusive);
        if (field != null && field.StartsWith(Schema.FacetPrefix, StringComparison.Ordinal))
            DateQueries.CheckFacetRange(field[Schema.FacetPrefix.Length..], part1, part2);
        return base.GetRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }

    protected override Query GetWildcardQuery(string field, string termStr) =>
        Pattern(field, termStr, (f, t) => base.GetWildcardQuery(f, t));

    protected override Query GetPrefixQuery(string field, string termStr) =>
        Pattern(field, termStr, (f, t) => base.GetPrefixQuery(f, t));

    protected override Query GetRegexpQuery(string field, string termStr) =>
        Pattern(field, termStr, (f, t) => base.GetRegexpQuery(f, t));

    /// <summary>A misspelt word (`goverment~`). Over the default fields: the stems of the combined
    /// field (<see cref="Schema.AllText"/>, what title and body's stems are) up to the edits asked,
    /// so `protst~` finds every form of "protest", and the exact forms <c>=word</c> of title and body
    /// (<see cref="OneTermPerToken"/>) up to one edit fewer, so `goverment~` finds "government",
    /// whose stem `govern` is three edits away: the hits a word had when title and body held a stem
    /// and an exact form at every word. In title or body alone the same, each stem as all its forms
    /// in that field (<see cref="FuzzyStemsQuery"/>); in any other field, Lucene's parser's own.</summary>
    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity)
    {
        field = CheckField(field);
        DateQueries.CheckNotFuzzy(field, termStr);
        // `word~5` asks for more edits than Lucene's automata support (2): give the most there is.
        float similarity = minSimilarity >= 1 ? Math.Min(minSimilarity, 2f) : minSimilarity;
        if (field != null && Array.IndexOf(Schema.TextFields, field) < 0)
            return base.GetFuzzyQuery(field, termStr, similarity);
        string word = LowercaseExpandedTerms ? termStr.ToLowerInvariant() : termStr;
#pragma warning disable CS0618 // the parser reads `word~0.7` through the same conversion (NewFuzzyQuery)
        int edits = FuzzyQuery.SingleToEdits(similarity, word.Length);
#pragma warning restore CS0618
        var stems = base.GetFuzzyQuery(Schema.AllText, termStr, similarity);
        var query = new BooleanQuery(disableCoord: true)
        {
            { field == null || stems is not FuzzyQuery fuzzy ? stems : new FuzzyStemsQuery(field, fuzzy, Analyzer), Occur.SHOULD },
        };
        foreach (string text in field == null ? Schema.TextFields : [field])
        {
            var form = new Term(text, Schema.ExactMarker + word);
            // The marker is the fixed first letter (prefix 1), so the edits are the word's own.
            query.Add(edits > 1 ? new FuzzyQuery(form, edits - 1, prefixLength: 1) : new TermQuery(form), Occur.SHOULD);
        }
        return query;
    }

    /// <summary>
    /// A wildcard, prefix or regular-expression pattern. Over the default fields it matches the
    /// combined field's stems (<see cref="Schema.AllText"/>) and the body's words whose stems it does
    /// not (<see cref="StemsAndWordsPattern"/>: <c>vaccine*</c> finds "vaccines", stem <c>vaccin</c>), plus
    /// the title's words at the title's weight, so title matches still rank first. In title or body it matches the words indexed bare (their own stems) and
    /// the exact forms <c>=word</c> (<see cref="OneTermPerToken"/>).
    /// </summary>
    private Query Pattern(string? field, string termStr, Func<string, string, Query> build)
    {
        field = CheckField(field);
        if (field == null)
        {
            var title = InTextField(Schema.Title, termStr, build);
            // The title's words as written are matched below, the body's with the stems.
            var stems = build(Schema.AllText, termStr);
            if (stems is MultiTermQuery pattern && build(Schema.Body, Schema.ExactMarker + termStr) is MultiTermQuery bodyWords)
                stems = new StemsAndWordsPattern(pattern, bodyWords, Analyzer, _maxExpansions);
            return new BooleanQuery(disableCoord: true)
            {
                { stems, Occur.SHOULD },
                { new ConstantScoreQuery(title) { Boost = _ranking.FieldWeights.GetValueOrDefault(Schema.Title, 1f) }, Occur.SHOULD },
            };
        }
        return Array.IndexOf(Schema.TextFields, field) >= 0 ? InTextField(field, termStr, build) : build(field, termStr);
    }

    private static BooleanQuery InTextField(string field, string termStr, Func<string, string, Query> build) => new(disableCoord: true)
    {
        { build(field, termStr), Occur.SHOULD },
        { build(field, Schema.ExactMarker + termStr), Occur.SHOULD },
    };

    private static string CheckField(string? field)
    {
        if (field == null)
            return null!; // the default fields
        if (FieldAliases.Contains(field))
            return field == "date" ? Schema.Published : field == "places" ? Schema.Place : Schema.Tags;
        if (!KnownFields.Contains(field))
            throw new ParseException($"unknown field '{field}'; fields are {string.Join(", ", KnownFields)}");
        return Array.IndexOf(Schema.WholeValueFields, field) >= 0 ? Facets.FacetDimensions.Field(field) : field;
    }
}
