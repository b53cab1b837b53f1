namespace Search.Core.Indexing.Analysis;

/// <summary>
/// The words one <see cref="CachedStemFilter"/> stemmed lately, with their stems: a direct-mapped
/// table (one word a slot, a newcomer replaces the word in its slot) keyed by a hash of the
/// characters. Not thread-safe: a filter is used by one thread at a time. A slot holds one
/// <c>char[]</c>: the word's length, the stem's length, the word, the stem; it is reused in place
/// when the next word fits, so a table that has warmed up stops allocating.
/// </summary>
internal sealed class RecentStems
{
    /// <summary>Slots of a filter's table: the few thousand words that make most of a text fit
    /// with few collisions, in 64 KB of slots (and the words themselves).</summary>
    public const int DefaultSlots = 8192;

    private const int Header = 2;

    private readonly char[]?[] _slots;
    private readonly int _mask;

    public RecentStems(int slots)
    {
        if (slots <= 0 || (slots & (slots - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "a power of two");
        _slots = new char[slots][];
        _mask = slots - 1;
    }

    /// <summary>The slot of <paramref name="word"/>: FNV-1a over its characters, folded.</summary>
    public int Slot(ReadOnlySpan<char> word)
    {
        uint h = 2166136261;
        foreach (char c in word)
            h = (h ^ c) * 16777619;
        return (int)((h ^ (h >> 13)) & (uint)_mask);
    }

    /// <summary>The stem of <paramref name="word"/> when slot <paramref name="slot"/> holds it.</summary>
    public bool TryGet(int slot, ReadOnlySpan<char> word, out ReadOnlySpan<char> stem)
    {
        char[]? entry = _slots[slot];
        if (entry != null && entry[0] == word.Length && word.SequenceEqual(entry.AsSpan(Header, word.Length)))
        {
            stem = entry.AsSpan(Header + word.Length, entry[1]);
            return true;
        }
        stem = default;
        return false;
    }

    /// <summary>Puts <paramref name="word"/> and its stem in slot <paramref name="slot"/>, in place of what it held.</summary>
    public void Set(int slot, ReadOnlySpan<char> word, ReadOnlySpan<char> stem)
    {
        int length = Header + word.Length + stem.Length;
        if (word.Length > char.MaxValue || stem.Length > char.MaxValue)
            return;
        char[]? entry = _slots[slot];
        if (entry == null || entry.Length < length)
            _slots[slot] = entry = new char[Math.Max(length, 24)];
        entry[0] = (char)word.Length;
        entry[1] = (char)stem.Length;
        word.CopyTo(entry.AsSpan(Header));
        stem.CopyTo(entry.AsSpan(Header + word.Length));
    }
}
