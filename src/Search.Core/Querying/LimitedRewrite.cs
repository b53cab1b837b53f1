namespace Search.Core.Querying;

/// <summary>
/// Expands wildcard and prefix patterns like Lucene's default (constant score), but first
/// counts the terms a pattern matches and refuses a pattern that matches more than the limit,
/// which would make the query slow for no useful result.
/// </summary>
internal sealed class LimitedRewrite : MultiTermQuery.RewriteMethod
{
    private readonly int _limit;

    public LimitedRewrite(int limit) => _limit = limit;

    public override Query Rewrite(IndexReader reader, MultiTermQuery query)
    {
        int count = 0;
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(query.Field);
            if (terms == null)
                continue;
            var termsEnum = GetTermsEnum(query, terms, new Lucene.Net.Util.AttributeSource());
            while (termsEnum.MoveNext())
                if (++count > _limit)
                    throw new TooManyTermsException(query, _limit);
        }
        return MultiTermQuery.CONSTANT_SCORE_AUTO_REWRITE_DEFAULT.Rewrite(reader, query);
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
