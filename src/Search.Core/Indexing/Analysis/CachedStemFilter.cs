using System.Collections.Concurrent;
using Lucene.Net.Tartarus.Snowball;

namespace Search.Core.Indexing.Analysis;

/// <summary>
/// Lucene's SnowballFilter with a memory of the words it has stemmed: the same output, token for
/// token (tokens marked as keywords, the exact forms, are left alone as SnowballFilter leaves
/// them). Words repeat (a few thousand make most of any text), and the Snowball program, run on
/// every token, was a tenth of a build's time. The memory is shared by every thread and chain of
/// one stemmer and holds at most <see cref="MaxWords"/> words: past that, new words are stemmed
/// every time, so it never grows with the corpus. The memory counts its words itself:
/// <c>ConcurrentDictionary.Count</c> takes every one of its locks, and asking it on each new word
/// made the adding threads wait on one another (a quarter of their lock waits in a profile of a
/// 20k build).
/// </summary>
public sealed class CachedStemFilter : TokenFilter
{
    /// <summary>Words remembered per stemmer (about 6 MB at the most).</summary>
    public const int MaxWords = 60_000;

    private static readonly ConcurrentDictionary<Type, Memory> Memories = new();

    private readonly SnowballProgram _stemmer;
    private readonly Memory _memory;
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    /// <param name="stemmer">A stemmer of its own (a Snowball program keeps state); its type names the shared memory.</param>
    public CachedStemFilter(TokenStream input, SnowballProgram stemmer) : base(input)
    {
        _stemmer = stemmer;
        _memory = Memories.GetOrAdd(stemmer.GetType(), _ => new Memory());
        _lookup = _memory.Words.GetAlternateLookup<ReadOnlySpan<char>>();
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        if (_keyword.IsKeyword)
            return true;
        var word = new ReadOnlySpan<char>(_term.Buffer, 0, _term.Length);
        if (_lookup.TryGetValue(word, out string? known))
        {
            _term.SetEmpty().Append(known);
            return true;
        }
        string surface = _memory.IsFull ? "" : word.ToString();
        _stemmer.SetCurrent(_term.Buffer, _term.Length);
        _stemmer.Stem();
        char[] stem = _stemmer.CurrentBuffer;
        int length = _stemmer.CurrentBufferLength;
        if (surface.Length > 0)
            _memory.Add(surface, new string(stem, 0, length));
        if (stem != _term.Buffer)
            _term.CopyBuffer(stem, 0, length);
        else
            _term.Length = length;
        return true;
    }

    /// <summary>One stemmer's words, shared by its threads, with their number kept beside them.</summary>
    private sealed class Memory
    {
        private int _count;

        public ConcurrentDictionary<string, string> Words { get; } = new(StringComparer.Ordinal);

        /// <summary>Full once <see cref="MaxWords"/> words are in (a few more when threads add at once).</summary>
        public bool IsFull => Volatile.Read(ref _count) >= MaxWords;

        public void Add(string word, string stem)
        {
            if (Words.TryAdd(word, stem))
                Interlocked.Increment(ref _count);
        }
    }
}
