using System.Buffers;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;

namespace Search.Core.Snippets;

/// <summary>
/// Makes the body snippet and the highlighted title of a hit by analysing the stored text again
/// with the index's own analyser (so a word matches exactly when the query matched it: stem for
/// keywords, exact form for phrases) and marking matches with <see cref="Highlight"/> markers.
/// A matched phrase is marked as one span. The snippet is the passage of about
/// <see cref="SnippetChars"/> characters holding the most distinct matched words.
///
/// Re-analysing ten short bodies per page costs less than the term vectors FastVectorHighlighter
/// needs, which doubled indexing time and index size.
/// </summary>
public sealed class SnippetBuilder
{
    private static readonly char[] SentenceEnds = ['.', '\n', '!', '?'];

    public const int SnippetChars = 220;

    /// <summary>Only this much of a very long body is analysed for its snippet.</summary>
    private const int MaxAnalysedChars = 200_000;

    private readonly Analyzer _analyzer;
    private readonly QueryTerms _bodyTerms;
    private readonly QueryTerms _titleTerms;
    /// <summary>Find the stretches of a body or title worth analysing; null when the whole text must be.</summary>
    private readonly CandidateChunks? _bodyChunks;
    private readonly CandidateChunks? _titleChunks;

    public SnippetBuilder(Query query, IndexReader reader, ArticleAnalyzers analyzers)
        : this(query, reader, analyzers, analyseWholeBodies: false)
    {
    }

    /// <param name="analyseWholeBodies">Analyse every body whole, as before <see cref="CandidateChunks"/>
    /// (the reference the tests compare the scan with).</param>
    internal SnippetBuilder(Query query, IndexReader reader, ArticleAnalyzers analyzers, bool analyseWholeBodies)
    {
        _bodyTerms = QueryTerms.Extract(query, Schema.Body, reader);
        _titleTerms = QueryTerms.Extract(query, Schema.Title, reader);
        // A query of stems only (no phrase, no quoted word) is matched against stems alone: the
        // stemming analyser emits half the tokens of the index analyser's exact-plus-stem pairs
        // (a quarter less analysis time, measured on ten 1,850-character bodies).
        bool exact = new[] { _bodyTerms, _titleTerms }.Any(t => t.Phrases.Count > 0 || t.Terms.Any(w => w.StartsWith(Schema.ExactMarker)));
        _analyzer = exact ? analyzers.Pairs : analyzers.Stemmed;
        if (!analyseWholeBodies && CandidateChunks.Supports(analyzers))
        {
            _bodyChunks = CandidateChunks.For(_bodyTerms.Terms.Concat(_bodyTerms.Phrases.SelectMany(p => p)));
            _titleChunks = CandidateChunks.For(_titleTerms.Terms.Concat(_titleTerms.Phrases.SelectMany(p => p)));
        }
    }

    /// <summary>The best passage of the body, or its beginning when nothing in it matches.</summary>
    public string Body(string body)
    {
        if (_bodyTerms.IsEmpty)
            return Lead(body, SnippetChars);
        string text = body.Length > MaxAnalysedChars ? body[..MaxAnalysedChars] : body;
        var spans = Matches(Schema.Body, text, _bodyTerms, _bodyChunks);
        if (spans.Count == 0)
            return Lead(body, SnippetChars);
        var (start, end) = BestWindow(text, spans);
        return (start > 0 ? "…" : "") + Flatten(Mark(text, spans, start, end)) + (end < body.Length ? "…" : "");
    }

    /// <summary>The whole body with matched words marked (for reading an article found by a query);
    /// past the first <see cref="MaxAnalysedChars"/> characters nothing is marked.</summary>
    public string WholeBody(string body)
    {
        if (_bodyTerms.IsEmpty)
            return body;
        string text = body.Length > MaxAnalysedChars ? body[..MaxAnalysedChars] : body;
        var spans = Matches(Schema.Body, text, _bodyTerms, _bodyChunks);
        return spans.Count == 0 ? body : Mark(text, spans, 0, text.Length) + body[text.Length..];
    }

    /// <summary>The title with matched words marked (whole title, never cut).</summary>
    public string Title(string title)
    {
        if (_titleTerms.IsEmpty)
            return title;
        var spans = Matches(Schema.Title, title, _titleTerms, _titleChunks);
        return spans.Count == 0 ? title : Mark(title, spans, 0, title.Length);
    }

    /// <summary>A matched stretch of text: [Start, End) and the term that made it match.</summary>
    private readonly record struct Span(int Start, int End, string Term);

    private readonly record struct Token(int Start, int End, string Exact, string? Stem);

    /// <summary>The matches in a text: in the stretches <paramref name="chunks"/> finds (the same
    /// matches as analysing it whole, for a fraction of the work), or in the whole text.</summary>
    private List<Span> Matches(string field, string text, QueryTerms terms, CandidateChunks? chunks)
    {
        var spans = new List<Span>();
        if (chunks == null)
            Matches(field, text, terms, spans, 0);
        else if (terms.Phrases.Count == 0)
            TermMatches(field, text, chunks.Find(text), terms, spans);
        else
            foreach (var (start, end) in chunks.Find(text))
                Matches(field, start == 0 && end == text.Length ? text : text[start..end], terms, spans, start);
        return spans;
    }

