namespace Search.Core.Indexing.Analysis;

/// <summary>
/// Last in the title's and body's chain: makes each word ONE indexed term at its position, out of
/// the exact copy (<see cref="ExactTermFilter"/>, marked as a keyword) and the stem stacked on it
/// (position increment 0) that the chain before makes of every word:
/// <list type="bullet">
/// <item>a stop word (the stop filter took its stem away): its exact copy, <c>=the</c>;</item>
/// <item>a word whose stem is the word itself: the bare stem, <c>market</c>, which is both that
/// stem's occurrence and that exact form's;</item>
/// <item>a word whose stem differs: its exact copy only, <c>=markets</c> (the stem still reaches the
/// combined ranking field: <see cref="BodyTokens.Recorder"/> sits before this filter).</item>
/// </list>
/// Exact queries are analysed with the same chain, so each of their words is the very term indexed
/// for it; a stem is found as its bare term and every exact form whose stem it is
/// (<see cref="StemForms"/>). Indexing one term per word instead of two took a third of the
/// postings and more than half of the positions off the index (docs/performance.md, issue 18).
/// Keeping the chain as it was (exact copy and stem at one position) and collapsing at its end
/// lets every language's chain, stop list and stemmer work unchanged. The English index chain
/// does the same in one filter (<see cref="EnglishIndexTerms"/>, compared with this one in the tests).
/// </summary>
public sealed class OneTermPerToken : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IKeywordAttribute _keyword;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;

    // The exact copy read ahead of its stem, and a token read ahead that is not that stem (the
    // word was a stop word), each kept by the attributes the writer reads (term, position, offsets)
    // and the type and keyword flag: cheaper than capturing every attribute for each word.
    private readonly Slot _exact = new(), _pending = new();
    private bool _hasPending;
    // The input is at its end (the saved word was its last).
    private bool _exhausted;

    public OneTermPerToken(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_hasPending)
        {
            Load(_pending);
            _hasPending = false;
        }
        else if (_exhausted || !m_input.IncrementToken())
            return false;
        if (!IsExactCopy())
            return true; // a token with no exact copy before it: as it is
        Save(_exact);
        if (!m_input.IncrementToken())
        {
            _exhausted = true;
            Load(_exact);
            return true;
        }
        if (_increment.PositionIncrement == 0 && !_keyword.IsKeyword)
        {
            // The stem of the saved word: one of the two goes, at the word's position.
            if (!StemIsWord())
            {
                Load(_exact);
                return true;
            }
            _increment.PositionIncrement = _exact.Increment;
            return true;
        }
        // The next word's exact copy: the saved word was a stop word.
        Save(_pending);
        _hasPending = true;
        Load(_exact);
        return true;
    }

    private bool IsExactCopy() => _keyword.IsKeyword && _term.Length > 0 && _term.Buffer[0] == Schema.ExactMarker;

    /// <summary>Whether the current (stem) token is the saved exact copy without its marker.</summary>
    private bool StemIsWord()
    {
        int length = _term.Length;
        if (length != _exact.Length - 1)
            return false;
        char[] stem = _term.Buffer;
        char[] exact = _exact.Chars;
        for (int i = 0; i < length; i++)
            if (stem[i] != exact[i + 1])
                return false;
        return true;
    }

    private void Save(Slot slot)
    {
        int length = _term.Length;
        if (slot.Chars.Length < length)
            slot.Chars = new char[Math.Max(length, slot.Chars.Length * 2)];
        Array.Copy(_term.Buffer, slot.Chars, length);
        slot.Length = length;
        slot.Increment = _increment.PositionIncrement;
        slot.Start = _offset.StartOffset;
        slot.End = _offset.EndOffset;
        slot.Type = _type.Type;
        slot.Keyword = _keyword.IsKeyword;
    }

    private void Load(Slot slot)
    {
        ClearAttributes();
        _term.CopyBuffer(slot.Chars, 0, slot.Length);
        _increment.PositionIncrement = slot.Increment;
        _offset.SetOffset(slot.Start, slot.End);
        _type.Type = slot.Type;
        _keyword.IsKeyword = slot.Keyword;
    }

    private sealed class Slot
    {
        public char[] Chars = new char[32];
        public int Length, Increment, Start, End;
        public string Type = TypeAttribute.DEFAULT_TYPE;
        public bool Keyword;
    }

    public override void Reset()
    {
        base.Reset();
        _hasPending = false;
        _exhausted = false;
    }
}
