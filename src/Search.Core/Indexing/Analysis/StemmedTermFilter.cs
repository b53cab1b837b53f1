namespace Search.Core.Indexing.Analysis;

/// <summary>
/// A filter that acts on the stemmed terms of a chain and passes the exact copies through: an exact
/// copy (for quoted phrases) is marked as a keyword by <see cref="ExactTermFilter"/>, and what is
/// done to the stemmed form of a word (joining an irregular stem, recording the combined field's
/// terms) must never reach it.
/// </summary>
public abstract class StemmedTermFilter : TokenFilter
{
    /// <summary>Called once for each token that is not an exact copy, with its term to read or change.</summary>
    protected abstract void OnStemmedTerm(ICharTermAttribute term);

    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    protected StemmedTermFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public sealed override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        if (!_keyword.IsKeyword)
            OnStemmedTerm(_term);
        return true;
    }
}