    /// <summary>
    /// <see cref="TermMatches(string, string, QueryTerms, List{Span}, int)"/> over the stretches of
    /// <paramref name="text"/>, analysed as one text: the stretches joined by line breaks (the
    /// tokenizer never makes a token across white space, so each stretch gives the tokens it gives
    /// alone, and a term needs no neighbour), the offsets moved back to the stretch's place. A
    /// token stream per stretch cost more to set up, reset and end than the stretch's words took to
    /// analyse (half of the snippets' analysis). Phrases need their words' neighbours: each stretch
    /// alone (<see cref="Matches(string, string, QueryTerms, List{Span}, int)"/>).
    /// </summary>
    private void TermMatches(string field, string text, List<(int Start, int End)> stretches, QueryTerms terms, List<Span> spans)
    {
        if (stretches.Count <= 1)
        {
            foreach (var (start, end) in stretches)
                TermMatches(field, start == 0 && end == text.Length ? text : text[start..end], terms, spans, start);
            return;
        }
        var joined = new StringBuilder();
        // Where each stretch starts in the joined text, and how far its offsets move back.
        var starts = new int[stretches.Count];
        var shifts = new int[stretches.Count];
        for (int i = 0; i < stretches.Count; i++)
        {
            if (i > 0)
                joined.Append('\n');
            var (start, end) = stretches[i];
            starts[i] = joined.Length;
            shifts[i] = start - joined.Length;
            joined.Append(text, start, end - start);
        }
        int first = spans.Count;
        TermMatches(field, joined.ToString(), terms, spans, 0);
        int k = 0;
        for (int i = first; i < spans.Count; i++)
        {
            var span = spans[i];
            while (k + 1 < starts.Length && starts[k + 1] <= span.Start)
                k++;
            spans[i] = span with { Start = span.Start + shifts[k], End = span.End + shifts[k] };
        }
    }

