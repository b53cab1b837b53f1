using System.Collections.Concurrent;
using Lucene.Net.Tartarus.Snowball;

namespace Search.Core.Indexing.Analysis;

/// <summary>
/// A Snowball stemmer with a memory of the words it has stemmed: the same stems, word for word.
/// Words repeat (a few thousand make most of any text), and the Snowball program, run on every
/// token, was a tenth of a build's time. The memory is shared by every thread and chain of one
/// stemmer and holds at most <see cref="MaxWords"/> words: past that, new words are stemmed every
/// time, so it never grows with the corpus. The memory counts its words itself:
/// <c>ConcurrentDictionary.Count</c> takes every one of its locks, and asking it on each new word
/// made the adding threads wait on one another (a quarter of their lock waits in a profile of a
/// 20k build).
/// In front of the shared memory each thread keeps its own (<see cref="RecentStems"/>): a lookup
/// in the shared dictionary by span, with its comparer, was 7% of a build's CPU, where a hit in
/// the thread's table is a hash of the characters, one or two comparisons and one copy. Tokens
/// without a letter (figures: "18.5", "3,491,030") are their own English stems and skip both
/// memories, which they would only crowd. Used by <see cref="CachedStemFilter"/> and by the
/// English index chain's <see cref="EnglishIndexTerms"/>; one instance per chain (the Snowball
/// program keeps state).
/// </summary>
internal sealed class CachedStemmer
{
    /// <summary>Words remembered per stemmer (about 6 MB at the most).</summary>
    public const int MaxWords = 60_000;

    private static readonly ConcurrentDictionary<Type, Memory> Memories = new();

    private readonly SnowballProgram _stemmer;
    private readonly Memory _memory;
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _recentSlots;
    private readonly bool _figuresAreStems;
    private RecentStems _recent;
    private char[] _word = new char[32];

    /// <param name="stemmer">A stemmer of its own; its type names the shared memory.</param>
    /// <param name="recentSlots">Slots at most of the thread's own table (a power of two; tests make it small to force collisions).</param>
    public CachedStemmer(SnowballProgram stemmer, int recentSlots = RecentStems.MaxSlots)
    {
        _stemmer = stemmer;
        _memory = Memories.GetOrAdd(stemmer.GetType(), _ => new Memory());
        _lookup = _memory.Words.GetAlternateLookup<ReadOnlySpan<char>>();
        _recentSlots = recentSlots;
        _figuresAreStems = stemmer is Lucene.Net.Tartarus.Snowball.Ext.EnglishStemmer;
        _recent = RecentStems.ForThisThread(stemmer.GetType(), recentSlots);
    }

    /// <summary>A chain may be made on one thread and used on another: the table is the user's
    /// (call on the chain's Reset).</summary>
    public void Reset() => _recent = RecentStems.ForThisThread(_stemmer.GetType(), _recentSlots);

    /// <summary>The stem of <paramref name="word"/> when it is known without stemming or a shared
    /// lookup: a figure (its own stem) or a word of this thread's table (the stem is then valid until
    /// the table next changes). Nothing is copied; on false, <see cref="Stem"/> finds it.</summary>
    public bool TryRecent(ReadOnlySpan<char> word, out ReadOnlySpan<char> stem)
    {
        if (_figuresAreStems && IsFigure(word))
        {
            stem = word;
            return true;
        }
        return _recent.TryGet(_recent.Set(word), word, out stem);
    }

    /// <summary>Replaces the word in <paramref name="term"/> by its stem.</summary>
    public void Stem(ICharTermAttribute term)
    {
        var word = new ReadOnlySpan<char>(term.Buffer, 0, term.Length);
        if (_figuresAreStems && IsFigure(word))
            return;
        int set = _recent.Set(word);
        if (_recent.TryGet(set, word, out var recentStem))
        {
            if (recentStem.Length > term.Buffer.Length)
                term.ResizeBuffer(recentStem.Length);
            recentStem.CopyTo(term.Buffer);
            term.Length = recentStem.Length;
            return;
        }
        if (_lookup.TryGetValue(word, out string? known))
        {
            _recent.Add(set, word, known);
            term.SetEmpty().Append(known);
            return;
        }
        // The stemmer works in the term's buffer: the word is kept aside for the memories.
        if (_word.Length < word.Length)
            _word = new char[Math.Max(word.Length, 2 * _word.Length)];
        word.CopyTo(_word);
        var surface = new ReadOnlySpan<char>(_word, 0, word.Length);
        _stemmer.SetCurrent(term.Buffer, term.Length);
        _stemmer.Stem();
        char[] stem = _stemmer.CurrentBuffer;
        int length = _stemmer.CurrentBufferLength;
        var stemmed = new ReadOnlySpan<char>(stem, 0, length);
        _recent.Add(set, surface, stemmed);
        if (!_memory.IsFull)
            _memory.Add(surface.ToString(), stemmed.ToString());
        if (stem != term.Buffer)
            term.CopyBuffer(stem, 0, length);
        else
            term.Length = length;
    }

    /// <summary>Whether a token is ASCII without a letter or an apostrophe: every rule of the
    /// English (Porter2) Snowball program reads letters or apostrophes, so such a token is its own
    /// stem there (the tests compare with SnowballFilter over the seeds' figures).</summary>
    private static bool IsFigure(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
            if (c >= 0x80 || c == '\'' || (uint)((c | 0x20) - 'a') <= 'z' - 'a')
                return false;
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
