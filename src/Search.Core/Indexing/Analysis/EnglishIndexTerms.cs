using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball;

namespace Search.Core.Indexing.Analysis;

/// <summary>
/// The English title and body chain at index time after the tokenizer, in one filter: what
/// EnglishPossessiveFilter → InvariantLowerCase → ASCIIFoldingFilter → <see cref="ExactTermFilter"/> →
/// StopFilter → <see cref="CachedStemFilter"/> → (<see cref="BodyTokens.Recorder"/>) →
/// <see cref="OneTermPerToken"/> give, token for token (term, position increment, offsets), without
/// making two tokens of every word and collapsing them again. The possessive <c>'s</c> goes, the
/// word is lower-cased and folded to ASCII (an ASCII word, most of them, by a loop of its own;
/// any other by Lucene's own lower-casing and folding code). Then a stop word is its exact form
/// (<c>=the</c>); otherwise the word is stemmed (the stem recorded for the combined field when the
/// body is being recorded) and is indexed bare when it is its own stem (<c>market</c>), as its
/// exact form otherwise (<c>=markets</c>). The chain of filters passed every word through eight
/// filters, two tokens through the last four, and saved and restored its attributes to collapse
/// them: title and body analysis of the 20k corpus took 1.3–1.4 s on one thread, this 0.6–0.7 s
/// (docs/performance.md, seventh round). Queries keep the chain of filters
/// (<see cref="TextMode.Exact"/>, <see cref="TextMode.Pairs"/>); the tests compare the two.
/// </summary>
internal sealed class EnglishIndexTerms : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly CharacterUtils _casing = CharacterUtils.GetInstance(ArticleAnalyzer.Version);
    private char[] _folded = new char[128];
    private readonly CharArraySet? _stopWords;
    // No word longer than the longest stop word ("there": 5) is looked up in the stop set.
    private readonly int _longestStopWord;
    private readonly CachedStemmer _stemmer;
    private readonly bool _recordBody;
    private readonly bool _dottedI;
    private BodyTokens.Recording? _recording;
    private char[] _word = new char[32];

    /// <param name="input">The tokenizer (StandardTokenizer).</param>
    /// <param name="stopWords">The stop set; null: no stop words.</param>
    /// <param name="recordBody">Record the stems for the combined field (the body field's chain).</param>
    /// <param name="dottedI">Lower İ to i, as <see cref="InvariantLowerCase"/> (letter rules 1 on).</param>
    public EnglishIndexTerms(TokenStream input, CharArraySet? stopWords, SnowballProgram stemmer, bool recordBody, bool dottedI = true) : base(input)
    {
        _dottedI = dottedI;
        _term = AddAttribute<ICharTermAttribute>();
        _stopWords = stopWords;
        foreach (object word in (System.Collections.IEnumerable?)stopWords ?? Array.Empty<object>())
            _longestStopWord = Math.Max(_longestStopWord, word is char[] chars ? chars.Length : word.ToString()!.Length);
        _stemmer = new CachedStemmer(stemmer);
        _recordBody = recordBody;
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        int length = Normalize();
        if (_stopWords is not null && length <= _longestStopWord && _stopWords.Contains(_term.Buffer, 0, length))
        {
            MarkExact(_term.Buffer, length);
            return true;
        }
        var word = new ReadOnlySpan<char>(_term.Buffer, 0, length);
        if (_stemmer.TryRecent(word, out var known))
        {
            // Most words: the stem read where it is, the term left as it is or marked in place.
            _recording?.Add(known);
            if (!known.SequenceEqual(word))
                MarkExact(_term.Buffer, length);
            return true;
        }
        if (_word.Length < length)
            _word = new char[Math.Max(length, 2 * _word.Length)];
        var saved = _word.AsSpan(0, length);
        word.CopyTo(saved);
        _stemmer.Stem(_term);
        _recording?.Add(_term.Buffer.AsSpan(0, _term.Length));
        if (!saved.SequenceEqual(_term.Buffer.AsSpan(0, _term.Length)))
            MarkExact(_word, length);
        return true;
    }

    /// <summary>The possessive off, lower case, folded to ASCII, as EnglishPossessiveFilter,
    /// InvariantLowerCase and ASCIIFoldingFilter do it; returns the term's length.</summary>
    private int Normalize()
    {
        char[] buffer = _term.Buffer;
        int length = _term.Length;
        if (length >= 2 && buffer[length - 2] is '\'' or '\u2019' or '\uFF07' && buffer[length - 1] is 's' or 'S')
            _term.Length = length -= 2;
        bool ascii = true;
        for (int i = 0; i < length; i++)
        {
            char c = buffer[i];
            if (c >= '\u0080')
            {
                ascii = false;
                break;
            }
            if ((uint)(c - 'A') <= 'Z' - 'A')
                buffer[i] = (char)(c | 0x20);
        }
        if (ascii)
            return length;
        if (_dottedI)
            InvariantLowerCase.Lower(_casing, buffer, length);
        else
            _casing.ToLower(buffer, 0, length);
        if (_folded.Length < 4 * length)
            _folded = new char[ArrayUtil.Oversize(4 * length, sizeof(char))];
        int folded = ASCIIFoldingFilter.FoldToASCII(buffer, 0, _folded, 0, length);
        _term.CopyBuffer(_folded, 0, folded);
        return folded;
    }

    /// <summary>Makes the term <c>=</c> and the word's <paramref name="length"/> characters in
    /// <paramref name="word"/> (which may be the term's own buffer).</summary>
    private void MarkExact(char[] word, int length)
    {
        char[] buffer = _term.ResizeBuffer(length + 1);
        if (word == buffer)
        {
            // In place, from the end (words are a few characters: a loop beats a memmove).
            for (int i = length - 1; i >= 0; i--)
                buffer[i + 1] = buffer[i];
        }
        else
        {
            for (int i = 0; i < length; i++)
                buffer[i + 1] = word[i];
        }
        buffer[0] = Schema.ExactMarker;
        _term.Length = length + 1;
    }

    public override void Reset()
    {
        base.Reset();
        _stemmer.Reset();
        _recording = _recordBody ? BodyTokens.Start() : null;
    }

    public override void End()
    {
        base.End();
        _recording?.Finish();
        _recording = null;
    }
}