    /// <summary>Adds the matches in <paramref name="text"/> to <paramref name="spans"/>, their
    /// offsets moved by <paramref name="shift"/> (where the text starts in the whole).</summary>
    private void Matches(string field, string text, QueryTerms terms, List<Span> spans, int shift)
    {
        if (terms.Phrases.Count == 0)
        {
            TermMatches(field, text, terms, spans, shift);
            return;
        }
        var tokens = Tokens(field, text);
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            int phraseEnd = PhraseAt(tokens, i, terms.Phrases);
            if (phraseEnd > i)
            {
                spans.Add(new Span(shift + t.Start, shift + tokens[phraseEnd].End, t.Exact));
                i = phraseEnd;
                continue;
            }
            if (terms.Terms.Contains(t.Exact))
                spans.Add(new Span(shift + t.Start, shift + t.End, t.Exact));
            else if (t.Stem != null && terms.Terms.Contains(t.Stem))
                spans.Add(new Span(shift + t.Start, shift + t.End, t.Stem));
        }
    }

    /// <summary>
    /// <see cref="Matches"/> for a query without phrases, in one pass over the token stream and
    /// without a string per word: terms are looked up by the analyser's own characters. (Making a
    /// string for each word and its stem took most of a snippet's time: 1.4 ms for ten bodies.)
    /// </summary>
    private void TermMatches(string field, string text, QueryTerms terms, List<Span> spans, int shift)
    {
        var lookup = terms.Terms.GetAlternateLookup<ReadOnlySpan<char>>();
        using var stream = _analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        int start = -1, end = -1;
        bool matched = false;
        while (stream.IncrementToken())
        {
            bool stacked = increment.PositionIncrement == 0 && start >= 0; // the stem of the word before
            if (!stacked)
            {
                start = offset.StartOffset;
                end = offset.EndOffset;
                matched = false;
            }
            // The exact form is tried first, then the stem, as for a query term of either kind.
            if (!matched && lookup.TryGetValue(term.Buffer.AsSpan(0, term.Length), out string? found))
            {
                spans.Add(new Span(shift + start, shift + end, found));
                matched = true;
            }
        }
        stream.End();
    }

    /// <summary>The index of the last token of a phrase starting at token i, or -1.</summary>
    private static int PhraseAt(List<Token> tokens, int i, List<string[]> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (i + phrase.Length > tokens.Count)
                continue;
            int k = 0;
            while (k < phrase.Length && tokens[i + k].Exact == phrase[k])
                k++;
            if (k == phrase.Length)
                return i + k - 1;
        }
        return -1;
    }

    /// <summary>Each word's exact term and (if not a stop word) its stem, with offsets (index analyser).</summary>
    private List<Token> Tokens(string field, string text)
    {
        var tokens = new List<Token>();
        using var stream = _analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            string value = term.ToString();
            if (increment.PositionIncrement == 0 && tokens.Count > 0)
                tokens[^1] = tokens[^1] with { Stem = value }; // the stem stacked on the exact term
            else
                tokens.Add(new Token(offset.StartOffset, offset.EndOffset, value, null));
        }
        stream.End();
        return tokens;
    }

    /// <summary>The window of about <see cref="SnippetChars"/> characters with the most distinct
    /// matched terms (then the most matches), widened to word boundaries.</summary>
    private static (int Start, int End) BestWindow(string text, List<Span> spans)
    {
        int bestStart = spans[0].Start, bestScore = -1;
        for (int i = 0; i < spans.Count; i++)
        {
            int windowEnd = spans[i].Start + SnippetChars - 40;
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            int count = 0;
            for (int j = i; j < spans.Count && spans[j].End <= windowEnd; j++)
            {
                distinct.Add(spans[j].Term);
                count++;
            }
            int score = distinct.Count * 1000 + count;
            if (score > bestScore)
            {
                bestScore = score;
                bestStart = spans[i].Start;
            }
        }
        // Some context before the first match: back up to a sentence start or a word boundary.
        int start = Math.Max(0, bestStart - 40);
        int sentence = text.LastIndexOfAny(SentenceEnds, Math.Max(0, bestStart - 1), bestStart - start);
        start = sentence >= 0 ? sentence + 1 : WordStart(text, start);
        while (start < bestStart && char.IsWhiteSpace(text[start]))
            start++;
        int end = Math.Min(text.Length, start + SnippetChars);
        if (end < text.Length)
        {
            int space = text.LastIndexOf(' ', end - 1, end - bestStart);
            end = space > bestStart ? space : end;
        }
        return (start, end);
    }

    private static int WordStart(string text, int i)
    {
        while (i > 0 && !char.IsWhiteSpace(text[i - 1]))
            i--;
        return i;
    }

    private static string Mark(string text, List<Span> spans, int start, int end)
    {
        var sb = new System.Text.StringBuilder(end - start + 16);
        int at = start;
        foreach (var s in spans)
        {
            if (s.End <= start || s.Start < at)
                continue;
            if (s.Start >= end)
                break;
            sb.Append(text, at, s.Start - at).Append(Highlight.Open).Append(text, s.Start, Math.Min(s.End, end) - s.Start).Append(Highlight.Close);
            at = Math.Min(s.End, end);
        }
        sb.Append(text, at, end - at);
        return sb.ToString();
    }

    /// <summary>The first <paramref name="max"/> characters of <paramref name="text"/>, cut at a word.</summary>
    /// <remarks>Of the text's first 4 × <paramref name="max"/> characters, flattened as
    /// <see cref="Flatten"/> does, only the first <paramref name="max"/> + 1 are made (all that the
    /// cut looks at): a hit whose body has no match shows its lead, and flattening the whole
    /// 880 characters was most of a prefix query's snippet time.</remarks>
    public static string Lead(string text, int max)
    {
        var source = text.AsSpan(0, Math.Min(text.Length, max * 4));
        char[]? rented = null;
        Span<char> buffer = max < StackChars ? stackalloc char[max + 1] : (rented = ArrayPool<char>.Shared.Rent(max + 1));
        try
        {
            int n = FlattenInto(source, buffer[..(max + 1)]);
            var flat = buffer[..n];
            if (n <= max)
                return flat.SequenceEqual(text) ? text : new string(flat);
            int cut = flat.LastIndexOf(' ');
            return string.Concat(flat[..(cut > max / 2 ? cut : max)], "…");
        }
        finally
        {
            if (rented != null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Longer texts are flattened into a rented buffer instead of one on the stack.</summary>
    private const int StackChars = 1024;

    /// <summary>The text on one line: each run of white space one space, none at either end.
    /// One pass, a character at a time, into a buffer: a snippet's words are short, and the two
    /// vectorised searches per word it made before (over the twenty-five characters
    /// <see cref="char.IsWhiteSpace(char)"/> accepts, which no vector instruction matches at once)
    /// cost more than looking at each character (8 % of a prefix query, 2 µs a hit).</summary>
    private static string Flatten(string text)
    {
        char[]? rented = null;
        Span<char> buffer = text.Length <= StackChars ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            int n = FlattenInto(text, buffer);
            var flat = buffer[..n];
            return flat.SequenceEqual(text) ? text : new string(flat);
        }
        finally
        {
            if (rented != null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Writes <paramref name="source"/> flattened (each run of white space one space, none
    /// at either end) into <paramref name="buffer"/>, stopping when it is full; returns the
    /// characters written.</summary>
    private static int FlattenInto(ReadOnlySpan<char> source, Span<char> buffer)
    {
        int n = 0;
        bool gap = false;
        foreach (char c in source)
        {
            if (char.IsWhiteSpace(c))
            {
                gap = n > 0;
                continue;
            }
            if (gap)
            {
                buffer[n++] = ' ';
                gap = false;
                if (n == buffer.Length)
                    break;
            }
            buffer[n++] = c;
            if (n == buffer.Length)
                break;
        }
        return n;
    }
}
