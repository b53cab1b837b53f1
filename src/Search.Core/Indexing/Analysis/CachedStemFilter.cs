using Lucene.Net.Tartarus.Snowball;

namespace Search.Core.Indexing.Analysis;

/// <summary>
/// Lucene's SnowballFilter with a memory of the words it has stemmed (<see cref="CachedStemmer"/>):
/// the same output, token for token (tokens marked as keywords, the exact forms, are left alone as
/// SnowballFilter leaves them).
/// </summary>
public sealed class CachedStemFilter : TokenFilter
{
    /// <summary>Words remembered per stemmer (about 6 MB at the most).</summary>
    public const int MaxWords = CachedStemmer.MaxWords;

    private readonly CachedStemmer _stemmer;
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    /// <param name="stemmer">A stemmer of its own (a Snowball program keeps state); its type names the shared memory.</param>
    public CachedStemFilter(TokenStream input, SnowballProgram stemmer) : this(input, stemmer, RecentStems.MaxSlots)
    {
    }

    /// <param name="recentSlots">Slots at most of the filter's own table (a power of two; tests make it small to force collisions).</param>
    internal CachedStemFilter(TokenStream input, SnowballProgram stemmer, int recentSlots) : base(input)
    {
        _stemmer = new CachedStemmer(stemmer, recentSlots);
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        if (!_keyword.IsKeyword)
            _stemmer.Stem(_term);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _stemmer.Reset();
    }
}
