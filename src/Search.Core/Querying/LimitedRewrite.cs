using Search.Core.Snippets;

namespace Search.Core.Querying;

/// <summary>
/// Expands wildcard and prefix patterns like Lucene's default (constant score), but first
/// counts the terms a pattern matches and refuses a pattern that matches more than the limit,
/// which would make the query slow for no useful result.
///
/// One walk of each segment's terms dictionary does the three: the count, Lucene's default
/// (<see cref="ConstantScoreAutoRewrite"/>: a query of the terms while they are few and in few
/// documents, else a filter that walks them again in the search) and the terms the snippets mark
/// (<see cref="PatternTerms"/>). Counting, then the default's own walk, then the snippets' walk
/// per field were three to five walks of each dictionary (a fifth of a prefix query, with the
/// 32 KB block the default's term hash allocates each time). The rewritten query is the one the
/// default gives (<c>LimitedRewriteTests</c>).
/// </summary>
internal sealed class LimitedRewrite : MultiTermQuery.RewriteMethod
{
    private static readonly ConstantScoreAutoRewrite Default = (ConstantScoreAutoRewrite)MultiTermQuery.CONSTANT_SCORE_AUTO_REWRITE_DEFAULT;

    private readonly int _limit;

    public LimitedRewrite(int limit) => _limit = limit;

    public override Query Rewrite(IndexReader reader, MultiTermQuery query)
    {
        // As ConstantScoreAutoRewrite: each term's documents in each segment it is in, and the
        // distinct terms, counted; at either cutoff (checked after each term) the filter.
        int docCutoff = (int)(Default.DocCountPercent / 100.0 * reader.MaxDoc);
        int termCutoff = Math.Min(BooleanQuery.MaxClauseCount, Default.TermCountCutoff);
        int docs = 0, count = 0;
        var few = new Dictionary<BytesRef, TermContext>();
        bool cutOff = false;
        var kept = new HashSet<string>(StringComparer.Ordinal);
        bool keeping = true;
        IComparer<BytesRef>? order = null;
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(query.Field);
            if (terms == null)
                continue;
            var termsEnum = GetTermsEnum(query, terms, new Lucene.Net.Util.AttributeSource());
            order = termsEnum.Comparer;
            while (termsEnum.MoveNext())
            {
                if (++count > _limit)
                    throw new TooManyTermsException(query, _limit);
                var term = termsEnum.Term;
                if (keeping && kept.Add(term.Utf8ToString()) && kept.Count > PatternTerms.MaxKept)
                    keeping = false;
                if (cutOff)
                    continue;
                bool known = few.TryGetValue(term, out var states);
                docs += termsEnum.DocFreq;
                if (few.Count + (known ? 0 : 1) >= termCutoff || docs >= docCutoff)
                {
                    cutOff = true;
                    few.Clear();
                }
                else if (known)
                    states!.Register(termsEnum.GetTermState(), leaf.Ord, termsEnum.DocFreq, termsEnum.TotalTermFreq);
                else
                    few[BytesRef.DeepCopyOf(term)] = new TermContext(reader.Context, termsEnum.GetTermState(), leaf.Ord, termsEnum.DocFreq, termsEnum.TotalTermFreq);
            }
        }
        PatternTerms.Remember(query, reader, keeping ? kept : null);
        if (cutOff)
            return MultiTermQuery.CONSTANT_SCORE_FILTER_REWRITE.Rewrite(reader, query);
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (bytes, states) in few.OrderBy(t => t.Key, order ?? BytesRef.UTF8SortedAsUnicodeComparer))
            any.Add(new TermQuery(new Term(query.Field, bytes), states), Occur.SHOULD);
        return new ConstantScoreQuery(any) { Boost = query.Boost };
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
