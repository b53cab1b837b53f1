namespace Search.Core.Indexing.Analysis;

/// <summary>
/// Analyses an article's body once for two fields. The body field's chain (exact and stemmed terms
/// at each position) ends in a <see cref="Recorder"/> that keeps the stemmed terms it emits (the
/// English index chain records them itself, <see cref="EnglishIndexTerms"/>); the
/// combined ranking field (<see cref="Schema.AllText"/>), which wants exactly those stemmed terms,
/// replays them instead of running the tokenizer, folding, stop words and stemmer over the body a
/// second time. The writer inverts one field at a time on the thread that adds the document, and
/// the body before the combined field (fields are inverted in name order, and "body" also comes
/// first in the document), so one recording per thread suffices; a replay checks that the
/// recording is complete and of this very text, and analyses the text itself otherwise.
/// </summary>
public static class BodyTokens
{
    [ThreadStatic] private static Recording? t_recording;

    private static Recording Current => t_recording ??= new Recording();

    /// <summary>Bodies replayed rather than analysed again, since the process started (for tests).</summary>
    internal static long Replays;

    /// <summary>The body field: recorded while the writer inverts it.</summary>
    public sealed class RecordedField(string name, string value, FieldType type) : Field(name, value, type)
    {
        public override TokenStream GetTokenStream(Analyzer analyzer)
        {
            Current.Expect(GetStringValue());
            return base.GetTokenStream(analyzer);
        }
    }

    /// <summary>The body's part of the combined field: the recorded stemmed terms, when there are.</summary>
    public sealed class ReplayedField(string name, string value, FieldType type) : Field(name, value, type)
    {
        [ThreadStatic] private static ReplayStream? t_stream;

        public override TokenStream GetTokenStream(Analyzer analyzer)
        {
            var recording = Current;
            if (!recording.IsCompleteFor(GetStringValue()))
                return base.GetTokenStream(analyzer);
            var stream = t_stream ??= new ReplayStream();
            stream.Prepare(recording);
            Interlocked.Increment(ref Replays);
            return stream;
        }
    }

    /// <summary>Last in the body's index-time chain: records the stemmed (not exact) terms of the
    /// text a <see cref="RecordedField"/> announced, which is what the combined field holds; does
    /// nothing for any other text.</summary>
    public sealed class Recorder(TokenStream input) : StemmedTermFilter(input)
    {
        private Recording? _into;

        protected override void OnStemmedTerm(ICharTermAttribute term) =>
            _into?.Add(term.Buffer, term.Length);

        public override void Reset()
        {
            base.Reset();
            _into = Start();
        }

        public override void End()
        {
            base.End();
            _into?.Finish();
            _into = null;
        }
    }

    /// <summary>Begins this thread's recording of the text a <see cref="RecordedField"/> announced
    /// (a chain calls it on Reset, adds each stemmed term, and finishes it on End); null when none
    /// was announced, and then nothing is to be recorded.</summary>
    internal static Recording? Start() => Current.Start();

    /// <summary>The stemmed terms of one text, in order, in one buffer.</summary>
    internal sealed class Recording
    {
        private string? _expected;
        private string? _source;
        private bool _complete;
        public char[] Chars = new char[4096];
        public int[] Ends = new int[512];
        public int Count;
        private int _used;

        public void Expect(string text) => _expected = text;

        /// <summary>Begins recording the announced text; null when none was announced.</summary>
        public Recording? Start()
        {
            _source = _expected;
            _expected = null;
            _complete = false;
            Count = 0;
            _used = 0;
            return _source == null ? null : this;
        }

        public void Add(char[] term, int length) => Add(term.AsSpan(0, length));

        public void Add(ReadOnlySpan<char> term)
        {
            if (_used + term.Length > Chars.Length)
                Array.Resize(ref Chars, Math.Max(Chars.Length * 2, _used + term.Length));
            if (Count == Ends.Length)
                Array.Resize(ref Ends, Ends.Length * 2);
            term.CopyTo(Chars.AsSpan(_used));
            _used += term.Length;
            Ends[Count++] = _used;
        }

        public void Finish() => _complete = true;

        public bool IsCompleteFor(string text) => _complete && ReferenceEquals(_source, text);
    }

    private sealed class ReplayStream : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private Recording? _recording;
        private int _next;

        public ReplayStream() => _term = AddAttribute<ICharTermAttribute>();

        public void Prepare(Recording recording)
        {
            _recording = recording;
            _next = 0;
        }

        public override bool IncrementToken()
        {
            var r = _recording;
            if (r == null || _next >= r.Count)
                return false;
            ClearAttributes();
            int start = _next == 0 ? 0 : r.Ends[_next - 1];
            _term.CopyBuffer(r.Chars, start, r.Ends[_next] - start);
            _next++;
            return true;
        }

        public override void Reset() => _next = 0;
    }
}
