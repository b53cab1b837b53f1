namespace Search.Core.Indexing.Analysis;

/// <summary>
/// Emits each token twice at the same position: first an exact copy prefixed with
/// <see cref="Schema.ExactMarker"/> and marked as a keyword (so stemmers and stop filters further
/// down leave it alone), then the plain token to be stemmed, at a position increment of 0. The
/// index keeps one of the two (<see cref="OneTermPerToken"/>, at the chain's end); snippets match
/// against both (<see cref="TextMode.Pairs"/>).
/// </summary>
public sealed class ExactTermFilter : TokenFilter
{
    // The plain form waiting to be emitted. Only the term text differs between the two tokens
    // (offsets and type are shared), so saving it beats capturing and restoring every attribute.
    private char[] _plain = new char[32];
    private int _plainLength;
    private bool _pending;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly IKeywordAttribute _keyword;

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
