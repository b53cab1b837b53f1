namespace Search.Core.Indexing.Analysis;

/// <summary>
/// Emits each token twice at the same position: first an exact copy prefixed with
/// <see cref="Schema.ExactMarker"/> and marked as a keyword (so stemmers and stop filters further
/// down leave it alone), then the plain token to be stemmed. Quoted phrases query the exact terms,
/// everything else the stemmed ones, so one field (one set of positions, one term vector) serves
/// both. The stacked token has a position increment of 0, which BM25 ignores for length norms.
/// </summary>
public sealed class ExactTermFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly IKeywordAttribute _keyword;
    // The plain form waiting to be emitted. Only the term text differs between the two tokens
    // (offsets and type are shared), so saving it beats capturing and restoring every attribute.
    private char[] _plain = new char[32];
    private int _plainLength;
    private bool _pending;

    public ExactTermFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending)
        {
            _pending = false;
            _term.CopyBuffer(_plain, 0, _plainLength);
            _positionIncrement.PositionIncrement = 0;
            _keyword.IsKeyword = false;
            return true;
        }
        if (!m_input.IncrementToken())
            return false;
        int length = _term.Length;
        if (_plain.Length < length)
            _plain = new char[Math.Max(length, _plain.Length * 2)];
        // Plain loops, not Array.Copy: words are a few characters long, and Array.Copy's overlapping
        // memmove showed as a fifth of a build's CPU time in a profile.
        char[] buffer = _term.ResizeBuffer(length + 1);
        char[] plain = _plain;
        for (int i = length - 1; i >= 0; i--)
        {
            char c = buffer[i];
            plain[i] = c;
            buffer[i + 1] = c;
        }
        _plainLength = length;
        buffer[0] = Schema.ExactMarker;
        _term.Length = length + 1;
        _keyword.IsKeyword = true;
        _pending = true;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending = false;
    }
}

/// <summary>Query-side counterpart: prefixes every token with the exact marker.</summary>
public sealed class ExactMarkerFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public ExactMarkerFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        int length = _term.Length;
        char[] buffer = _term.ResizeBuffer(length + 1);
        Array.Copy(buffer, 0, buffer, 1, length);
        buffer[0] = Schema.ExactMarker;
        _term.Length = length + 1;
        return true;
    }
}
