using Search.Core.Snippets;

namespace Search.Core.Querying;

/// <summary>
/// Expands wildcard and prefix patterns like Lucene's default (constant score), but first
/// counts the terms a pattern matches and refuses a pattern that matches more than the limit,
/// which would make the query slow for no useful result.
///
/// The count is one walk of each segment's terms dictionary; it also settles what Lucene's
/// default (<see cref="ConstantScoreAutoRewrite"/>) would choose, and keeps the terms for the
/// snippets (<see cref="PatternTerms"/>), so neither walks them again: a pattern matching more
/// documents than the default's cutoff becomes the same filter the default makes, without its
/// second walk; only a pattern of few terms and documents is handed to the default, which
/// gathers each term's statistics. The rewritten query is the one Lucene's default gives
/// (<c>LimitedRewriteTests</c>).
/// </summary>
internal sealed class LimitedRewrite : MultiTermQuery.RewriteMethod
{
    private static readonly ConstantScoreAutoRewrite Default = (ConstantScoreAutoRewrite)MultiTermQuery.CONSTANT_SCORE_AUTO_REWRITE_DEFAULT;

    private readonly int _limit;

    public LimitedRewrite(int limit) => _limit = limit;

    public override Query Rewrite(IndexReader reader, MultiTermQuery query)
    {
        // What ConstantScoreAutoRewrite counts: a term's documents in each segment it is in, and
        // the distinct terms; it stops at either cutoff, after collecting a term, and then filters.
        int docCutoff = (int)(Default.DocCountPercent / 100.0 * reader.MaxDoc);
        int termCutoff = Math.Min(BooleanQuery.MaxClauseCount, Default.TermCountCutoff);
        long docs = 0;
        int count = 0;
        var kept = new HashSet<string>(StringComparer.Ordinal);
        bool keeping = true;
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(query.Field);
            if (terms == null)
                continue;
            var termsEnum = GetTermsEnum(query, terms, new Lucene.Net.Util.AttributeSource());
            while (termsEnum.MoveNext())
            {
                if (++count > _limit)
                    throw new TooManyTermsException(query, _limit);
                if (docs < docCutoff)
                    docs += termsEnum.DocFreq;
                if (keeping && kept.Add(termsEnum.Term.Utf8ToString()) && kept.Count > PatternTerms.MaxKept)
                    keeping = false;
            }
        }
        PatternTerms.Remember(query, reader, keeping ? kept : null);
        // Terms counted once per segment they are in: at least as many as the distinct ones, so
        // below the term cutoff the distinct ones are too; at or above it, the default decides.
        if (count > 0 && docs >= docCutoff)
            return MultiTermQuery.CONSTANT_SCORE_FILTER_REWRITE.Rewrite(reader, query);
        return Default.Rewrite(reader, query);
    }
}

/// <summary>A wildcard, prefix or range pattern that matches too many terms.</summary>
public sealed class TooManyTermsException : Exception
{
    public TooManyTermsException(MultiTermQuery query, int limit)
        : base($"'{Describe(query)}' matches more than {limit:N0} different words; make it more specific") => Pattern = Describe(query);

    public string Pattern { get; }

    private static string Describe(MultiTermQuery query) => query switch
    {
        PrefixQuery p => p.Prefix.Text + "*",
        WildcardQuery w => w.Term.Text,
        _ => query.ToString(query.Field),
    };
}
