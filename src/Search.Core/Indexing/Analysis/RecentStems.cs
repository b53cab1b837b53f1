namespace Search.Core.Indexing.Analysis;

/// <summary>
/// The words one thread stemmed lately with one stemmer, and their stems, in front of
/// <see cref="CachedStemFilter"/>'s shared memory: a two-way set-associative table keyed by a hash
/// of the characters (a newcomer replaces the less recently used word of its set), held in one
/// <c>char[]</c> of fixed-size slots (the word's length, the stem's length, the word, the stem), so
/// a lookup reads one or two cache lines and nothing is allocated per word. A word whose word and
/// stem do not fit a slot (some 15 letters and more) is not kept here. The table starts small and
/// doubles, up to its maximum, each time it has had as many misses as it has slots: a thread that
/// runs a few queries keeps a few kilobytes, one that indexes a corpus the words of most of its text.
/// Not thread-safe: one table a thread (<see cref="ForThisThread"/>).
/// </summary>
internal sealed class RecentStems
{
    /// <summary>Slots at most: 32,768 × 64 bytes (2 MB) a thread. In news text without stop words a
    /// tenth of the tokens are words met for the first time in a long while; with half the slots,
    /// twice as many missed the table (a simulation over the 20k benchmark corpus).</summary>
    public const int MaxSlots = 32_768;

    /// <summary>Slots at first.</summary>
    public const int FirstSlots = 512;

    /// <summary>Characters a slot: the two lengths, then word and stem (64 bytes).</summary>
    private const int SlotChars = 32;

    private const int Header = 2;

    /// <summary>In the stem-length character of a set's first slot: its second slot was used last.</summary>
    private const char SecondIsRecent = '\u8000';
    private const char LengthBits = '\u7FFF';

    [ThreadStatic] private static List<(Type Stemmer, int MaxSlots, RecentStems Table)>? t_tables;

    private readonly int _maxSlots;
    private char[] _table;
    private int _setMask;
    private int _misses;

    public RecentStems(int maxSlots = MaxSlots)
    {
        if (maxSlots < 2 || (maxSlots & (maxSlots - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(maxSlots), maxSlots, "a power of two, two or more");
        _maxSlots = maxSlots;
        int slots = Math.Min(FirstSlots, maxSlots);
        _table = new char[slots * SlotChars];
        _setMask = slots / 2 - 1;
    }

    /// <summary>This thread's table for <paramref name="stemmer"/>'s type (made on first use).</summary>
    public static RecentStems ForThisThread(Type stemmer, int maxSlots = MaxSlots)
    {
        var tables = t_tables ??= new();
        foreach (var (type, max, table) in tables)
            if (type == stemmer && max == maxSlots)
                return table;
        var made = new RecentStems(maxSlots);
        tables.Add((stemmer, maxSlots, made));
        return made;
    }

    /// <summary>The set of <paramref name="word"/>: FNV-1a over its characters, folded.</summary>
    public int Set(ReadOnlySpan<char> word)
    {
        uint h = 2166136261;
        foreach (char c in word)
            h = (h ^ c) * 16777619;
        return (int)((h ^ (h >> 15)) & (uint)_setMask);
    }

    /// <summary>The stem of <paramref name="word"/> when set <paramref name="set"/> holds it (valid
    /// until the table is next changed).</summary>
    public bool TryGet(int set, ReadOnlySpan<char> word, out ReadOnlySpan<char> stem)
    {
        var first = _table.AsSpan(set * 2 * SlotChars, 2 * SlotChars);
        if (first[0] == word.Length && word.SequenceEqual(first.Slice(Header, word.Length)))
        {
            first[1] &= LengthBits;
            stem = first.Slice(Header + word.Length, first[1]);
            return true;
        }
        var second = first[SlotChars..];
        if (second[0] == word.Length && word.SequenceEqual(second.Slice(Header, word.Length)))
        {
            first[1] |= SecondIsRecent;
            stem = second.Slice(Header + word.Length, second[1]);
            return true;
        }
        stem = default;
        return false;
    }

    /// <summary>After a miss: puts <paramref name="word"/> and its stem in set <paramref name="set"/>
    /// (the one <see cref="Set(ReadOnlySpan{char})"/> gave just before), in place of the word of the
    /// set used less recently.</summary>
    public void Add(int set, ReadOnlySpan<char> word, ReadOnlySpan<char> stem)
    {
        int slots = _table.Length / SlotChars;
        if (++_misses >= slots && slots < _maxSlots)
        {
            // Outgrown: twice the slots, empty (the words come back as they are met).
            _table = new char[2 * slots * SlotChars];
            _setMask = slots - 1;
            _misses = 0;
            return;
        }
        if (word.Length == 0 || Header + word.Length + stem.Length > SlotChars)
            return;
        var first = _table.AsSpan(set * 2 * SlotChars, 2 * SlotChars);
        bool intoSecond = (first[1] & SecondIsRecent) == 0;
        var entry = intoSecond ? first[SlotChars..] : first[..SlotChars];
        entry[0] = (char)word.Length;
        entry[1] = intoSecond ? (char)stem.Length : (char)(stem.Length | (first[1] & SecondIsRecent));
        word.CopyTo(entry[Header..]);
        stem.CopyTo(entry[(Header + word.Length)..]);
        if (intoSecond)
            first[1] |= SecondIsRecent;
        else
            first[1] &= LengthBits;
    }
}
