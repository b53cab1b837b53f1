namespace Search.Core.Duplicates;

/// <summary>
/// What building a document needs of a <see cref="DuplicateFingerprint"/>: the
/// <see cref="MinHashSignature"/> of the body's shingles and how many distinct shingles there are,
/// equal to those of <see cref="DuplicateFingerprint.Of"/>, bit for bit, without its lists and its
/// sort. The distinct shingles are found with a hash set of this thread's (the signature does not
/// depend on their order), and the word hashes and shingles go in buffers of this thread's, so one
/// article costs the signature and nothing else. Sorting every article's shingles was a third of
/// the fingerprint's time in a profile of a 20k build.
/// </summary>
public static class ShingleSketch
{
    [ThreadStatic] private static Buffers? t_buffers;

    /// <summary>The signature and the number of distinct shingles of <paramref name="body"/>, or
    /// null when it is too short to be compared (as <see cref="DuplicateFingerprint.Of"/>); and,
    /// whatever its length, the body's <see cref="TextShingles.Hash"/> (what
    /// <see cref="DuplicateFingerprint.KeyOf(string, ulong)"/> needs).</summary>
    public static (uint[] Signature, int Shingles)? Of(string body, out ulong bodyHash)
    {
        var b = t_buffers ??= new Buffers();
        int words = TextShingles.WordHashes(body, ref b.Words, out bodyHash);
        if (words < NearDuplicateRule.MinWords)
            return null;
        var hashes = b.Words.AsSpan(0, Math.Min(words, DuplicateFingerprint.MaxShingles + TextShingles.Width - 1));
        int count = hashes.Length - TextShingles.Width + 1;
        if (b.Sequence.Length < count)
            b.Sequence = new uint[Math.Max(count, 2 * b.Sequence.Length)];
        var sequence = b.Sequence.AsSpan(0, count);
        TextShingles.ShingleSequence(hashes, sequence);
        var distinct = b.Distinct(sequence);
        return (MinHashSignature.Compute(distinct), distinct.Length);
    }

    private sealed class Buffers
    {
        public ulong[] Words = new ulong[1024];
        public uint[] Sequence = new uint[1024];
        private uint[] _set = new uint[2048];
        private uint[] _distinct = new uint[1024];

        /// <summary>The distinct values of <paramref name="values"/>, in order of first appearance.</summary>
        public ReadOnlySpan<uint> Distinct(ReadOnlySpan<uint> values)
        {
            int size = 64;
            while (size < 2 * values.Length)
                size *= 2;
            if (_set.Length < size)
                _set = new uint[size];
            if (_distinct.Length < values.Length)
                _distinct = new uint[values.Length];
            var set = _set.AsSpan(0, size);
            set.Clear();
            uint mask = (uint)size - 1;
            // Zero marks an empty place: a shingle of zero is counted apart.
            bool zero = false;
            int n = 0;
            foreach (uint v in values)
            {
                if (v == 0)
                {
                    if (!zero) { zero = true; _distinct[n++] = 0; }
                    continue;
                }
                uint i = (v * 0x9E3779B1u) >> 7 & mask;
                while (true)
                {
                    uint held = set[(int)i];
                    if (held == v)
                        break;
                    if (held == 0)
                    {
                        set[(int)i] = v;
                        _distinct[n++] = v;
                        break;
                    }
                    i = (i + 1) & mask;
                }
            }
            return _distinct.AsSpan(0, n);
        }
    }
}
