namespace Search.Core.Indexing.Writing;

/// <summary>
/// The (band key, article) entries of one pass of <see cref="DuplicateClusterer"/>'s candidate
/// search, a list per band, each sorted on its own and read as runs of equal keys. An entry is one
/// 64-bit word, the key above the article's slot, so a band sorts as plain numbers (a sort of
/// (key, slot) pairs moved two arrays in step and was most of a clean archive's clustering pass);
/// the bands are sorted and read side by side, one worker per core. An article (doc, shingle
/// count, date) is kept once per pass, its entries point to it: 8 bytes an entry and 12 an
/// article, so a pass holds at most <see cref="ClusteringLimits.MaxEntries"/> of each. (Reading an
/// article's count and date again for each pair of a run instead, to keep less, made a 200k
/// build's pass 20–30 s: a run of a template-built corpus is long, its pairs many.)
/// </summary>
internal sealed class BandEntries
{
    /// <summary>What a run of two or more articles sharing a key is turned into: pairs, added to
    /// <c>found</c> (the worker's own list).</summary>
    public delegate void RunReader(ReadOnlySpan<int> slots, List<(int New, int Other)> found);

    private readonly ulong[][] _bands;
    private readonly int[] _counts;
    private int _bandsInUse;
    private readonly List<(int Doc, int Shingles, int Date)> _articles = new();

    /// <param name="bands">Bands a pass holds at most.</param>
    /// <param name="perBand">Entries a band is expected to hold (it grows past it when it must).</param>
    public BandEntries(int bands, int perBand)
    {
        _bands = new ulong[bands][];
        for (int b = 0; b < bands; b++)
            _bands[b] = new ulong[Math.Max(16, perBand)];
        _counts = new int[bands];
    }

    /// <summary>Empties the entries for a pass over <paramref name="bands"/> bands.</summary>
    public void Clear(int bands)
    {
        _bandsInUse = bands;
        Array.Clear(_counts);
        _articles.Clear();
    }

    public int AddArticle(int doc, int shingles, int date)
    {
        _articles.Add((doc, shingles, date));
        return _articles.Count - 1;
    }

    public (int Doc, int Shingles, int Date) Article(int slot) => _articles[slot];

    /// <param name="band">The band's place in this pass (0 for its first band).</param>
    public void Add(int band, uint key, int slot)
    {
        ref var entries = ref _bands[band];
        if (_counts[band] == entries.Length)
            Array.Resize(ref entries, entries.Length * 2);
        entries[_counts[band]++] = ((ulong)key << 32) | (uint)slot;
    }

    /// <summary>Sorts each band and calls <paramref name="read"/> with the article slots of each run
    /// of two or more equal keys (in no particular order, from as many threads as there are cores);
    /// the pairs the workers found are added to <paramref name="into"/>.</summary>
    public void SortedRuns(RunReader read, HashSet<(int New, int Other)> into)
    {
        var gate = new object();
        Parallel.For(0, _bandsInUse, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new Worker(),
            (band, _, worker) =>
            {
                worker.Read(_bands[band].AsSpan(0, _counts[band]), read);
                return worker;
            },
            worker =>
            {
                lock (gate)
                    into.UnionWith(worker.Found);
            });
    }

    /// <summary>One thread's buffers and pairs.</summary>
    private sealed class Worker
    {
        public readonly List<(int New, int Other)> Found = new();
        private int[] _slots = new int[16];
        private ulong[] _scratch = Array.Empty<ulong>();

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public void Read(Span<ulong> band, RunReader read)
        {
            if (_scratch.Length < band.Length)
                _scratch = new ulong[band.Length];
            var entries = SortByKey(band, _scratch.AsSpan(0, band.Length));
            for (int i = 0; i < entries.Length;)
            {
                ulong key = entries[i] >> 32;
                int j = i + 1;
                while (j < entries.Length && entries[j] >> 32 == key)
                    j++;
                if (j - i >= 2)
                {
                    if (_slots.Length < j - i)
                        _slots = new int[Math.Max(j - i, 2 * _slots.Length)];
                    for (int k = i; k < j; k++)
                        _slots[k - i] = (int)(uint)entries[k];
                    read(_slots.AsSpan(0, j - i), Found);
                }
                i = j;
            }
        }
    }

    /// <summary>The entries ordered by their key (the upper 32 bits; the slots below stay in any
    /// order): a radix sort, a byte of the key at a time, between <paramref name="entries"/> and
    /// <paramref name="scratch"/> (as long); returns the one that holds the result. Four passes
    /// over the band, where a comparison sort of a band of 20,000 made some fifteen.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static Span<ulong> SortByKey(Span<ulong> entries, Span<ulong> scratch)
    {
        Span<int> counts = stackalloc int[256];
        var from = entries;
        var to = scratch;
        for (int shift = 32; shift < 64; shift += 8)
        {
            counts.Clear();
            foreach (ulong e in from)
                counts[(int)(e >> shift) & 0xFF]++;
            int sum = 0;
            for (int b = 0; b < 256; b++)
                (counts[b], sum) = (sum, sum + counts[b]);
            foreach (ulong e in from)
                to[counts[(int)(e >> shift) & 0xFF]++] = e;
            var done = to;
            to = from;
            from = done;
        }
        return from; // four passes: back in entries
    }
}
